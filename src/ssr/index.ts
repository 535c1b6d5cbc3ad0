/**
 * franceconnect-elements/ssr: the server-rendered HTML of markup that uses the
 * elements, with their declarative shadow roots, so that a page paints them exactly
 * before (and without) JavaScript. A thin, typed wrapper over Lit's own server renderer,
 * @lit-labs/ssr, which is an optional peer dependency of this entry point only: the
 * elements themselves depend on `lit` alone.
 *
 *   import { renderToString } from 'franceconnect-elements/ssr';
 *   const html = await renderToString('<fc-login-block href="/auth/franceconnect/login"></fc-login-block>');
 *
 * The markup is the page author's template, never a visitor's input: it is rendered
 * as HTML, as any template is.
 */
// Lit's renderer first: it installs the DOM shim the element classes need to load.
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import '../index.js';
import '../shared/proconnect-logo-now.js';
import { SLOTTED } from '../fc-login-block/fc-login-block.js';
import { BRAND, BRAND_PLUS, BRAND_PRO, DATA, LOGIN } from '../shared/texts.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/**
 * Without JavaScript a shadow root's button cannot submit the page's form: an
 * `<fc-button name value>` or `<fc-login-block name value>` without href gets a real
 * submit button in its light DOM, which the element shows over its own button (the
 * block passes it down to its button's slot) until its module runs, then removes.
 */
function submitFallback(el: Element): string {
  // ProConnect has neither a data variant nor a "+" (shared/provider.ts).
  const label =
    attr(el, 'provider') === 'proconnect'
      ? `${LOGIN} ${BRAND_PRO}`
      : `${attr(el, 'variant') === 'data' ? DATA : LOGIN} ${attr(el, 'plus') !== undefined ? BRAND_PLUS : BRAND}`;
  return `<button type="submit" slot="fc-nojs" name="${escape(attr(el, 'name') ?? '')}" value="${escape(attr(el, 'value') ?? '')}" aria-label="${label}"></button>`;
}

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Attributes any element takes (HTML's global attributes), besides data-* and aria-*. */
const GLOBAL_ATTRIBUTES = new Set(
  'id class style hidden slot lang dir title role tabindex part exportparts inert translate nonce autofocus'.split(' '),
);

/** What was wrong with the markup: every problem, each naming the element as written. */
export class FcRenderError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'FcRenderError';
  }
}

const isElement = (node: Node): node is Element => 'tagName' in node;

/** Element children, or text that is not blank: what the block's slot would show. */
const hasContent = (el: Element) =>
  el.childNodes.some((n) => isElement(n) || (n.nodeName === '#text' && 'value' in n && n.value.trim() !== ''));

/**
 * Checks the markup (unknown fc- tags, attributes no element takes) and returns it
 * with `data-fc-slotted` written on each `<fc-login-block>` that has other ways in,
 * the one thing a server render cannot see by itself (the "OU" line, rule 6).
 */
function prepare(markup: string, problems: string[]): string {
  const inserts: [number, string][] = [];
  const visit = (node: Node) => {
    if (isElement(node) && node.tagName.startsWith('fc-')) {
      const ctor = customElements.get(node.tagName) as (CustomElementConstructor & { observedAttributes?: string[] }) | undefined;
      if (!ctor) {
        problems.push(`<${node.tagName}> is not an element of franceconnect-elements.`);
      } else {
        const known = new Set(ctor.observedAttributes ?? []);
        for (const { name } of node.attrs) {
          if (!known.has(name) && !GLOBAL_ATTRIBUTES.has(name) && !/^(data|aria)-/.test(name)) {
            problems.push(`<${node.tagName}> has no attribute "${name}". It takes: ${[...known].join(', ')}.`);
          }
        }
        const end = node.sourceCodeLocation?.startTag?.endOffset;
        if (node.tagName === 'fc-login-block' && hasContent(node) && end !== undefined) inserts.push([end - 1, ` ${SLOTTED}`]);
        const submits =
          (node.tagName === 'fc-button' || node.tagName === 'fc-login-block') &&
          attr(node, 'name') &&
          attr(node, 'href') === undefined &&
          attr(node, 'disabled') === undefined;
        if (submits && end !== undefined) inserts.push([end, submitFallback(node)]);
      }
    }
    const children = 'content' in node ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
    for (const child of children as Node[]) visit(child);
  };
  visit(parseFragment(markup, { sourceCodeLocationInfo: true }) as unknown as Node);
  // From the end, so that earlier offsets stay right.
  for (const [at, text] of inserts.sort((a, b) => b[0] - a[0])) markup = `${markup.slice(0, at)}${text}${markup.slice(at)}`;
  return markup;
}

/**
 * The server-rendered HTML of `markup`: each element with its declarative shadow root
 * (`<template shadowrootmode="open">`), ready to paint with JavaScript off and to
 * hydrate when the module loads, after a comment that names that module (HYDRATE_NOTE).
 * Rejects with an `FcRenderError` when a tag or an attribute is unknown, or when an
 * element reports a bad value (the same messages the browser console would show).
 */
export async function renderToString(markup: string): Promise<string> {
  if (typeof markup !== 'string') throw new FcRenderError([`renderToString takes markup as a string, not ${typeof markup}.`]);
  const problems: string[] = [];
  const prepared = prepare(markup, problems);
  // What the elements report while rendering (a bad value, a refused href) is a
  // problem of the markup, not noise on the server's console. The render is
  // synchronous (the elements have no asynchronous parts), so the console is borrowed
  // for this call alone: two renders at once (a server answering two requests) never
  // collect each other's messages, nor leave the console borrowed.
  const { warn, error } = console;
  const collect = (...args: unknown[]) => problems.push(String(args[0]).replace(/ See the README.*$/, ''));
  console.warn = collect;
  console.error = collect;
  let out: string;
  try {
    out = collectResultSync(render(html`${unsafeHTML(prepared)}`));
  } finally {
    console.warn = warn;
    console.error = error;
  }
  if (problems.length) throw new FcRenderError([...new Set(problems)]);
  // The outer markers belong to the wrapper template above, not to the elements: each
  // element hydrates its own shadow root.
  return HYDRATE_NOTE + out.replace(/^(<!--lit-part[^>]*-->)+/, '').replace(/(<!--\/lit-part-->|<\?>)+$/, '');
}

/**
 * First in every render, for whoever puts it in a page: what hydrates it. The CDN file
 * for client-rendered pages does not (it carries no hydration support); given server
 * output, it draws the elements again and says so in the console.
 */
export const HYDRATE_NOTE =
  "<!-- franceconnect-elements, rendered on a server: hydrated by franceconnect-elements-hydrate.js, or with a bundler by import 'franceconnect-elements/hydrate' before the elements. -->";
