/**
 * Lit's hydration support, which must run before Lit's element class is defined: an
 * element whose shadow root the server wrote then hydrates it in place instead of
 * drawing it again. `franceconnect-elements/nuxt` imports it before the elements.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
