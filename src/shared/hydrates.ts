/**
 * What only a page that hydrates server output needs: the no-JavaScript stand-ins of
 * <fc-button> (the link, or the server's submit button, laid over it until its module
 * runs) and the switches that make an element take over a server-rendered shadow root
 * in place. `hydration` is set by franceconnect-elements/hydrate (src/hydrate.ts), which
 * a server-rendered page imports before the elements, and is always set on a server
 * (@lit-labs/ssr), where the elements draw those stand-ins. Everywhere else it stays
 * undefined and a bundle carries none of it: a client-rendered page pays for no
 * hydration (`npm run size`).
 */
import { isServer } from 'lit';
import { noJs, type NoJs } from './no-js.js';

export let hydration: NoJs | undefined = isServer ? noJs() : undefined;

/** Called by src/hydrate.ts, before any element class is defined. */
export function enableHydration(): void {
  hydration ??= noJs();
}
