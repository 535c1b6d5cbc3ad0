import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import CleanCSS from 'clean-css';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';

/**
 * Two library builds:
 * - default: ES modules for bundler users, one file per source module (so the
 *   class-only modules stay free of side effects), Lit left as an import;
 * - `--mode cdn`: dist/cdn/franceconnect-elements.js, one minified self-contained
 *   module (Lit included) that a client-rendered page loads with one <script type="module">;
 * - `--mode cdn-hydrate`: dist/cdn/franceconnect-elements-hydrate.js, the same with Lit's
 *   hydration support first, for a page whose elements were rendered on a server;
 * - `--mode cdn-audit`: dist/cdn/franceconnect-audit.js, the page audit as one
 *   self-contained module (what `npx franceconnect-audit` injects into a page).
 * Types come from `tsc -p tsconfig.build.json`.
 */
/** Copies src/reserve.css to dist/reserve.css, as is: a page links it in <head>. */
const reserveStylesheet: Plugin = {
  name: 'reserve-stylesheet',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: 'reserve.css', source: readFileSync('src/reserve.css') });
    // The `types` of the `./reserve.css` export: `import 'franceconnect-elements/reserve.css'`
    // then type-checks under `noUncheckedSideEffectImports` too. A stylesheet exports nothing.
    this.emitFile({
      type: 'asset',
      fileName: 'reserve.css.d.ts',
      source: '// A stylesheet: imported for its side effect, it exports nothing.\nexport {};\n',
    });
  },
};

/**
 * In the CDN files, whether the elements hydrate is known when they are built: the
 * client file never does (nothing there enables it), the other always does. A constant
 * lets the minifier drop the branches the file never takes (src/shared/hydrates.ts).
 */
const hydrationConstant = (on: boolean): Plugin => ({
  name: 'hydration-constant',
  enforce: 'pre',
  load: (id) =>
    id.endsWith('/src/shared/hydrates.ts')
      ? on
        ? "import { noJs } from './no-js.js';\nexport const hydration = noJs();\nexport function enableHydration() {}\n"
        : 'export const hydration = undefined;\nexport function enableHydration() {}\n'
      : undefined,
});

/**
 * The `types` of a CDN bundle's export (`./cdn`, `./audit/cdn`): the bundle is one
 * module of src/, dependencies included, so its types are that module's.
 */
const cdnTypes = (fileName: string, module: string): Plugin => ({
  name: 'cdn-types',
  generateBundle() {
    this.emitFile({
      type: 'asset',
      fileName,
      source: `// The bundle of src/${module}.ts, dependencies included: the same exports.\nexport * from '../${module}.js';\n`,
    });
  },
});

/** How the template minifier stands for a `${…}` in the text it hands over. */
const PLACEHOLDER = '@TEMPLATE_EXPRESSION();';
const cleanCss = new CleanCSS({});
const minified = (css: string) => {
  const output = cleanCss.minify(css);
  return output.errors.length || output.warnings.length ? null : output.styles;
};

/**
 * The CSS of a css`` template, minified by clean-css (what the template minifier uses
 * itself) piece by piece between its `${…}`: a list of rules, or a list of declarations
 * (the colours handed to shared/themed.ts, which the minifier would otherwise skip with a
 * warning, leaving their indentation in every page). A piece that is neither is kept as
 * written, and white space next to a `${…}` is kept as one space, since it may be a
 * descendant combinator.
 */
function minifyCss(text: string): string {
  const pieces = text.split(PLACEHOLDER);
  return pieces
    .map((piece, i) => {
      if (!piece.trim()) return piece;
      const css = piece.includes('{') ? minified(piece) : minified(`a{${piece}}`)?.replace(/^a\{(.*)\}$/s, '$1');
      if (css == null) return piece;
      const before = i > 0 && /^\s/.test(piece) ? ' ' : '';
      const after = i < pieces.length - 1 && /\s$/.test(piece) ? ' ' : '';
      return `${before}${css}${after}`;
    })
    .join(PLACEHOLDER);
}

/**
 * CSS and HTML inside Lit's tagged templates, minified. The closing slashes stay:
 * in an svg`` template, `<path …>` without its `/>` would swallow the next paths
 * and only the first shape of the logo would be drawn.
 */
const minifyTemplates = () =>
  minifyTemplateLiterals({
    // Not minified, and so not reported at every build: shared/themed.ts builds its CSS
    // from unsafeCSS() (written on one line already), src/ssr/ is the server's, and
    // dependencies have no templates (Lit's own modules name unsafeCSS).
    exclude: ['**/node_modules/**', '**/src/shared/themed.ts', '**/src/ssr/**'],
    options: { minifyOptions: { keepClosingSlash: true, minifyCSS: minifyCss } },
  });

export default defineConfig(({ mode }) => {
  if (mode === 'cdn-audit') {
    return {
      plugins: [cdnTypes('franceconnect-audit.d.ts', 'audit/index')],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        minify: true,
        lib: { entry: 'src/audit/index.ts', formats: ['es'], fileName: () => 'franceconnect-audit.js' },
        rollupOptions: { output: { minify: true, comments: false } },
      },
    };
  }
  if (mode === 'cdn' || mode === 'cdn-hydrate') {
    // Two bundles rather than one that loads hydration when it finds a server render: a
    // server-rendered page fetches one self-contained file, not one and then another.
    // The client-rendered one is two files side by side: the login elements, and the
    // account elements it loads only on a page that shows them (src/cdn.ts;
    // docs/performance.md has the measurements).
    const hydrate = mode === 'cdn-hydrate';
    const fileName = hydrate ? 'franceconnect-elements-hydrate' : 'franceconnect-elements';
    return {
      // Lit's css`` and html`` templates keep their comments and indentation otherwise.
      plugins: [
        minifyTemplates(),
        hydrationConstant(hydrate),
        ...(hydrate
          ? [cdnTypes(`${fileName}.d.ts`, 'index')]
          : [
              cdnTypes(`${fileName}.d.ts`, 'cdn'),
              cdnTypes(`${fileName}-account.d.ts`, 'cdn-account'),
              cdnTypes(`${fileName}-proconnect-logo.d.ts`, 'generated/proconnect-logo'),
            ]),
      ],
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        target: 'es2022',
        // Library mode keeps whitespace in ES output unless told: full minification.
        minify: true,
        lib: {
          // src/cdn.ts: every element, no hydration. src/cdn-hydrate.ts: Lit's hydration
          // support first (it must run before Lit's element class is defined), then the same.
          entry: hydrate ? 'src/cdn-hydrate.ts' : 'src/cdn.ts',
          formats: ['es'],
          fileName: () => `${fileName}.js`,
        },
        // Library mode's ES output keeps whitespace even with `minify`: ask the
        // bundler for a full minification (about 15 % smaller gzipped). No comments
        // either: the bundle is final, its /* @__PURE__ */ marks serve nobody.
        rollupOptions: {
          // The shared code (Lit included) stays in franceconnect-elements.js, which then
          // also exports it, under short names, to the file it loads (otherwise the bundler
          // moves it to a third file).
          preserveEntrySignatures: 'allow-extension',
          output: {
            minify: true,
            comments: false,
            // The file for client-rendered pages loads src/cdn-account.ts when the page has
            // an <fc-account> or <fc-profile-form>: franceconnect-elements-account.js.
            // ProConnect's logo imports nothing (scripts/generate-logos.mjs): one file, which
            // both CDN files load from beside themselves.
            chunkFileNames: (chunk) =>
              chunk.name === 'proconnect-logo' ? 'franceconnect-elements-proconnect-logo.js' : `${fileName}-${chunk.name.replace(/^cdn-/, '')}.js`,
          },
        },
      },
    };
  }
  return {
    // Bundlers rarely minify the CSS and HTML inside tagged templates: do it here,
    // so that every page built from the npm package gets them compact.
    plugins: [minifyTemplates(), reserveStylesheet],
    build: {
      outDir: 'dist',
      target: 'es2022',
      minify: false,
      lib: {
        entry: {
          index: 'src/index.ts',
          'define/fc-button': 'src/define/fc-button.ts',
          'define/fc-separator': 'src/define/fc-separator.ts',
          'define/fc-login-block': 'src/define/fc-login-block.ts',
          'define/fc-profile-form': 'src/define/fc-profile-form.ts',
          'define/fc-account': 'src/define/fc-account.ts',
          'fc-button/fc-button': 'src/fc-button/fc-button.ts',
          'fc-separator/fc-separator': 'src/fc-separator/fc-separator.ts',
          'fc-login-block/fc-login-block': 'src/fc-login-block/fc-login-block.ts',
          'fc-profile-form/fc-profile-form': 'src/fc-profile-form/fc-profile-form.ts',
          'fc-account/fc-account': 'src/fc-account/fc-account.ts',
          'react/index': 'src/react/index.ts',
          'vue/index': 'src/vue/index.ts',
          // One React and one Vue entry per element: a page pays for what it uses.
          ...Object.fromEntries(
            ['fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account'].flatMap((tag) => [
              [`react/${tag}`, `src/react/${tag}.ts`],
              [`vue/${tag}`, `src/vue/${tag}.ts`],
            ]),
          ),
          // The Nuxt module and its Nitro plugin; the Astro integration and its middleware.
          'nuxt/module': 'src/nuxt/module.ts',
          'nuxt/nitro': 'src/nuxt/nitro.ts',
          'astro/index': 'src/astro/index.ts',
          'astro/middleware': 'src/astro/middleware.ts',
          // What `#react-env` (package.json "imports") points to, under Node and elsewhere.
          'react/env.node': 'src/react/env.node.ts',
          'react/env.browser': 'src/react/env.browser.ts',
          'audit/index': 'src/audit/index.ts',
          'ssr/index': 'src/ssr/index.ts',
          hydrate: 'src/hydrate.ts',
        },
        formats: ['es'],
      },
      rollupOptions: {
        // Lit is the one runtime dependency; React and Vue are the user's. @lit/react
        // (a few hundred bytes) is bundled into the React entry point.
        // @lit-labs/ssr and parse5 are the server entry's own (optional peers).
        external: [/^#/, /^node:/, /^lit($|\/)/, /^@lit\/(?!react)/, /^@lit-labs\//, /^parse5$/, /^react($|\/)/, /^vue$/],
        output: {
          preserveModules: true,
          preserveModulesRoot: 'src',
          // The React entry points are client modules: a Next.js server component may
          // render them (the bundler drops a 'use client' written in the source). And
          // their first import is `#react-env`, which in a browser is Lit's hydration
          // support: it must run before any element module, and the bundler would
          // otherwise move an external import after the package's own modules.
          banner: (chunk) =>
            /^react\/(index|fc-[a-z-]+)$/.test(chunk.name) ? "'use client';\nimport '#react-env';" : '',
          // A bundled dependency keeps its module too, named after its path under
          // node_modules/: a dist/node_modules/ folder would be skipped or mangled by
          // tools that ignore node_modules (and looks like an installed package).
          // It goes to dist/vendor/ instead, its licence header kept.
          entryFileNames: (chunk) =>
            chunk.name.startsWith('node_modules/') ? `vendor/${chunk.name.slice('node_modules/'.length)}.js` : '[name].js',
        },
      },
    },
  };
});
