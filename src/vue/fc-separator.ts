/**
 * `franceconnect-elements/vue/fc-separator`: defines `<fc-separator>` alone and types it for Vue
 * templates, so that a page that shows only this element pays only for it.
 */
import type { DefineComponent } from 'vue';
import type { FcSeparator } from '../define/fc-separator.js';
import type { Props } from './types.js';
import '../define/fc-separator.js';

declare module 'vue' {
  interface GlobalComponents {
    'fc-separator': DefineComponent<Props<FcSeparator>>;
  }
}

export { isCustomElement } from './types.js';
