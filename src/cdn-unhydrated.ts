import { warnOnce } from './shared/warn.js';

/**
 * Part of the CDN files for client-rendered pages only (dist/cdn/franceconnect-elements.js
 * and the -account.js file it loads), run before they define their elements. Those files
 * cannot hydrate: a server-rendered element (its declarative shadow root attached by the
 * HTML parser) would get a second copy drawn inside the server's. Such an element, not
 * defined yet, loses what the server drew instead, and the browser draws it once, in this
 * same task (no frame shows it empty); the page is told which file hydrates. Elements
 * inside another component's shadow root are not looked for.
 */
export function redrawServerOutput(tags: string): void {
  for (const el of document.querySelectorAll(`:is(${tags}):not(:defined)`)) {
    if (!el.shadowRoot) continue;
    el.shadowRoot.replaceChildren();
    warnOnce(
      el,
      'needs-hydration',
      'cdn',
      'was rendered on a server, but franceconnect-elements.js does not hydrate: it is drawn again. Load franceconnect-elements-hydrate.js instead.',
    );
  }
}

redrawServerOutput('fc-button,fc-login-block,fc-separator');
