/**
 * `franceconnect-elements/vue/fc-button`: defines `<fc-button>` alone and types it for Vue
 * templates, so that a page that shows only this element pays only for it.
 */
import type { DefineComponent } from 'vue';
import type { FcButton } from '../define/fc-button.js';
import type { Props, Activate } from './types.js';
import '../define/fc-button.js';

declare module 'vue' {
  interface GlobalComponents {
    'fc-button': DefineComponent<Props<FcButton> & Activate>;
  }
}

export { isCustomElement } from './types.js';
