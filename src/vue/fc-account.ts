/**
 * `franceconnect-elements/vue/fc-account`: defines `<fc-account>` alone and types it for Vue
 * templates, so that a page that shows only this element pays only for it.
 */
import type { DefineComponent } from 'vue';
import type { FcAccount } from '../define/fc-account.js';
import type { Props } from './types.js';
import '../define/fc-account.js';

declare module 'vue' {
  interface GlobalComponents {
    'fc-account': DefineComponent<Props<FcAccount> & { 'profile-href'?: string; 'logout-href'?: string }>;
  }
}

export { isCustomElement } from './types.js';
