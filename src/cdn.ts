// The CDN bundle: Lit's hydration support first (it must run before Lit's element
// class is defined), so that server-rendered elements hydrate in place instead of
// drawing a second copy inside their declarative shadow roots. Then every element.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

export * from './index.js';
