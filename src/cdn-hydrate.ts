// The CDN bundle for server-rendered pages, dist/cdn/franceconnect-elements-hydrate.js:
// Lit's hydration support first (it must run before Lit's element class is defined), so
// that server-rendered elements hydrate in place instead of drawing a second copy inside
// their declarative shadow roots. Then every element, as in src/cdn.ts.
import './hydrate.js';

export * from './index.js';
