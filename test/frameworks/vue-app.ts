import { createApp, h, reactive } from 'vue';
import 'franceconnect-elements/vue/index.js';
import type { FcIdentity } from 'franceconnect-elements/define/fc-profile-form.js';
import Demo from './Demo.vue';

export interface VueDemoState {
  theme: 'light' | 'dark';
  identity: FcIdentity | null;
  plus: boolean;
  provider?: 'franceconnect' | 'proconnect';
  disabled?: boolean;
  variant?: 'login' | 'data';
  href?: string;
}

export interface VueDemoHandlers {
  onActivate: (detail: unknown) => void;
  onProfileChange: (event: Event) => void;
  onSubmitted: (data: FormData) => void;
}

/** Mounts the SFC; assigning to the returned `state` updates its props reactively. */
export function mountVue(container: HTMLElement, initial: VueDemoState, handlers: VueDemoHandlers) {
  const state = reactive({ disabled: false, variant: 'login' as 'login' | 'data', href: '/auth', provider: 'franceconnect' as 'franceconnect' | 'proconnect', ...initial });
  const app = createApp({
    render: () =>
      h(Demo, {
        theme: state.theme,
        identity: state.identity,
        plus: state.plus,
        provider: state.provider,
        disabled: state.disabled,
        variant: state.variant,
        href: state.href,
        onActivate: handlers.onActivate,
        onProfileChange: handlers.onProfileChange,
        onSubmitted: handlers.onSubmitted,
      }),
  });
  app.mount(container);
  return { state, unmount: () => app.unmount() };
}
