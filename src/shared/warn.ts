/**
 * Attributes and properties never throw (a throw from HTML is invisible to the page's
 * author, and a framework passes numbers, URL objects, arrays and null): a bad value is
 * reported once per element and value, naming the element the author wrote, the value
 * and what was used instead, and the element falls back to the compliant default.
 */
import { isServer } from 'lit';

const reported = new WeakMap<Element, Set<string>>();

/**
 * The element the page's author wrote: the outermost of our elements around `el`. A
 * `<fc-button>` inside `<fc-login-block>` reports as the block, and once for both.
 */
function author(el: Element): Element {
  // A server render (@lit-labs/ssr) has no ShadowRoot class: the element is the author's.
  // (isServer, a constant: a browser bundle drops the line.)
  if (isServer) return el;
  let root = el.getRootNode();
  while (root instanceof ShadowRoot && root.host.localName.startsWith('fc-')) {
    el = root.host;
    root = el.getRootNode();
  }
  return el;
}

/**
 * Any JavaScript value as text for a message, cut to about 200 characters (a 100 KB
 * URL is not printed whole). Never throws: symbols and objects without a prototype
 * have no usable String(), hence `str`.
 */
export function quote(value: unknown): string {
  const text = str(value);
  return text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
}

/** Any JavaScript value as text, never a throw. */
export function str(value: unknown): string {
  try {
    return typeof value === 'symbol' ? value.toString() : String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/**
 * What every message says: the element the author wrote, a stable code in brackets
 * (search it, or filter the console by it), the message, and where it is explained:
 * `(franceconnect-elements/docs/warnings.md#fc-bad-value)`, the package's name and the
 * guide's path inside it, a heading per code. The npm package ships docs/ and the
 * repository has the same path, so it leads to the text from node_modules, from a copied
 * bundle and from a clone alike (package.json names no repository a URL could point
 * at). No "See": the fc-button page is within 2 bytes of its budget, and this form
 * costs no more than the old README link did. test/warnings.test.ts checks that every
 * code has its heading there.
 */
function report(el: Element, kind: 'warn' | 'error', code: Code, key: string, message: string): void {
  el = author(el);
  let keys = reported.get(el);
  if (!keys) reported.set(el, (keys = new Set()));
  key = `${kind}:${key}`;
  if (keys.has(key)) return;
  keys.add(key);
  console[kind](`<${el.localName}>: [fc-${code}] ${message} (franceconnect-elements/docs/warnings.md#fc-${code})`, el);
}

/**
 * The stable codes, each a heading of docs/warnings.md. A value, not only a type, so
 * that the test of those headings reads the list from here (bundles drop it: nothing
 * in the elements uses it at run time). `needs-hydration`: a server-rendered element on
 * a page that loads the CDN file without hydration (src/cdn-unhydrated.ts);
 * `missing-file`: the CDN file's second file could not be loaded (src/cdn.ts);
 * `proconnect-option`: `plus` or `variant="data"` on a ProConnect button, which has neither.
 */
export const CODES = ['bad-value', 'unsafe-url', 'insecure-url', 'bad-identity', 'forbidden-content', 'missing-link', 'needs-hydration', 'missing-file', 'proconnect-option'] as const;
export type Code = (typeof CODES)[number];

/** A value the element cannot honour; it uses a compliant default instead. */
export const warnOnce = (el: Element, code: Code, key: string, message: string): void => report(el, 'warn', code, key, message);

/** A value refused for safety: always reported (once per value), never dev-only. */
export const errorOnce = (el: Element, code: Code, key: string, message: string): void => report(el, 'error', code, key, message);

/**
 * Returns `value` when it is one of `allowed`, else warns once and returns the
 * first allowed value (the compliant default).
 */
export function oneOf<T extends string>(el: Element, name: string, value: unknown, allowed: readonly T[]): T {
  const fallback = allowed[0];
  if (value == null || value === '') return fallback;
  if ((allowed as readonly unknown[]).includes(value)) return value as T;
  const shown = quote(value);
  warnOnce(el, 'bad-value', `${name}=${shown}`, `unknown ${name} "${shown}"; using "${fallback}". Allowed: ${allowed.join(', ')}.`);
  return fallback;
}

/**
 * A text property: strings as they are, numbers as text (a framework binds `42`);
 * null and undefined mean absent (`fallback`); any other value warns once and
 * falls back.
 */
export function text(el: Element, name: string, value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value != null) {
    const shown = quote(value);
    warnOnce(el, 'bad-value', `${name}=${shown}`, `${name} must be text, not "${shown}"; using "${fallback}".`);
  }
  return fallback;
}
