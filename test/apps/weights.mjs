// What the elements weigh in each framework, printed by `npm run bench`:
// - the React and Vue entry points, one element or all five, bundled and minified as an
//   app's bundler would (React and Vue themselves left out: the app has them anyway);
// - in each example app (built in production mode and served), the JavaScript its
//   starter page at / loads (the framework alone), and what /connexion and /compte
//   load on top of it: the elements those pages show, and the page's own code.
// Bytes gzipped at level 9, script by script, as a server would send them. ProConnect's
// logo, which a page loads only when it shows a ProConnect button, is not counted.
import { join } from 'node:path';
import { build } from 'vite';
import { compressed } from '../../scripts/size.mjs';
import { APPS, ROOT, installAndBuild } from './install.mjs';
import { serve } from './serve.mjs';

/** An entry point of dist/ bundled for a browser, the framework external. */
async function entryBundle(entry) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(ROOT, entry), formats: ['es'], fileName: () => 'page.js' },
      rollupOptions: { external: [/^react($|\/)/, /^react-dom($|\/)/, /^vue$/], output: { minify: true, comments: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  // ProConnect's logo is a chunk a page loads only once it shows a ProConnect button
  // (src/shared/proconnect-logo.ts): left out, as scripts/size.mjs leaves it out.
  const loaded = outputs.filter((o) => o.type === 'chunk' && o.name !== 'proconnect-logo');
  return compressed(Buffer.from(loaded.map((o) => o.code).join('\n'))).gzip;
}

export async function measureEntryWeights() {
  const rows = [];
  for (const [name, entry] of [
    ['franceconnect-elements/react/fc-button', 'dist/react/fc-button.js'],
    ['franceconnect-elements/react/fc-login-block', 'dist/react/fc-login-block.js'],
    ['franceconnect-elements/react/fc-account', 'dist/react/fc-account.js'],
    ['franceconnect-elements/react (all five)', 'dist/react/index.js'],
    ['franceconnect-elements/vue/fc-button', 'dist/vue/fc-button.js'],
    ['franceconnect-elements/vue/fc-login-block', 'dist/vue/fc-login-block.js'],
    ['franceconnect-elements/vue (all five)', 'dist/vue/index.js'],
  ]) {
    rows.push({ name, gzip: await entryBundle(entry) });
  }
  return rows;
}

/** Every script a fresh visitor's page loads: URL → gzipped bytes. */
async function scripts(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const seen = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') seen.push(r.body().then((b) => [r.url(), compressed(b).gzip]));
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const out = new Map(await Promise.all(seen));
  await context.close();
  return out;
}

const sum = (map, keep = () => true) => [...map].filter(([url]) => keep(url)).reduce((n, [, b]) => n + b, 0);

export async function measureAppWeights(browser, apps = APPS) {
  const rows = [];
  for (const app of apps) {
    installAndBuild(app);
    const server = await serve(app);
    try {
      const home = await scripts(browser, `${server.origin}/`);
      const row = { app, home: sum(home) };
      for (const path of ['/connexion', '/compte']) {
        const loaded = await scripts(browser, `${server.origin}${path}`);
        row[path] = { total: sum(loaded), added: sum(loaded, (url) => !home.has(url)) };
      }
      rows.push(row);
    } finally {
      server.close();
    }
  }
  return rows;
}

export function appWeightTable(entries, apps) {
  const n = (b) => b.toLocaleString('en');
  return [
    '| entry point, bundled (React or Vue external) | gzip |',
    '|---|---:|',
    ...entries.map((e) => `| ${e.name} | ${n(e.gzip)} |`),
    '',
    '| example app | JS of / (the framework) | /connexion: JS added | /connexion: total | /compte: JS added | /compte: total |',
    '|---|---:|---:|---:|---:|---:|',
    ...apps.map((r) => `| ${r.app} | ${n(r.home)} | ${n(r['/connexion'].added)} | ${n(r['/connexion'].total)} | ${n(r['/compte'].added)} | ${n(r['/compte'].total)} |`),
  ].join('\n');
}
