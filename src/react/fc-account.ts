/**
 * `franceconnect-elements/react/fc-account`: the React component of `<fc-account>` alone, so that a
 * page that shows only this element pays only for it. A client module ('use client' is
 * written at the top of the built file): a Next.js server component may render it.
 */
import type * as React from 'react';
import { component, type Props } from './component.js';
import { FcAccount as FcAccountElement } from '../define/fc-account.js';

export type FcAccountProps = Props<FcAccountElement, object>;

// The cast gives the declaration plain React types, so that a user's TypeScript does
// not need @lit/react, which is bundled into this entry point.
export const FcAccount = component({
  tagName: 'fc-account',
  elementClass: FcAccountElement,
  displayName: 'FcAccount',
}) as unknown as React.ForwardRefExoticComponent<FcAccountProps>;
