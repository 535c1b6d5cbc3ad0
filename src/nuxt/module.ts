/**
 * `franceconnect-elements/nuxt`: the elements in a Nuxt 3 or 4 app, server-rendered
 * and hydrated in place, each loaded only by the pages that use it.
 *
 *   // nuxt.config.ts
 *   export default defineNuxtConfig({ modules: ['franceconnect-elements/nuxt'] });
 *
 * Then write the tags in any template (`<fc-login-block href="…">` with a Vue form in
 * it). The module:
 * - tells Vue's compiler that `fc-*` tags are custom elements;
 * - on the server, gives every element of the page its declarative shadow root
 *   (franceconnect-elements/ssr in Nitro's `render:html` hook): Vue renders the tags and
 *   their light children as usual and hydrates them, the elements hydrate their shadow
 *   roots; nothing is rebuilt, and a form in the block keeps its Vue bindings;
 * - in the browser, adds to each component that writes an `fc-*` tag the import of that
 *   element (and Lit's hydration support, before it): a page loads the elements it
 *   shows, in the chunk of the component that shows them, and no other page does.
 *
 * A plain function, as Nuxt takes modules: no dependency on @nuxt/kit. Server
 * rendering needs the optional peers @lit-labs/ssr and @lit-labs/ssr-client.
 */
/// <reference types="node" />
import { createRequire } from 'node:module';
import { join } from 'node:path';

const TAGS = ['fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account'] as const;

/** Where a compiled Vue component names a tag: `createElementBlock("fc-button"`, or static HTML `<fc-button`. */
const TAG_IN_CODE = new RegExp(`["'\`<](${TAGS.join('|')})(?=[\\s"'\`>/])`, 'g');

/** The part of a Vite plugin this module uses (no dependency on Vite's types). */
type VitePlugin = {
  name: string;
  enforce: 'post';
  transform(code: string, id: string, options?: { ssr?: boolean }): { code: string; map: null } | undefined;
};

/**
 * The tags each compiled component writes, as imports of their Vue entry points
 * (which define them), after Lit's hydration support. Client build only: on the
 * server the elements are rendered by the Nitro plugin, not by the page's code.
 */
export function importElementsPlugin(): VitePlugin {
  return {
    name: 'franceconnect-elements:import-elements',
    enforce: 'post',
    transform(code, id, options) {
      if (options?.ssr) return undefined;
      const path = id.split('?')[0];
      if (!path.endsWith('.vue') || /[?&]type=(style|template)\b/.test(id)) return undefined;
      const used = new Set<string>();
      for (const match of code.matchAll(TAG_IN_CODE)) used.add(match[1]);
      if (used.size === 0) return undefined;
      const imports = [
        "import 'franceconnect-elements/hydrate';",
        ...[...used].sort().map((tag) => `import 'franceconnect-elements/vue/${tag}';`),
      ];
      // First in the module: the hydration support must run before Lit is evaluated.
      return { code: `${imports.join('')}\n${code}`, map: null };
    },
  };
}

/** The part of Nuxt's options this module reads and writes. */
type NuxtLike = {
  options: {
    rootDir: string;
    vue: { compilerOptions: { isCustomElement?: (tag: string) => boolean } };
    vite: { plugins?: unknown[] };
    nitro: { plugins?: string[] };
  };
};

function franceconnectElements(_options: Record<string, never>, nuxt: NuxtLike): void {
  const compiler = nuxt.options.vue.compilerOptions;
  const theirs = compiler.isCustomElement;
  compiler.isCustomElement = (tag) => tag.startsWith('fc-') || theirs?.(tag) === true;
  (nuxt.options.vite.plugins ??= []).push(importElementsPlugin());
  // Nitro takes a plugin's absolute path. Resolved from the app, as the app resolves
  // this package: Nuxt loads this module through its own loader, where import.meta.url
  // is no file URL to resolve a path against.
  const nitroPlugin = createRequire(join(nuxt.options.rootDir, 'package.json')).resolve('franceconnect-elements/nuxt/nitro');
  (nuxt.options.nitro.plugins ??= []).push(nitroPlugin);
}

// What Nuxt reads of a module besides the function: its name and configuration key.
franceconnectElements.getMeta = () => Promise.resolve({ name: 'franceconnect-elements', configKey: 'franceconnectElements' });

export default franceconnectElements;
