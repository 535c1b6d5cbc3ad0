/**
 * `franceconnect-elements/react/fc-separator`: the React component of `<fc-separator>` alone, so that a
 * page that shows only this element pays only for it. A client module ('use client' is
 * written at the top of the built file): a Next.js server component may render it.
 */
import type * as React from 'react';
import { component, type Props } from './component.js';
import { FcSeparator as FcSeparatorElement } from '../define/fc-separator.js';

export type FcSeparatorProps = Props<FcSeparatorElement, object>;

// The cast gives the declaration plain React types, so that a user's TypeScript does
// not need @lit/react, which is bundled into this entry point.
export const FcSeparator = component({
  tagName: 'fc-separator',
  elementClass: FcSeparatorElement,
  displayName: 'FcSeparator',
}) as unknown as React.ForwardRefExoticComponent<FcSeparatorProps>;
