// A node:test reporter that prints the closing line CI reads, `N passed, N failed`,
// and keeps it in .test-results/journey.txt for .ci/run to add to web-test-runner's
// (.test-results/$FC_TEST_COUNT_NAME.txt when that is set: `apps` for test/apps).
// It counts tests only (describe blocks are suites); a file that cannot even load is
// reported by node:test as a failed test of its own, and a failed `before` hook fails
// the tests it guards, so neither goes uncounted.
import { mkdirSync, writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) skipped += 1;
    else if (event.type === 'test:pass') passed += 1;
    else failed += 1;
  }
  const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  const name = process.env.FC_TEST_COUNT_NAME || 'journey';
  mkdirSync('.test-results', { recursive: true });
  writeFileSync(`.test-results/${name}.txt`, `${line}\n`);
  yield `${name}: ${line}\n`;
}
