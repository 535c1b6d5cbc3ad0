import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = `${import.meta.dirname}/../..`;
const { exports } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as {
  exports: Record<string, string | { default: string }>;
};
/**
 * `franceconnect-elements/react` and every other entry point of package.json's
 * `exports`, resolved as an application's bundler resolves them from node_modules: the
 * examples in examples/react and examples/vue import them exactly as the README shows.
 */
const entryPoints = Object.entries(exports).map(([key, target]) => ({
  find: new RegExp(`^franceconnect-elements${key.slice(1).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`),
  replacement: `${root}/${(typeof target === 'string' ? target : target.default).slice(2)}`,
}));

/**
 * Builds the React, Vue and Angular test pages, and the README's React and Vue examples,
 * into .test-build/, against the *built* package (dist/), the way an application's
 * bundler would consume it; test/{react,vue,angular,examples}.test.ts load the result.
 */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fc-') } } })],
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  // The test pages import files of dist/ by path (`franceconnect-elements/react/index.js`).
  resolve: { alias: [...entryPoints, { find: 'franceconnect-elements', replacement: `${root}/dist` }] },
  build: {
    outDir: `${import.meta.dirname}/../../.test-build`,
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    lib: {
      entry: {
        'react-app': `${import.meta.dirname}/react-app.tsx`,
        'vue-app': `${import.meta.dirname}/vue-app.ts`,
        'angular-app': `${import.meta.dirname}/angular-app.ts`,
        // The README's React and Vue examples (test/examples.test.ts opens their pages).
        'examples-react': `${root}/examples/react/main.tsx`,
        'examples-vue': `${root}/examples/vue/main.ts`,
      },
      formats: ['es'],
    },
  },
});
