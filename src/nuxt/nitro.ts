/**
 * The Nitro plugin of `franceconnect-elements/nuxt` (./module.ts adds it): every page
 * Nuxt renders goes through franceconnect-elements/ssr, which writes each element's
 * declarative shadow root inside the tag Vue rendered. Vue's own markup (its light
 * DOM, its hydration comments) is left as it was, so Vue hydrates it as usual.
 */
import { renderToString } from '../ssr/index.js';

type HtmlContext = { body: string[] };
type NitroApp = {
  hooks: { hook(name: 'render:html', fn: (html: HtmlContext) => Promise<void>): void };
};

/**
 * A page whose markup has a problem (an unknown attribute, a refused href…) is sent as
 * Vue rendered it, the problem on the server's console: its elements then render in the
 * browser, where they warn too, and fall back to compliant defaults. Never a broken page.
 */
async function render(part: string): Promise<string> {
  try {
    return await renderToString(part);
  } catch (error) {
    console.error(`franceconnect-elements/nuxt: this page is sent without its elements' server rendering:\n${(error as Error).message}`);
    return part;
  }
}

export default function franceconnectElementsNitro(nitroApp: NitroApp): void {
  nitroApp.hooks.hook('render:html', async (html) => {
    // A page without an element is left alone (and costs no parse).
    html.body = await Promise.all(html.body.map((part) => (part.includes('<fc-') ? render(part) : part)));
  });
}
