/**
 * `franceconnect-elements/astro`: an Astro integration that gives every element of a
 * page its declarative shadow root on the server (prerendered pages at build time,
 * on-demand pages per request), so that the page paints the exact button before and
 * without JavaScript.
 *
 *   // astro.config.mjs
 *   import franceconnectElements from 'franceconnect-elements/astro';
 *   export default defineConfig({ integrations: [franceconnectElements()] });
 *
 * Write the tags in any .astro template, with Astro markup in their slots, and load the
 * elements a page shows in its script, hydration support first:
 *
 *   <script>
 *     import 'franceconnect-elements/hydrate';
 *     import 'franceconnect-elements/fc-login-block';
 *   </script>
 *
 * Astro bundles that script with the page (or the component) that holds it: other
 * pages do not load the elements. Needs the optional peers @lit-labs/ssr and
 * @lit-labs/ssr-client. @astrojs/lit is not needed (tried with Astro 5, it failed on the
 * block's nested button: withastro/astro#6743, nested Lit elements rendered without a
 * render info).
 */

/** The part of Astro's integration API this uses (no dependency on Astro's types). */
type Integration = {
  name: string;
  hooks: {
    'astro:config:setup': (options: {
      addMiddleware: (middleware: { entrypoint: string; order: 'pre' | 'post' }) => void;
    }) => void;
  };
};

export default function franceconnectElements(): Integration {
  return {
    name: 'franceconnect-elements',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        // 'post': after the app's own middleware, on the HTML it finally sends.
        addMiddleware({ entrypoint: 'franceconnect-elements/astro/middleware', order: 'post' });
      },
    },
  };
}
