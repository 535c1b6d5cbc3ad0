/** What the Vue entry points share: prop types, and the test for Vue's compiler. */
import type { FcActivateDetail } from '../define/fc-button.js';

export type Props<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>>;
export type Activate = { 'onFc-activate'?: (event: CustomEvent<FcActivateDetail>) => void };

/** For Vue's compiler: `compilerOptions: { isCustomElement }`. */
export const isCustomElement = (tag: string): boolean => tag.startsWith('fc-');
