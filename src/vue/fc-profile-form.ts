/**
 * `franceconnect-elements/vue/fc-profile-form`: defines `<fc-profile-form>` alone and types it for Vue
 * templates, so that a page that shows only this element pays only for it.
 */
import type { DefineComponent } from 'vue';
import type { FcProfileForm } from '../define/fc-profile-form.js';
import type { Props } from './types.js';
import '../define/fc-profile-form.js';

declare module 'vue' {
  interface GlobalComponents {
    'fc-profile-form': DefineComponent<Props<FcProfileForm> & { onChange?: (event: Event) => void; onInput?: (event: Event) => void }>;
  }
}

export { isCustomElement } from './types.js';
