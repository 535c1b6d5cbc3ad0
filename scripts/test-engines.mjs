// Runs the browser tests in each engine, one after the other (web-test-runner runs one
// engine per process: see web-test-runner.config.mjs), then adds them up.
//   node scripts/test-engines.mjs                      all three engines, every test file
//   node scripts/test-engines.mjs firefox              one engine
//   node scripts/test-engines.mjs webkit test/x.test.ts  one engine, one file
// Prints `chromium: N passed, N failed` per engine and writes the total,
// `N passed, N failed`, to .test-results/summary.txt (the line CI reads).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ENGINES, findEngine } from '../test/harness/engines.mjs';

const args = process.argv.slice(2);
// Engines named on the command line, or in FC_ENGINES (`FC_ENGINES=firefox npm test`).
const engines = args.filter((a) => ENGINES.includes(a));
if (!engines.length && process.env.FC_ENGINES) engines.push(...process.env.FC_ENGINES.split(','));
const wrong = engines.find((e) => !ENGINES.includes(e));
if (wrong) {
  console.error(`Unknown engine "${wrong}": use one of ${ENGINES.join(', ')}.`);
  process.exit(1);
}
const rest = args.filter((a) => !ENGINES.includes(a));
const unknown = rest.find((a) => !a.startsWith('-') && !a.includes('/') && !a.includes('.'));
if (unknown) {
  console.error(`Unknown engine "${unknown}": use one of ${ENGINES.join(', ')}.`);
  process.exit(1);
}

mkdirSync('.test-results', { recursive: true });
const lines = [];
let passed = 0;
let failed = 0;
let status = 0;
for (const engine of engines.length ? engines : ENGINES) {
  const file = `.test-results/${engine}.txt`;
  rmSync(file, { force: true });
  let line;
  try {
    await findEngine(engine);
    console.log(`\n== ${engine}`);
    const run = spawnSync('npx', ['web-test-runner', ...rest], {
      stdio: 'inherit',
      env: { ...process.env, FC_ENGINE: engine },
    });
    if (run.status !== 0) status = 1;
    try {
      line = readFileSync(file, 'utf8').trim();
    } catch {
      // The runner never reached its report: count the engine as one failure.
      line = `${engine}: 0 passed, 1 failed`;
    }
  } catch (error) {
    // The engine is not installed: one sentence saying how to get it, and a failure.
    console.error(`${engine}: ${error.message}`);
    line = `${engine}: 0 passed, 1 failed`;
    status = 1;
  }
  const m = line.match(/(\d+) passed, (\d+) failed/);
  passed += Number(m[1]);
  failed += Number(m[2]);
  lines.push(line);
}
const total = `${passed} passed, ${failed} failed`;
writeFileSync('.test-results/engines.txt', `${lines.join('\n')}\n`);
writeFileSync('.test-results/summary.txt', `${total}\n`);
console.log(`\n${lines.join('\n')}\n${total}`);
process.exit(failed ? 1 : status);
