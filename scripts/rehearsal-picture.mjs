// Draws docs/rehearsal.md's pictures of a rehearsal report: `franceconnect-rehearse` run
// against a variant of the reference service that breaks rule 9 (SERVICE_FAULTS=
// logout-without-session-end, so the report shows a failure as well as passes), then the
// report it wrote opened in the system's Chromium and photographed: its top (verdict and
// rules) and the step that failed.
//   npm run build && node scripts/rehearsal-picture.mjs
// Look at the images before committing them.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { freePort, referenceService, REHEARSE } from '../test/journey/servers.mjs';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The report quotes its command line: written as a reader would type it (a relative report
// path, `node` from the PATH), never a path of the machine that drew the picture.
const report = join(root, 'rehearsal.html');
const service = await referenceService('node', { port: await freePort() });
const args = service.args.map((arg, i, all) => (all[i - 1] === '--start' ? 'node examples/service/server.mjs' : arg));
const code = await new Promise((resolve) => {
  execFile(process.execPath, [REHEARSE, ...args, '--report', 'rehearsal.html'], { cwd: root, env: { ...process.env, ...service.env, SERVICE_FAULTS: 'logout-without-session-end' } }, (error, stdout, stderr) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    resolve(error ? error.code : 0);
  });
});
if (code !== 1) {
  console.error(`franceconnect-rehearse exited ${code}, not 1 (rule 9 failing): no picture.`);
  process.exit(1);
}

const browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`file://${report}`);
  await page.screenshot({ path: join(root, 'docs/images/rehearsal-report.png'), clip: { x: 0, y: 0, width: 1100, height: 780 } });
  const failed = page.locator('section.step', { has: page.locator('.badge.fail') }).first();
  await failed.screenshot({ path: join(root, 'docs/images/rehearsal-step.png') });
} finally {
  await browser.close();
  rmSync(report, { force: true });
}
console.log('docs/images/rehearsal-report.png and docs/images/rehearsal-step.png written.');
