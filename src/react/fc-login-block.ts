/**
 * `franceconnect-elements/react/fc-login-block`: the React component of `<fc-login-block>` alone, so that a
 * page that shows only this element pays only for it. A client module ('use client' is
 * written at the top of the built file): a Next.js server component may render it.
 */
import type * as React from 'react';
import { component, type Props, type ActivateEvent } from './component.js';
import { FcLoginBlock as FcLoginBlockElement } from '../define/fc-login-block.js';

export type FcLoginBlockProps = Props<FcLoginBlockElement, { onFcActivate?: (event: ActivateEvent) => void }>;

// The cast gives the declaration plain React types, so that a user's TypeScript does
// not need @lit/react, which is bundled into this entry point.
export const FcLoginBlock = component({
  tagName: 'fc-login-block',
  elementClass: FcLoginBlockElement,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcLoginBlock',
}) as unknown as React.ForwardRefExoticComponent<FcLoginBlockProps>;
