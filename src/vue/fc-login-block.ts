/**
 * `franceconnect-elements/vue/fc-login-block`: defines `<fc-login-block>` alone and types it for Vue
 * templates, so that a page that shows only this element pays only for it.
 */
import type { DefineComponent } from 'vue';
import type { FcLoginBlock } from '../define/fc-login-block.js';
import type { Props, Activate } from './types.js';
import '../define/fc-login-block.js';

declare module 'vue' {
  interface GlobalComponents {
    'fc-login-block': DefineComponent<Props<FcLoginBlock> & Activate & { 'heading-level'?: number | string; 'no-heading'?: boolean }>;
  }
}

export { isCustomElement } from './types.js';
