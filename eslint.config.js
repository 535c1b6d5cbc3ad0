// ESLint (flat config), run by `npm run lint` and by `npm test`.
// - typescript-eslint's recommended rules, without type information: they run in a
//   few seconds, and `npm run typecheck` already has the compiler's word;
// - eslint-plugin-lit: Lit templates (bindings, duplicate attributes, legacy syntax);
// - eslint-plugin-wc: custom element rules (constructor, lifecycle super calls, tags).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'storybook-static/',
      '.test-build/',
      '.test-results/',
      'node_modules/',
      'src/generated/',
      'custom-elements.json',
      'bench/results.json',
      // The example apps' build outputs.
      'examples/*/.next/',
      'examples/*/.nuxt/',
      'examples/*/.output/',
      'examples/*/.astro/',
      'examples/*/dist/',
      'examples/*/next-env.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.{ts,tsx}', '.storybook/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/best-practice'],
    // Our elements extend LitElement: tell the plugin it is an element base class.
    settings: { wc: { elementBaseClasses: ['LitElement'] } },
    rules: {
      ...wc.configs['flat/best-practice'].rules,
      // For mixins over an unknown base; LitElement always defines the callbacks.
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'stories/**/*.ts', 'test/**/*.{ts,tsx,js}', '.storybook/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },
  {
    // Node scripts; the functions they hand to Playwright's page.evaluate run in the
    // page, hence the browser globals too.
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs', 'packages/**/*.mjs', 'examples/**/*.mjs', 'test/journey/**/*.mjs', 'test/apps/**/*.mjs', 'test/ssr/**/*.mjs', 'test/harness/**/*.mjs', '*.{js,mjs,ts}', 'test/frameworks/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
