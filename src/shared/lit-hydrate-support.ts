// Lit's hydration support, in a module of its own so that src/hydrate.ts imports it
// before anything that imports Lit: the bundler keeps the order of a module's own
// imports, but may move an import of a dependency after them.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
