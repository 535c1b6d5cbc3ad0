// The CDN bundle for client-rendered pages, dist/cdn/franceconnect-elements.js: Lit and
// the login elements (fc-button, fc-separator, fc-login-block), without Lit's hydration
// support, which only a server-rendered page uses (that page loads
// franceconnect-elements-hydrate.js, src/cdn-hydrate.ts, which holds all five elements).
// <fc-account> and <fc-profile-form>, which a login page never shows, are in
// franceconnect-elements-account.js beside this file, loaded when the page has one
// (docs/performance.md: a login page loads 24 % fewer bytes, a profile page one more file).
import './cdn-unhydrated.js'; // first: it must run before any element is defined
import { errorOnce } from './shared/warn.js';

export * from './define/fc-button.js';
export * from './define/fc-separator.js';
export * from './define/fc-login-block.js';
export { TEXTS, INFO_URL, INFO_URL_PLUS } from './shared/texts.js';

const LATER = 'fc-account,fc-profile-form';
let loading: Promise<unknown> | undefined;

/**
 * Loads franceconnect-elements-account.js (once), from beside this file: the bundler
 * resolves `./cdn-account.js` to that file's name, relative to this module's URL. A page
 * that copied this file alone is told which file is missing, on the element waiting for it.
 */
const loadAccountElements = () =>
  (loading ??= import('./cdn-account.js').catch(() => {
    for (const el of document.querySelectorAll(`:is(${LATER}):not(:defined)`)) {
      errorOnce(el, 'missing-file', 'cdn', 'needs franceconnect-elements-account.js beside franceconnect-elements.js, and it could not be loaded.');
    }
  }));

// On the page now, or added later (a page that builds its DOM, a client-side router): the
// first one loads the file, and nothing is watched any more. Elements inside another
// component's shadow root are not seen: such a page loads franceconnect-elements-account.js
// itself.
if (document.querySelector(LATER)) void loadAccountElements();
else {
  const watch = new MutationObserver(() => {
    if (!document.querySelector(LATER)) return;
    watch.disconnect();
    void loadAccountElements();
  });
  watch.observe(document, { childList: true, subtree: true });
}
