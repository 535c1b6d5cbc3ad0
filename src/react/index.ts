/**
 * React components for the elements, made with @lit/react: properties are set
 * as properties (so `identity` goes in as an object), and the elements' events are
 * `on…` props. Importing this module defines the elements. `react` is a peer
 * dependency of this entry point only.
 *
 * It also declares the bare tags for JSX, for React 19's native custom-element
 * support: `<fc-button href="/auth" />`.
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
import { FcButton as FcButtonElement, type FcActivateDetail } from '../define/fc-button.js';
import { FcSeparator as FcSeparatorElement } from '../define/fc-separator.js';
import { FcLoginBlock as FcLoginBlockElement } from '../define/fc-login-block.js';
import { FcProfileForm as FcProfileFormElement } from '../define/fc-profile-form.js';
import { FcAccount as FcAccountElement } from '../define/fc-account.js';

type ActivateEvent = CustomEvent<FcActivateDetail>;

/** The element's own public properties, optional, plus React's usual HTML props. */
type Props<E extends HTMLElement, Events> = Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>> &
  Omit<React.HTMLAttributes<E>, 'onChange' | 'onInput'> &
  Events & { children?: React.ReactNode; ref?: React.Ref<E> };

export type FcButtonProps = Props<FcButtonElement, { onFcActivate?: (event: ActivateEvent) => void }>;
export type FcLoginBlockProps = Props<FcLoginBlockElement, { onFcActivate?: (event: ActivateEvent) => void }>;
export type FcSeparatorProps = Props<FcSeparatorElement, object>;
export type FcProfileFormProps = Props<
  FcProfileFormElement,
  { onChange?: (event: Event) => void; onInput?: (event: Event) => void }
>;

export type FcAccountProps = Props<FcAccountElement, object>;

// The casts give the declarations plain React types, so that a user's TypeScript
// does not need @lit/react, which is bundled into this entry point.
export const FcButton = createComponent({
  tagName: 'fc-button',
  elementClass: FcButtonElement,
  react: React,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcButton',
}) as unknown as React.ForwardRefExoticComponent<FcButtonProps>;

export const FcLoginBlock = createComponent({
  tagName: 'fc-login-block',
  elementClass: FcLoginBlockElement,
  react: React,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcLoginBlock',
}) as unknown as React.ForwardRefExoticComponent<FcLoginBlockProps>;

export const FcSeparator = createComponent({
  tagName: 'fc-separator',
  elementClass: FcSeparatorElement,
  react: React,
  displayName: 'FcSeparator',
}) as unknown as React.ForwardRefExoticComponent<FcSeparatorProps>;

export const FcProfileForm = createComponent({
  tagName: 'fc-profile-form',
  elementClass: FcProfileFormElement,
  react: React,
  events: { onChange: 'change', onInput: 'input' },
  displayName: 'FcProfileForm',
}) as unknown as React.ForwardRefExoticComponent<FcProfileFormProps>;

export const FcAccount = createComponent({
  tagName: 'fc-account',
  elementClass: FcAccountElement,
  react: React,
  displayName: 'FcAccount',
}) as unknown as React.ForwardRefExoticComponent<FcAccountProps>;

/** Attributes of a bare tag in JSX (React 19 sets known properties as properties). */
type BareTag<E extends HTMLElement, Extra = object> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> &
  Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>> &
  Extra & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'fc-button': BareTag<FcButtonElement, { 'onfc-activate'?: (event: ActivateEvent) => void }>;
      'fc-login-block': BareTag<
        FcLoginBlockElement,
        { 'onfc-activate'?: (event: ActivateEvent) => void; 'heading-level'?: number | string; 'no-heading'?: boolean }
      >;
      'fc-separator': BareTag<FcSeparatorElement>;
      'fc-profile-form': BareTag<FcProfileFormElement>;
      'fc-account': BareTag<FcAccountElement, { 'profile-href'?: string; 'logout-href'?: string }>;
    }
  }
}
