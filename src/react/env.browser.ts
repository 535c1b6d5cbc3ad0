/**
 * `#react-env` in a browser. Lit's hydration support, first (../hydrate.ts, franceconnect-elements/hydrate): an
 * element whose shadow DOM a server wrote hydrates it in place instead of drawing it
 * again. It does nothing for an element that has no server-written shadow root.
 */
import '../hydrate.js';
import type { RenderShadow } from './env.node.js';

/** In a browser the elements render themselves. */
export const renderShadow: RenderShadow = () => undefined;
