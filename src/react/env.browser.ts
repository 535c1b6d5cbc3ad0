/**
 * `#react-env` in a browser. Lit's hydration support, first: it must run before Lit's
 * element class is defined, so that an element whose shadow DOM a server wrote
 * hydrates it in place instead of drawing it again. It does nothing for an element
 * that has no server-written shadow root.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import type { RenderShadow } from './env.node.js';

/** In a browser the elements render themselves. */
export const renderShadow: RenderShadow = () => undefined;
