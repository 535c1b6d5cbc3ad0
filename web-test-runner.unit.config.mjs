// The fast loop: the element tests, straight from src/ (esbuild compiles them on the
// fly), without building the package, Storybook or the framework pages first.
//   npm run test:unit     once
//   npm run test:watch    again on every save
// `npm test` runs everything, these included, after the builds.
import config from './web-test-runner.config.mjs';

/**
 * The tests that read a build output: dist/ (npm run build), storybook-static/
 * (npm run build-storybook) or .test-build/ (npm run build:test-pages). A new test
 * that loads one of those belongs here.
 */
export const NEEDS_BUILD = [
  'test/built.test.ts',
  'test/examples.test.ts',
  'test/reserve.test.ts',
  'test/react.test.ts',
  'test/vue.test.ts',
  'test/angular.test.ts',
  'test/storybook.test.ts',
  'test/audit.test.ts',
];

export default {
  ...config,
  files: [...[config.files].flat(), ...NEEDS_BUILD.map((file) => `!${file}`)],
};
