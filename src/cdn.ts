// The CDN bundle for client-rendered pages, dist/cdn/franceconnect-elements.js: every
// element, without Lit's hydration support, which only a server-rendered page uses (that
// page loads franceconnect-elements-hydrate.js, src/cdn-hydrate.ts).
import './cdn-unhydrated.js'; // first: it must run before any element is defined

export * from './index.js';
