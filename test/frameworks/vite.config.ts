import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

/**
 * Builds the React, Vue and Angular test pages into .test-build/, against the *built*
 * package (dist/), the way an application's bundler would consume it; the tests in
 * test/{react,vue,angular}.test.ts load the result in Chromium.
 */
export default defineConfig({
  root: import.meta.dirname,
  logLevel: 'warn',
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('fc-') } } })],
  define: { 'process.env.NODE_ENV': JSON.stringify('development') },
  resolve: { alias: { 'franceconnect-elements': `${import.meta.dirname}/../../dist` } },
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
      },
      formats: ['es'],
    },
  },
});
