#!/usr/bin/env node
// npx franceconnect-audit <url> [--json] [--follow [--client-id ID]] [--ignore-https-errors]
//
// Opens the page in the local Chrome or Chromium (never downloads one), runs the
// FranceConnect qualification audit (franceconnect-elements/audit) at 1280 px and at
// 320 px wide, in the page's own theme, and prints one line per finding.
//
// --follow also activates each FranceConnect button in a throwaway browser context,
// follows the service's redirects and stops the request to FranceConnect's authorize
// (/api/v2/authorize or /api/v1/authorize, on any host) before it leaves: rules 8, 13,
// 17, 19, 20, 21 are read on it, and for an https page rule 18 is measured with TLS
// handshakes alone (lib/follow.mjs). Nothing is ever sent to FranceConnect.
//
// Exit codes (docs/audit.md#exit-codes):
//   0  « Conforme »: no finding fails, every FranceConnect control was judged
//   1  « Non conforme »: at least one finding fails
//   2  the audit could not run (bad arguments, no browser, page unreachable, no build)
//   3  « Conformité non établie »: nothing fails, but a likely FranceConnect control (or
//      with --follow, its authorize request) could not be judged
import { readFile } from 'node:fs/promises';
import { findChrome, CHROME_ARGS } from '../scripts/find-chrome.mjs';

const WIDTHS = [1280, 320];
const USAGE =
  'Usage : npx franceconnect-audit <url> [--json] [--follow [--client-id ID]] [--ignore-https-errors]\n' +
  '  audite la page à 1280 et 320 px de large ; --follow suit aussi chaque bouton FranceConnect\n' +
  '  jusqu’à la requête /authorize, arrêtée avant son départ (règles 8, 13, 17 à 21).';

function stop(message) {
  console.error(message);
  process.exit(2);
}

/** The command line, every option known or refused: a misspelt option is no silent no-op. */
function parse(argv) {
  const options = { json: false, follow: false, clientId: undefined, ignoreHttpsErrors: false, url: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s) : [arg];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (flag === '--json' && inline === undefined) options.json = true;
    else if (flag === '--follow' && inline === undefined) options.follow = true;
    else if (flag === '--ignore-https-errors' && inline === undefined) options.ignoreHttpsErrors = true;
    else if (flag === '--client-id') {
      const value = inline ?? argv[(i += 1)];
      if (!value || value.startsWith('--')) stop(`--client-id attend une valeur : le client_id de votre espace partenaire.\n${USAGE}`);
      options.clientId = value;
    } else if (arg.startsWith('-')) stop(`Option inconnue : ${arg}\n${USAGE}`);
    else if (options.url) stop(`Une seule adresse à la fois (reçu ${options.url} et ${arg}).\n${USAGE}`);
    else options.url = arg;
  }
  if (!options.url) stop(USAGE);
  if (options.clientId && !options.follow) stop(`--client-id ne sert qu’avec --follow.\n${USAGE}`);
  try {
    if (!/^https?:$/.test(new URL(options.url).protocol)) throw new Error('scheme');
  } catch {
    stop(`Adresse invalide : ${options.url} (http:// ou https:// attendu).`);
  }
  return options;
}

const options = parse(process.argv.slice(2));

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

// The self-contained audit module, its exports turned into values the page can use.
const bundle = await readFile(new URL('../dist/cdn/franceconnect-audit.js', import.meta.url), 'utf8').catch(() =>
  stop('dist/cdn/franceconnect-audit.js is missing: run `npm run build` in franceconnect-elements first.'),
);
const exported = /export\s*\{([^}]*)\}\s*;?\s*$/;
const names = Object.fromEntries(
  (bundle.match(exported)?.[1] ?? '')
    .split(',')
    .map((entry) => entry.trim().split(/\s+as\s+/))
    .filter(([local]) => local)
    .map(([local, name]) => [name ?? local, local]),
);
if (!names.auditFranceConnect || !names.findFranceConnectControls) stop('dist/cdn/franceconnect-audit.js does not export auditFranceConnect: rebuild it.');
const module = `${bundle.replace(exported, '')}\nconst audit = ${names.auditFranceConnect}, controls = ${names.findFranceConnectControls};`;
// Evaluated through the DevTools protocol: the page's Content-Security-Policy does not apply.
const auditScript = `(async () => {
  ${module}
  const report = await audit(document);
  return { ok: report.ok, complete: report.complete, findings: report.findings.map(({ rule, status, message, unjudged, provider }) => ({ rule, status, message, ...(unjudged ? { unjudged } : {}), ...(provider ? { provider } : {}) })) };
})()`;
/** The page's FranceConnect controls, named, for --follow. */
const listScript = `(async () => {
  ${module}
  const found = await controls(document);
  return [...found.buttons, ...found.likely].map(({ plus, provider, name, signals }) => ({ plus: !!plus, provider, name, likely: !found.buttons.some((b) => b.name === name), signals }));
})()`;
/** The n-th of them, as an element to click. */
const pickScript = (n) => `(async () => {
  ${module}
  const found = await controls(document);
  return [...found.buttons, ...found.likely][${n}]?.element ?? null;
})()`;

/** A proxy from the environment (HTTPS_PROXY, HTTP_PROXY, NO_PROXY), for machines behind one. */
function proxy() {
  const server = process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy;
  if (!server) return undefined;
  const bypass = [process.env.NO_PROXY || process.env.no_proxy, 'localhost,127.0.0.1,[::1]'].filter(Boolean).join(',');
  return { server, bypass };
}

/**
 * The browser speaks to the pages it audits and to nothing else. Beyond CHROME_ARGS, a
 * distribution's Chromium (Debian's ships Google API keys) still reaches for Google's
 * sign-in, component updates, network time, autofill and optimisation hints: those are
 * switched off or pointed at a closed loopback port (seen through a refusing proxy in
 * test/journey/audit-follow.test.mjs).
 */
const QUIET = [
  '--disable-extensions',
  '--disable-features=AutofillServerCommunication,OptimizationHints,OptimizationGuideModelDownloading,NetworkTimeServiceQuerying,MediaRouter,Translate,CertificateTransparencyComponentUpdater',
  '--gaia-url=http://127.0.0.1:9',
  '--google-apis-url=http://127.0.0.1:9',
  '--lso-url=http://127.0.0.1:9',
  '--component-updater=url-source=http://127.0.0.1:9',
];

let browser;
try {
  browser = await chromium.launch({ executablePath, args: [...CHROME_ARGS, ...QUIET], headless: true, proxy: proxy() });
} catch (error) {
  stop(`Chrome did not start (${executablePath}): ${error.message.split('\n')[0]}`);
}
const contextOptions = (width) => ({
  // colorScheme null: no emulation, the page's own theme.
  colorScheme: null,
  locale: 'fr-FR',
  viewport: { width, height: 900 },
  ignoreHTTPSErrors: options.ignoreHttpsErrors,
});

const results = [];
let follow;
let pageUrl;
try {
  const context = await browser.newContext(contextOptions(WIDTHS[0]));
  const page = await context.newPage();
  try {
    await page.goto(options.url, { waitUntil: 'load', timeout: 30000 });
  } catch (error) {
    stop(`Could not open ${options.url}: ${error.message.split('\n')[0]}`);
  }
  pageUrl = page.url();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    results.push({ width, ...(await page.evaluate(auditScript)) });
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  if (options.follow) {
    const found = await page.evaluate(listScript);
    await context.close();
    const { followButtons } = await import('./lib/follow.mjs');
    follow = await followButtons({ browser, url: pageUrl, found, pickScript, contextOptions: contextOptions(WIDTHS[0]), clientId: options.clientId });
  }
} finally {
  await browser.close();
}

const all = [...results.flatMap((r) => r.findings), ...(follow?.findings ?? [])];
const failed = all.some((f) => f.status === 'fail');
const complete = !all.some((f) => f.unjudged);
const ok = !failed && complete;
const code = failed ? 1 : complete ? 0 : 3;
if (options.json) {
  console.log(JSON.stringify({ url: options.url, ok, complete, exitCode: code, results, ...(follow ? { follow } : {}) }, null, 2));
} else {
  const marks = { pass: '✔ conforme ', fail: '✘ ÉCHEC   ', warn: '! à vérifier', 'not-applicable': '– sans objet' };
  // ProConnect's findings say so: its rules are ProConnect's, numbered like FranceConnect's they resemble.
  const line = (f, where) => console.log(`${marks[f.status]}  règle ${String(f.rule).padEnd(2)}  ${where}  ${f.provider === 'proconnect' ? '[ProConnect] ' : ''}${f.message}`);
  for (const { width, findings } of results) for (const f of findings) line(f, `${String(width).padStart(4)} px`);
  for (const f of follow?.findings ?? []) line(f, ' suivi ');
  const count = (status) => all.filter((f) => f.status === status).length;
  // What could not be judged, once each, before the verdict.
  for (const message of new Set(all.filter((f) => f.unjudged).map((f) => `règle ${f.rule} : ${f.message}`))) console.log(`Non jugé, ${message}`);
  const verdict = failed ? 'Non conforme' : complete ? 'Conforme' : 'Conformité non établie';
  const unjudged = all.filter((f) => f.unjudged).length;
  console.log(
    `${verdict} : ${count('fail')} échec(s), ${unjudged ? `${unjudged} point(s) que l’audit n’a pas pu juger, ` : ''}${count('warn') - unjudged} point(s) à vérifier à la main, ${count('pass')} conforme(s) — ${options.url}`,
  );
}
process.exit(code);
