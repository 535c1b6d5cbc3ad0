/**
 * franceconnect-elements/hydrate: Lit's hydration support, for a page whose elements
 * were rendered on a server (franceconnect-elements/ssr, `franceconnect-elements render`).
 * Import it before anything that imports Lit, with a bundler:
 *
 *   import 'franceconnect-elements/hydrate'; // first
 *   import 'franceconnect-elements/fc-login-block';
 *
 * Each server-rendered element then hydrates its declarative shadow root in place (one
 * inner button, nothing redrawn); without it, Lit draws a second copy inside that root.
 * A client-rendered page does not import it and does not pay for it (about 2.3 KB gzipped,
 * docs/performance.md). It is @lit-labs/ssr-client's own module, an optional peer
 * dependency of this entry point only: Lit reads it when its element class is defined,
 * which is why it must come first.
 */
import './shared/lit-hydrate-support.js';
// Then what the elements draw and do only where server output is hydrated: the
// no-JavaScript stand-ins of the button, whose markup hydration must find again
// (shared/hydrates.ts). A page without this import carries none of it.
import { enableHydration } from './shared/hydrates.js';

enableHydration();
