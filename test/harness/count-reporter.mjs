// The per-engine test count, the line `npm test` and CI read.
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Counts this engine's tests into `.test-results/<engine>.txt` (`firefox: N passed, N failed`);
 * scripts/test-engines.mjs adds the engines up into `.test-results/summary.txt`.
 */
export function countReporter(engine) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        let bad = 0;
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else bad += 1;
        }
        return bad + suite.suites.reduce((n, s) => n + walk(s), 0);
      };
      for (const session of sessions) {
        const bad = session.testResults ? walk(session.testResults) : 0;
        failed += bad;
        // A file that failed to load, or a failing hook that kept its tests from running,
        // counts as a failure, not as zero tests.
        if (!session.passed && bad === 0) failed += 1;
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/${engine}.txt`, `${engine}: ${line}\n`);
      process.on('exit', () => console.log(`${engine}: ${line}`));
    },
  };
}
