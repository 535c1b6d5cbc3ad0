// dist/cdn/franceconnect-elements-account.js: <fc-account> and <fc-profile-form>, the
// elements of a logged-in visitor's pages, which franceconnect-elements.js loads from
// beside itself when the page has one (src/cdn.ts). A page may also load it itself, to
// use their classes. Lit and the shared code come from franceconnect-elements.js.
import './cdn-account-unhydrated.js'; // first: it must run before the elements are defined

export * from './define/fc-profile-form.js';
export * from './define/fc-account.js';
