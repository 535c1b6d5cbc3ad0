#!/usr/bin/env node
// npx franceconnect-audit <url> [--json]
//
// Opens the page in the local Chrome or Chromium (never downloads one), runs the
// FranceConnect qualification audit (franceconnect-elements/audit) at 1280 px and at
// 320 px wide, in the page's own theme, prints one line per finding, and exits 1 when
// any finding fails (2 when the audit could not run).
import { readFile } from 'node:fs/promises';
import { findChrome, CHROME_ARGS } from '../scripts/find-chrome.mjs';

const WIDTHS = [1280, 320];
const args = process.argv.slice(2);
const json = args.includes('--json');
const url = args.find((a) => !a.startsWith('--'));

function stop(message) {
  console.error(message);
  process.exit(2);
}

if (!url || args.includes('--help')) {
  stop('Usage : npx franceconnect-audit <url> [--json]  (audite la page à 1280 et 320 px de large)');
}

// The browser driver is an optional peer dependency: installing the elements alone
// brings Lit only.
let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  stop('franceconnect-audit needs playwright-core to drive Chrome: run `npm install --save-dev playwright-core` and try again.');
}

let executablePath;
try {
  executablePath = await findChrome();
} catch (error) {
  stop(error.message);
}

// The self-contained audit module, its one export turned into a value the page returns.
const bundle = await readFile(new URL('../dist/cdn/franceconnect-audit.js', import.meta.url), 'utf8').catch(() =>
  stop('dist/cdn/franceconnect-audit.js is missing: run `npm run build` in franceconnect-elements first.'),
);
const exported = /export\s*\{\s*([\w$]+)\s+as\s+auditFranceConnect\s*\}\s*;?\s*$/;
if (!exported.test(bundle)) stop('dist/cdn/franceconnect-audit.js does not export auditFranceConnect: rebuild it.');
// Evaluated through the DevTools protocol: the page's Content-Security-Policy does not apply.
const script = `(async () => {
  ${bundle.replace(exported, 'const audit = $1;')}
  const report = await audit(document);
  return { ok: report.ok, findings: report.findings.map(({ rule, status, message }) => ({ rule, status, message })) };
})()`;

const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
const results = [];
try {
  // colorScheme null: no emulation, the page's own theme.
  const context = await browser.newContext({ colorScheme: null, locale: 'fr-FR', viewport: { width: WIDTHS[0], height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
  } catch (error) {
    stop(`Could not open ${url}: ${error.message.split('\n')[0]}`);
  }
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    results.push({ width, ...(await page.evaluate(script)) });
  }
} finally {
  await browser.close();
}

const ok = results.every((r) => r.ok);
if (json) {
  console.log(JSON.stringify({ url, ok, results }, null, 2));
} else {
  const marks = { pass: '✔ conforme ', fail: '✘ ÉCHEC   ', warn: '! à vérifier', 'not-applicable': '– sans objet' };
  for (const { width, findings } of results) {
    for (const f of findings) console.log(`${marks[f.status]}  règle ${String(f.rule).padEnd(2)}  ${String(width).padStart(4)} px  ${f.message}`);
  }
  const all = results.flatMap((r) => r.findings);
  const count = (status) => all.filter((f) => f.status === status).length;
  console.log(
    `${ok ? 'Conforme' : 'Non conforme'} : ${count('fail')} échec(s), ${count('warn')} point(s) à vérifier à la main, ${count('pass')} conforme(s) — ${url}`,
  );
}
process.exit(ok ? 0 : 1);
