/**
 * Vue 3 typings for the elements, so that templates know the tags and check
 * their props. Importing this module also defines the elements. Tell Vue's compiler
 * they are custom elements: `compilerOptions.isCustomElement: (tag) => tag.startsWith('fc-')`.
 */
import type { DefineComponent } from 'vue';
import type { FcActivateDetail, FcButton } from '../define/fc-button.js';
import type { FcSeparator } from '../define/fc-separator.js';
import type { FcLoginBlock } from '../define/fc-login-block.js';
import type { FcProfileForm } from '../define/fc-profile-form.js';
import type { FcAccount } from '../define/fc-account.js';
import '../index.js';

type Props<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>>;
type Activate = { 'onFc-activate'?: (event: CustomEvent<FcActivateDetail>) => void };

declare module 'vue' {
  interface GlobalComponents {
    'fc-button': DefineComponent<Props<FcButton> & Activate>;
    'fc-login-block': DefineComponent<
      Props<FcLoginBlock> & Activate & { 'heading-level'?: number | string; 'no-heading'?: boolean }
    >;
    'fc-separator': DefineComponent<Props<FcSeparator>>;
    'fc-profile-form': DefineComponent<
      Props<FcProfileForm> & { onChange?: (event: Event) => void; onInput?: (event: Event) => void }
    >;
    'fc-account': DefineComponent<Props<FcAccount> & { 'profile-href'?: string; 'logout-href'?: string }>;
  }
}

/** For Vue's compiler: `compilerOptions: { isCustomElement }`. */
export const isCustomElement = (tag: string): boolean => tag.startsWith('fc-');
