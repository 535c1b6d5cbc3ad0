/**
 * `franceconnect-elements/react/fc-profile-form`: the React component of `<fc-profile-form>` alone, so that a
 * page that shows only this element pays only for it. A client module ('use client' is
 * written at the top of the built file): a Next.js server component may render it.
 */
import type * as React from 'react';
import { component, type Props } from './component.js';
import { FcProfileForm as FcProfileFormElement } from '../define/fc-profile-form.js';

export type FcProfileFormProps = Props<FcProfileFormElement, { onChange?: (event: Event) => void; onInput?: (event: Event) => void }>;

// The cast gives the declaration plain React types, so that a user's TypeScript does
// not need @lit/react, which is bundled into this entry point.
export const FcProfileForm = component({
  tagName: 'fc-profile-form',
  elementClass: FcProfileFormElement,
  events: { onChange: 'change', onInput: 'input' },
  displayName: 'FcProfileForm',
}) as unknown as React.ForwardRefExoticComponent<FcProfileFormProps>;
