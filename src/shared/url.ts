import { errorOnce, warnOnce } from './warn.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Checks a navigation target. Only http(s) URLs, absolute or relative to the page,
 * may be followed: `javascript:`, `data:`, `vbscript:`… are refused (an error, always
 * on). Plain http to another host than this machine gets a warning, since
 * FranceConnect requires TLS (SPEC rule 18). Returns the absolute URL, or null.
 */
export function safeHref(el: Element, href: string | null | undefined): string | null {
  if (href == null || href.trim() === '') return null;
  let url: URL;
  try {
    // The URL parser strips the tabs, newlines and leading controls that browsers
    // ignore too, so "java\tscript:" is seen as the javascript: URL it is.
    // On a server (@lit-labs/ssr) there is no document: a relative URL is checked
    // against a stand-in base, only to read its scheme.
    url = new URL(href, typeof document === 'undefined' ? 'http://localhost/' : document.baseURI);
  } catch {
    errorOnce(el, `href=${href}`, `href "${href}" is not a valid URL; activation does nothing.`);
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    errorOnce(
      el,
      `href=${href}`,
      `refused href "${href}": only http: and https: URLs are followed (${url.protocol} is not); activation does nothing.`,
    );
    return null;
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    warnOnce(
      el,
      `http=${href}`,
      `href "${href}" uses plain http:; FranceConnect requires TLS (https:) outside localhost.`,
    );
  }
  return url.href;
}
