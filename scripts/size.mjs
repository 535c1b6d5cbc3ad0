// Weight of what a page downloads, in bytes: minified, then gzip (level 9) and
// brotli (quality 11). Used by `npm run size` (the budget check in `npm test`) and
// by `npm run bench`. Needs `npm run build` first (dist/).
//
//   node scripts/size.mjs          prints the table
//   node scripts/size.mjs --check  also fails when a budget is exceeded
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dsfr = join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');

/**
 * Budgets, gzipped. A KB here is 1,024 bytes. Each budget holds the figure measured
 * when it was last raised or lowered, so that it only goes down; what moved them
 * (bytes gzipped, Node's zlib -9):
 * - the rule 7 / rule 13 detector learning icons, onclick, Google Identity Services,
 *   open shadow roots and iframes: CDN 16,324 → 16,655;
 * - every property taking any JavaScript value without throwing, reflected properties
 *   writing their attribute at once, bad values quoted and reported once as the element
 *   the page wrote: CDN → 17,287, fc-button page 10,977 → 11,354, fc-login-block page
 *   13,205 → 13,940;
 * - <fc-account> (its class, styles and two DSFR icons) in the CDN bundle: about
 *   1.6 KB; the fc-account page holds Lit, the shared identity reader and the element;
 * - a stable code and README anchor in every warning and error ([fc-bad-value] …
 *   See README.md#fc-bad-value), after targetForm and the declared identity property
 *   had saved bytes: fc-login-block page 13,971 → 14,011;
 * - server rendering (issue 11): Lit's hydration support inside the CDN bundle (it
 *   must load before Lit, so the bundle carried it), the `system` theme painted by CSS
 *   alone, the no-JavaScript link and submit slot over the button, the hydration of the
 *   theme: CDN 18,897 → 21,477 (+2,580, where the fc-button page, which has no hydration
 *   support, grew 468: the support is about 2.1 KB),
 *   fc-button page 11,382 → 11,850, fc-login-block page 13,971 → 14,505 (14,549 with
 *   the coded warnings above);
 * - <fc-account> taking the width its row needs in the DSFR header (an invisible copy of
 *   the row sizes it) and <fc-login-block name value> submitting without JavaScript
 *   (the block passes the server's submit button down to its button): CDN 21,437 →
 *   21,530, fc-login-block page 14,549 → 14,567, fc-account page 10,186 → 10,274;
 * - a server-rendered button kept out of the Tab order until its module runs (the
 *   keyboard meets only the control that works without JavaScript): CDN → 21,553,
 *   fc-button page 11,860 → 11,890, fc-login-block page → 14,592;
 * - issue 18, lighter for client-rendered pages: Lit's hydration support (2,027) out of
 *   the CDN file, which a server-rendered page replaces by
 *   franceconnect-elements-hydrate.js (21,553 → 21,430, its first budget); in the file
 *   for client pages, none of the elements' hydration branches nor the no-JavaScript
 *   link either, and a safety net for server output given to it (+151); everywhere,
 *   server-only branches behind Lit's isServer and the theme colours minified: CDN
 *   21,553 → 19,215, fc-button page 11,888 → 11,792, fc-login-block page
 *   14,590 → 14,466, fc-account page 10,274 → 10,173; a bundler's server-rendered
 *   block page (franceconnect-elements/hydrate first) 16,497, its first budget.
 *   Issue 18 asked for 16,384 and 11,264: Lit's share is 5,733 of every page and the
 *   official logo about 2,000 (npm run size prints each page's shares); the rest is the
 *   elements' behaviour, which that issue keeps.
 * - the rule 7 detector learning that a link is a sign-in when it signs in, not when it
 *   names a provider's site (issue 20; 16 bytes fewer minified, more gzipped): CDN
 *   19,210 → 19,224, its hydrate file 21,425 → 21,440, fc-login-block page 14,461 →
 *   14,475, server-rendered 16,492 → 16,506.
 * - issue 18 again: the client CDN file holds the login elements, and loads <fc-account> and
 *   <fc-profile-form> from franceconnect-elements-account.js, beside it, on the pages that
 *   show one (src/cdn.ts): a login page 19,224 → 14,622, the issue's 16,384 as its budget;
 *   a page with the account elements loads both files, 20,631 (each gzipped alone: one
 *   self-contained file was 19,224), its first budget.
 * - issue 18, hydration only when asked for in the bundler entries too: the button's
 *   no-JavaScript stand-ins and the hydrating switches are installed by
 *   franceconnect-elements/hydrate (src/shared/hydrates.ts) instead of being in every
 *   element: fc-button page 11,789 → 11,511, fc-login-block page 14,475 → 14,169,
 *   fc-account page 10,171 → 10,111; what a server-rendered page loads pays for the
 *   indirection: the hydrating CDN file 21,440 → 21,482 (21,553 when issue 18 was filed),
 *   a bundler's server-rendered block page 16,506 → 16,578.
 * - ProConnect (issue 21): `provider="proconnect"` on the button, the block and the
 *   account, and above all ProConnect's logo (its published file through the same SVGO
 *   pass as FranceConnect's, 2,448 bytes gzipped on its own): client CDN file 14,622 → 16,258
 *   (under the 16,384 of issue 18), with the account file 20,631 → 22,463, the hydrating
 *   CDN file 21,482 → 23,391, fc-button page 11,511 → 13,034, fc-login-block page
 *   14,169 → 15,781, server-rendered 16,578 → 18,222, fc-account page (the provider and
 *   the agent's claims, no logo) 10,111 → 10,306. A page that shows only FranceConnect
 *   carries ProConnect's logo too: issue 18's 11,264 for the fc-button page waits for
 *   the logo to leave the pages that do not show it.
 * - issue 18, ProConnect's logo only where it is shown: its paths are a file of their own
 *   (src/shared/proconnect-logo.ts), importing nothing, which a ProConnect button loads
 *   before its first render: client CDN file 16,258 → 15,138, with the account file
 *   22,463 → 21,343, the hydrating CDN file 23,391 → 22,221, fc-button page 13,034 →
 *   11,974, fc-login-block page 15,781 → 14,712, server-rendered 18,222 → 17,117. A page
 *   that shows a ProConnect button loads the logo's file too: the fc-button page 14,588
 *   (each file gzipped alone), its first budget.
 * - fc-login-block's updateComplete waits for its button's (a ProConnect button waits for
 *   its logo): 39 bytes on every page with the block: client CDN file 15,138 → 15,178, with
 *   the account file 21,343 → 21,383, hydrating CDN file 22,221 → 22,256, fc-login-block
 *   page 14,712 → 14,751, server-rendered 17,117 → 17,153.
 */
export const BUDGETS = {
  cdn: 16384,
  'cdn account': 21390,
  'cdn hydrate': 22260,
  'fc-button page': 11980,
  'fc-button page, ProConnect': 14590,
  'fc-login-block page': 14760,
  'fc-login-block page, server-rendered': 17160,
  'fc-account page': 10310,
};

export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** Lit's own modules: lit, lit-html, lit-element, @lit/reactive-element, @lit-labs/ssr-client. */
const LIT = /\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/ssr-client)\//;

/**
 * Builds `entry` the way a page ships it (tree-shaken, minified, one file), and again
 * with Lit's modules in a chunk of their own: that chunk, gzipped alone, is Lit's share
 * of the page; the rest is the elements' (the whole file gzipped, less Lit's share).
 * `config`: the page is built as vite.config.ts builds that CDN mode; otherwise as a
 * page's bundler would build the npm package's modules (dist/).
 */
async function pageBundle(entry, config, { entryOnly = false, proconnect = false } = {}) {
  // Several modules: a page that imports them in this order.
  const page = {
    name: 'page',
    enforce: 'pre',
    // (Vite resolves a lib entry against the root before plugins see it.)
    resolveId: (id) => (id.endsWith('virtual:page') ? '\0page' : undefined),
    load: (id) => (id === '\0page' ? [entry].flat().map((m) => `import ${JSON.stringify(resolve(root, m))};`).join('\n') : undefined),
  };
  const once = async (split) => {
    const options = config
      ? { configFile: join(root, 'vite.config.ts'), mode: config }
      : {
          configFile: false,
          plugins: [page],
          build: {
            target: 'es2022',
            minify: true,
            lib: { entry: Array.isArray(entry) ? 'virtual:page' : resolve(root, entry), formats: ['es'], fileName: () => 'page.js' },
          },
        };
    const result = await build({
      ...options,
      logLevel: 'silent',
      root,
      build: {
        ...options.build,
        write: false,
        rollupOptions: { output: { minify: true, comments: false, ...(split && { manualChunks: (id) => (LIT.test(id) ? 'lit' : undefined) }) } },
      },
    });
    const chunks = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).filter((o) => o.type === 'chunk');
    // `entryOnly`: what the page loads first, not the files it loads only when it needs them.
    chunks.sort((a, b) => b.isEntry - a.isEntry);
    // ProConnect's logo is a file a page loads only once it shows a ProConnect button
    // (src/shared/proconnect-logo.ts): counted in the rows of such a page only.
    const shown = proconnect ? chunks : chunks.filter((o) => o.name !== 'proconnect-logo');
    return entryOnly ? shown.filter((o) => o.isEntry || o.name === 'lit' || (proconnect && o.name === 'proconnect-logo')) : shown;
  };
  // Several files (the CDN file and the one it loads): each is downloaded, and
  // compressed, on its own.
  const parts = (await once(false)).map((o) => Buffer.from(o.code));
  const lit = (await once(true)).filter((o) => o.name === 'lit').map((o) => o.code).join('\n');
  return { bytes: parts[0], parts, lit: gzipSync(lit, { level: 9 }).length };
}

const file = (path) => ({ bytes: readFileSync(path) });

export async function measureWeights() {
  if (!existsSync(join(root, 'dist/cdn/franceconnect-elements-hydrate.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first.');
  }
  const rows = [
    ['cdn', 'dist/cdn/franceconnect-elements.js (a client-rendered login page: the login elements, Lit included)', await pageBundle('src/cdn.ts', 'cdn', { entryOnly: true })],
    ['cdn account', 'the same and franceconnect-elements-account.js (a client-rendered page with fc-account or fc-profile-form: all five elements)', await pageBundle('src/cdn.ts', 'cdn')],
    ['cdn hydrate', 'dist/cdn/franceconnect-elements-hydrate.js (a server-rendered page: the same, and Lit’s hydration support)', await pageBundle('src/cdn-hydrate.ts', 'cdn-hydrate')],
    ['fc-button page', 'a page importing only franceconnect-elements/fc-button', await pageBundle('dist/define/fc-button.js')],
    ['fc-button page, ProConnect', 'the same page showing a ProConnect button: and the file of ProConnect’s logo', await pageBundle('dist/define/fc-button.js', undefined, { proconnect: true })],
    ['fc-login-block page', 'a page importing only franceconnect-elements/fc-login-block', await pageBundle('dist/define/fc-login-block.js')],
    ['fc-login-block page, server-rendered', 'the same page, server-rendered: franceconnect-elements/hydrate first', await pageBundle(['dist/hydrate.js', 'dist/define/fc-login-block.js'])],
    ['fc-account page', 'a page importing only franceconnect-elements/fc-account', await pageBundle('dist/define/fc-account.js')],
    ['reserve.css', 'dist/reserve.css (optional, see docs/performance.md, "Layout shift")', file(join(root, 'dist/reserve.css'))],
    ['dsfr connect', '@gouvfr/dsfr component/connect/connect.min.css', file(join(dsfr, 'component/connect/connect.min.css'))],
    ['dsfr core + connect', '@gouvfr/dsfr core.min.css + connect.min.css', { bytes: Buffer.concat([readFileSync(join(dsfr, 'core/core.min.css')), readFileSync(join(dsfr, 'component/connect/connect.min.css'))]) }],
    ['dsfr all', '@gouvfr/dsfr dsfr.min.css (what a react-dsfr page loads)', file(join(dsfr, 'dsfr.min.css'))],
  ];
  // The CDN files as built must be the files measured (same configuration, same sources).
  for (const [name, path] of [['cdn', 'dist/cdn/franceconnect-elements.js'], ['cdn hydrate', 'dist/cdn/franceconnect-elements-hydrate.js']]) {
    const built = readFileSync(join(root, path));
    const measured = rows.find((r) => r[0] === name)[2].bytes;
    if (!built.equals(measured)) throw new Error(`${path} is not what its build gives now: run \`npm run build\` again.`);
  }
  return rows.map(([name, what, { bytes, parts = [bytes], lit }]) => {
    const each = parts.map(compressed);
    const sizes = Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, each.reduce((sum, c) => sum + c[k], 0)]));
    return { name, what, ...sizes, lit: lit ?? null, elements: lit == null ? null : sizes.gzip - lit, budget: BUDGETS[name] ?? null };
  });
}

export function weightTable(weights) {
  const ref = Object.fromEntries(weights.map((w) => [w.name, w.gzip]));
  const n = (x) => (x == null ? '' : x.toLocaleString('en'));
  const lines = [
    '| what | min | gzip | brotli | Lit’s share (gzip) | the elements’ share (gzip) | gzip vs DSFR core + connect | budget (gzip) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const w of weights) {
    const ratio = (w.gzip / ref['dsfr core + connect']).toFixed(2);
    const budget = w.budget ? `${n(w.budget)} ${w.gzip <= w.budget ? 'ok' : 'OVER'}` : '';
    lines.push(`| ${w.what} | ${n(w.raw)} | ${n(w.gzip)} | ${n(w.brotli)} | ${n(w.lit)} | ${n(w.elements)} | ${ratio} | ${budget} |`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const weights = await measureWeights();
  console.log(weightTable(weights));
  if (process.argv.includes('--check')) {
    const over = weights.filter((w) => w.budget && w.gzip > w.budget);
    for (const w of over) {
      console.error(`Size budget exceeded: ${w.what} is ${w.gzip} bytes gzipped, budget ${w.budget}.`);
    }
    if (over.length) process.exit(1);
    console.log('Size budgets: all met.');
  }
}
