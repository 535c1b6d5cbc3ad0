/**
 * `franceconnect-elements/react/fc-button`: the React component of `<fc-button>` alone, so that a
 * page that shows only this element pays only for it. A client module ('use client' is
 * written at the top of the built file): a Next.js server component may render it.
 */
import type * as React from 'react';
import { component, type Props, type ActivateEvent } from './component.js';
import { FcButton as FcButtonElement } from '../define/fc-button.js';

export type FcButtonProps = Props<FcButtonElement, { onFcActivate?: (event: ActivateEvent) => void }>;

// The cast gives the declaration plain React types, so that a user's TypeScript does
// not need @lit/react, which is bundled into this entry point.
export const FcButton = component({
  tagName: 'fc-button',
  elementClass: FcButtonElement,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcButton',
}) as unknown as React.ForwardRefExoticComponent<FcButtonProps>;
