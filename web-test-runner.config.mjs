// The test runner's configuration. One engine per run: `npm test` runs chromium, firefox
// and webkit one after the other (scripts/test-engines.mjs);
// `FC_ENGINE=firefox npx web-test-runner test/x.test.ts` runs one file in one engine.
// How each engine is found, launched and driven lives in test/harness/, one concern per
// module (CONTRIBUTING.md, "Test groups").
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { auditCommands, auditRecorder } from './test/harness/audit.mjs';
import { countReporter } from './test/harness/count-reporter.mjs';
import { echoRoute } from './test/harness/echo-route.mjs';
import { ENGINES, findEngine } from './test/harness/engines.mjs';
import { fileCommands } from './test/harness/files.mjs';
import { launcher } from './test/harness/launchers.mjs';
import { pageCommands } from './test/harness/page-commands.mjs';
import { guardBaselines } from './test/harness/screenshots.mjs';
import { ssrCommands } from './test/harness/ssr.mjs';

const engine = process.env.FC_ENGINE || 'chromium';
if (!ENGINES.includes(engine)) {
  console.error(`FC_ENGINE is "${engine}": use one of ${ENGINES.join(', ')}.`);
  process.exit(1);
}
let found;
try {
  found = await findEngine(engine);
} catch (error) {
  // One sentence that says how to get the browser, not a stack trace.
  console.error(error.message);
  process.exit(1);
}
const updateBaselines = process.argv.includes('--update-visual-baseline');
const { browser, concurrency } = await launcher(engine, found);

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [browser],
  plugins: [
    // tsconfig.json: class fields assigned, not defined, so Lit's accessors stay in charge.
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    visualRegressionPlugin({
      update: updateBaselines,
      baseDir: 'test/screenshots',
      diffOptions: { threshold: 0.1 },
      // Same machine kind, same fonts: a real change moves far more than 0.5 % of pixels.
      failureThreshold: 0.5,
      failureThresholdType: 'percent',
      // A baseline that is one flat colour (a blank screenshot) is refused.
      ...guardBaselines(updateBaselines),
    }),
    pageCommands(engine),
    auditCommands(engine),
    auditRecorder(),
    echoRoute(),
    ssrCommands(),
    fileCommands(),
  ],
  reporters: [defaultReporter(), countReporter(engine)],
};
