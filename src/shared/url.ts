import { isServer } from 'lit';
import { errorOnce, quote, warnOnce } from './warn.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a navigation target. Only http(s) URLs, absolute or relative to the page,
 * may be followed: `javascript:`, `data:`, `vbscript:`… are refused (an error, always
 * on), and so is any value that is neither a string nor a `URL` object (a number, an
 * array…). Plain http to another host than this machine gets a warning, since
 * FranceConnect requires TLS (docs/qualification.md#rule-18). Returns the absolute URL,
 * `undefined` when there is no href (null, undefined, blank), or null when refused.
 */
export function safeHref(el: Element, href: unknown): string | null | undefined {
  if (href instanceof URL) href = href.href;
  if (href == null || (typeof href === 'string' && href.trim() === '')) return undefined;
  const shown = quote(href);
  let url: URL | undefined;
  try {
    // The URL parser strips the tabs, newlines and leading controls that browsers
    // ignore too, so "java\tscript:" is seen as the javascript: URL it is.
    // On a server (@lit-labs/ssr) there is no document: a relative URL is checked
    // against a stand-in base, only to read its scheme (isServer: a browser bundle drops it).
    if (typeof href === 'string') url = new URL(href, isServer ? 'http://localhost/' : document.baseURI);
  } catch {
    // reported below
  }
  if (!url) {
    errorOnce(el, 'unsafe-url', `href=${shown}`, `href "${shown}" is not a valid URL; activation does nothing.`);
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    errorOnce(
      el, 'unsafe-url',
      `href=${shown}`,
      `refused href "${shown}": only http: and https: URLs are followed (${url.protocol} is not); activation does nothing.`,
    );
    return null;
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    warnOnce(el, 'insecure-url', `http=${shown}`, `href "${shown}" uses plain http:; FranceConnect requires TLS (https:) outside localhost.`);
  }
  return url.href;
}
