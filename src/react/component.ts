/**
 * What every React entry point shares: the component factory and the JSX types of
 * the bare tags. `react` is a peer dependency of the React entry points only.
 *
 * One component, two places it runs:
 * - in a browser, @lit/react's component: properties set as properties (so
 *   `identity` goes in as an object), events as `on…` props;
 * - on a server (React's renderToString, Next.js's server render of a client
 *   component, Remix…), @lit/react would set properties in an effect that never runs
 *   there, and the tag would come out bare. There the properties become attributes
 *   (text, numbers, true, URL objects, the identity as JSON), and, under Node, the
 *   element's shadow DOM is written as a declarative shadow root (`./env.node.ts`), so
 *   the page paints the exact button before and without JavaScript. In the browser
 *   the element reads the same attributes and hydrates that shadow root in place.
 */
import * as React from 'react';
import { createComponent } from '@lit/react';
// `#react-env` is ./env.node.ts under Node, ./env.browser.ts elsewhere (package.json
// "imports"): Lit's server renderer never reaches a browser bundle, and Lit's
// hydration support reaches it before any element module is evaluated.
import { renderShadow } from '#react-env';
import type { FcActivateDetail, FcButton } from '../define/fc-button.js';
import type { FcLoginBlock } from '../define/fc-login-block.js';
import type { FcSeparator } from '../define/fc-separator.js';
import type { FcProfileForm } from '../define/fc-profile-form.js';
import type { FcAccount } from '../define/fc-account.js';

/** fc-login-block's SLOTTED, written here so that an entry of another element does not load the block. */
const SLOTTED = 'data-fc-slotted';

export type ActivateEvent = CustomEvent<FcActivateDetail>;

/** The element's own public properties, optional, plus React's usual HTML props. */
export type Props<E extends HTMLElement, Events> = Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>> &
  Omit<React.HTMLAttributes<E>, 'onChange' | 'onInput'> &
  Events & { children?: React.ReactNode; ref?: React.Ref<E> };

type ComponentOptions = {
  tagName: string;
  elementClass: CustomElementConstructor;
  events?: Record<string, string>;
  displayName: string;
};

/** The attributes a server writes for `props`: what the element reads back in the browser. */
function serverAttributes(options: ComponentOptions, props: Record<string, unknown>) {
  const ctor = options.elementClass as unknown as {
    observedAttributes: string[];
    elementProperties: Map<string, { attribute?: boolean | string; state?: boolean }>;
  };
  void ctor.observedAttributes; // Lit reads its property declarations on first access
  const events = new Set(Object.keys(options.events ?? {}));
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
  if (options.tagName === 'fc-login-block' && React.Children.count(props.children) > 0) attributes[SLOTTED] = '';
  return attributes;
}

/** Attribute values as the element's server renderer takes them (React's own props left out). */
function elementAttributes(attributes: Record<string, unknown>) {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className' || name === 'style' || name === 'dangerouslySetInnerHTML') continue;
    if (typeof value === 'string' || typeof value === 'number') out[name] = String(value);
  }
  return out;
}

export function component(options: ComponentOptions) {
  if (typeof document !== 'undefined') {
    return createComponent({ ...options, react: React } as Parameters<typeof createComponent>[0]);
  }
  // React.default: the live CommonJS exports (an ES namespace of a CommonJS module is a
  // copy taken when it was first imported, which @lit-labs/ssr-react, if a page also
  // enables it, patches after the fact).
  const react = (React as unknown as { default?: typeof React }).default ?? React;
  // A plain function component: on a server a ref has nothing to point to.
  const server = (props: Record<string, unknown>) => {
    const attributes = serverAttributes(options, props);
    // A page that also enabled @lit-labs/ssr-react (as @lit-labs/nextjs does) has its
    // createElement write the shadow root already: one declarative shadow root, not two.
    const patched = react.createElement.name === 'litPatchedCreateElement';
    const shadow = patched ? undefined : renderShadow(options.tagName, elementAttributes(attributes));
    if (!shadow) return react.createElement(options.tagName, attributes, props.children as React.ReactNode);
    // The declarative shadow root first: the HTML parser turns it into the element's
    // shadow root, so the DOM React hydrates has the same light children as its tree.
    const template = react.createElement('template', {
      ...shadow.templateAttributes,
      dangerouslySetInnerHTML: { __html: shadow.html },
    });
    return react.createElement(
      options.tagName,
      { ...attributes, ...shadow.attributes },
      template,
      props.children as React.ReactNode,
    );
  };
  server.displayName = options.displayName;
  return server;
}

/** Attributes of a bare tag in JSX (React 19 sets known properties as properties). */
type BareTag<E extends HTMLElement, Extra = object> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> &
  Partial<Omit<E, keyof HTMLElement | 'form' | 'validity'>> &
  Extra & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'fc-button': BareTag<FcButton, { 'onfc-activate'?: (event: ActivateEvent) => void }>;
      'fc-login-block': BareTag<
        FcLoginBlock,
        { 'onfc-activate'?: (event: ActivateEvent) => void; 'heading-level'?: number | string; 'no-heading'?: boolean }
      >;
      'fc-separator': BareTag<FcSeparator>;
      'fc-profile-form': BareTag<FcProfileForm>;
      'fc-account': BareTag<FcAccount, { 'profile-href'?: string; 'logout-href'?: string }>;
    }
  }
}
