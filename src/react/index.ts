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

type ComponentOptions = {
  tagName: string;
  elementClass: CustomElementConstructor;
  events?: Record<string, string>;
  displayName: string;
};

/**
 * @lit/react's component in the browser. On a server (no document: React's
 * renderToString, Next.js, Remix…), @lit/react sets properties only in an effect that
 * never runs there, so the tag would come out bare (`<fc-button></fc-button>`) and a
 * page would have no button or href until its JavaScript ran. There, the element's
 * properties become its attributes instead (text, numbers, true, URL objects, the
 * identity as JSON), so the server HTML carries them. With @lit-labs/ssr-react
 * enabled, React's createElement is Lit's, and it also writes the shadow DOM.
 */
function component(options: ComponentOptions) {
  const client = createComponent({ ...options, react: React } as Parameters<typeof createComponent>[0]);
  if (typeof document !== 'undefined') return client;
  const ctor = options.elementClass as unknown as {
    observedAttributes: string[];
    elementProperties: Map<string, { attribute?: boolean | string; state?: boolean }>;
  };
  void ctor.observedAttributes; // Lit reads its property declarations on first access
  const events = new Set(Object.keys(options.events ?? {}));
  // A plain function component: on a server a ref has nothing to point to.
  const server = (props: Record<string, unknown>) => {
    const attributes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(props)) {
      if (events.has(key) || key === 'children' || key === 'ref') continue;
      const declared = ctor.elementProperties.get(key);
      if (!declared) {
        attributes[key] = value; // React's own props: id, className, style…
        continue;
      }
      if (declared.attribute === false || declared.state) continue;
      const name = typeof declared.attribute === 'string' ? declared.attribute : key.toLowerCase();
      if (typeof value === 'string' || typeof value === 'number') attributes[name] = String(value);
      else if (value === true) attributes[name] = '';
      else if (value instanceof URL) attributes[name] = value.href;
      else if (key === 'identity' && value && typeof value === 'object') attributes[name] = JSON.stringify(value);
    }
    // The block's other ways in are its children: the server output then holds the
    // "OU" line (rule 6), as franceconnect-elements/ssr does.
    if (options.tagName === 'fc-login-block' && React.Children.count(props.children) > 0) attributes['data-fc-slotted'] = '';
    // React.default: the live CommonJS exports that @lit-labs/ssr-react patches (an ES
    // namespace of a CommonJS module is a copy taken when it was first imported).
    const react = (React as unknown as { default?: typeof React }).default ?? React;
    return react.createElement(options.tagName, attributes, props.children as React.ReactNode);
  };
  server.displayName = options.displayName;
  return server;
}

// The casts give the declarations plain React types, so that a user's TypeScript
// does not need @lit/react, which is bundled into this entry point.
export const FcButton = component({
  tagName: 'fc-button',
  elementClass: FcButtonElement,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcButton',
}) as unknown as React.ForwardRefExoticComponent<FcButtonProps>;

export const FcLoginBlock = component({
  tagName: 'fc-login-block',
  elementClass: FcLoginBlockElement,
  events: { onFcActivate: 'fc-activate' },
  displayName: 'FcLoginBlock',
}) as unknown as React.ForwardRefExoticComponent<FcLoginBlockProps>;

export const FcSeparator = component({
  tagName: 'fc-separator',
  elementClass: FcSeparatorElement,
  displayName: 'FcSeparator',
}) as unknown as React.ForwardRefExoticComponent<FcSeparatorProps>;

export const FcProfileForm = component({
  tagName: 'fc-profile-form',
  elementClass: FcProfileFormElement,
  events: { onChange: 'change', onInput: 'input' },
  displayName: 'FcProfileForm',
}) as unknown as React.ForwardRefExoticComponent<FcProfileFormProps>;

export const FcAccount = component({
  tagName: 'fc-account',
  elementClass: FcAccountElement,
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
