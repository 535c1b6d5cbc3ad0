/**
 * ProConnect's logo paths, loaded the first time a ProConnect button renders: most pages
 * show FranceConnect only, and the paths weigh about 1.5 KB gzipped (docs/performance.md).
 * The bundler (or the CDN build) makes src/generated/proconnect-logo.ts a file of its own,
 * imported relative to this module. A server render has no time to wait for it: the
 * server entries hand the module over first (`provideProConnectLogo`).
 */
import { svg, type SVGTemplateResult } from 'lit';

let paths: SVGTemplateResult | undefined;
let loading: Promise<void> | undefined;

/** The logo's paths, once loaded or provided; undefined before. */
export const proConnectLogo = (): SVGTemplateResult | undefined => paths;

/** Server entries: the logo now, so that a render never waits for it. */
export function provideProConnectLogo(module: { proLogoPaths: (tag: typeof svg) => SVGTemplateResult }): void {
  paths = module.proLogoPaths(svg);
}

/**
 * Loads the logo once for the whole page. Rejects when its file cannot be loaded (a page
 * that copied the CDN file without the one beside it); the next button tries again.
 */
export const loadProConnectLogo = (): Promise<void> =>
  (loading ??= import('../generated/proconnect-logo.js').then(provideProConnectLogo, (error: unknown) => {
    loading = undefined;
    throw error;
  }));
