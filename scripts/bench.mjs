// `npm run bench`: weight, render time, layout shift and memory of the elements,
// side by side with the DSFR's own FranceConnect button, in headless Chromium.
// Prints one table and writes bench/results.json. Times are printed, never asserted.
//
// Environment: BENCH_RUNS (default 15) runs of each render case.
import http from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { chromium } from 'playwright';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';
import { measureWeights, weightTable } from './size.mjs';
import { appWeightTable, measureAppWeights, measureEntryWeights } from '../test/apps/weights.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dsfrDist = join(dirname(require.resolve('@gouvfr/dsfr/package.json')), 'dist');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const LATE_MS = 600;

// ---------------------------------------------------------------- server
const TYPES = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
const pages = new Map();
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const send = (status, body, type) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };
  if (pages.has(url.pathname)) return send(200, pages.get(url.pathname), TYPES['.html']);
  // /late/... is the same file, answered LATE_MS later: a module that arrives late.
  const late = url.pathname.startsWith('/late/');
  const path = late ? url.pathname.slice('/late'.length) : url.pathname;
  const base = path.startsWith('/dsfr/') ? dsfrDist : join(root, 'dist');
  const file = normalize(join(base, path.replace(/^\/(dsfr|dist)\//, '/')));
  if (!file.startsWith(base)) return send(403, '', 'text/plain');
  let body;
  try {
    body = readFileSync(file);
  } catch {
    return send(404, '', 'text/plain');
  }
  setTimeout(() => send(200, body, TYPES[extname(file)] ?? 'application/octet-stream'), late ? LATE_MS : 0);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: await findChrome(),
  // The memory part forces garbage collection (window.gc) and reads the exact heap size.
  args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  headless: true,
});
const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'fr-FR' });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};
const ms = (x) => x.toFixed(x < 10 ? 2 : 1);

// ---------------------------------------------------------------- render time
pages.set(
  '/render.html',
  `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <link rel="stylesheet" href="/dsfr/core/core.min.css">
  <link rel="stylesheet" href="/dsfr/component/connect/connect.min.css">
  <script type="module" src="/dist/cdn/franceconnect-elements.js"></script>
  </head><body><main id="stage"></main></body></html>`,
);

/**
 * Builds N of one kind into #stage and waits until they are laid out: for the
 * elements, until every one has rendered (updateComplete). Returns milliseconds.
 * DSFR cases build the DSFR's documented markup the same way (innerHTML-free DOM).
 */
async function renderCase(page, kind, n) {
  return page.evaluate(
    async ([kind, n]) => {
      const stage = document.getElementById('stage');
      stage.replaceChildren();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
      const el = (tag, props = {}, ...children) => {
        const e = document.createElement(tag);
        for (const [k, v] of Object.entries(props)) e.setAttribute(k, v);
        e.append(...children);
        return e;
      };
      const dsfrButton = () =>
        el(
          'div',
          { class: 'fr-connect-group' },
          el(
            'button',
            { class: 'fr-connect' },
            el('span', { class: 'fr-connect__login' }, 'S’identifier avec'),
            el('span', { class: 'fr-connect__brand' }, 'FranceConnect'),
          ),
          el(
            'p',
            {},
            el(
              'a',
              { href: 'https://franceconnect.gouv.fr/', target: '_blank', rel: 'noopener', title: 'Qu’est-ce que FranceConnect ? - nouvelle fenêtre' },
              'Qu’est-ce que FranceConnect ?',
            ),
          ),
        );
      const make = {
        'fc-button': () => el('fc-button', { href: '/auth' }),
        'fc-login-block': () => el('fc-login-block', { href: '/auth' }, el('a', { href: '/inscription' }, 'Créer mon compte')),
        'dsfr button': () => el('button', { class: 'fr-connect' },
          el('span', { class: 'fr-connect__login' }, 'S’identifier avec'),
          el('span', { class: 'fr-connect__brand' }, 'FranceConnect')),
        // The DSFR equivalent of the block: heading, sentence, connect group, "ou" line, other way in.
        'dsfr block': () =>
          el(
            'section',
            {},
            el('h2', { class: 'fr-h5' }, 'Se connecter avec FranceConnect'),
            el('p', { class: 'fr-text--sm' }, 'FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.'),
            dsfrButton(),
            el('p', { class: 'fr-hr-or' }, 'ou'),
            el('a', { href: '/inscription' }, 'Créer mon compte'),
          ),
      }[kind];
      const start = performance.now();
      const fragment = document.createDocumentFragment();
      const made = [];
      for (let i = 0; i < n; i += 1) made.push(fragment.appendChild(make()));
      stage.append(fragment);
      if (kind.startsWith('fc-')) await Promise.all(made.map((m) => m.updateComplete));
      void stage.offsetHeight; // style and layout, as the first paint needs them
      return performance.now() - start;
    },
    [kind, n],
  );
}

async function renderTimes() {
  const page = await context.newPage();
  await page.goto(`${origin}/render.html`);
  await page.waitForFunction(() => customElements.get('fc-login-block') && customElements.get('fc-button'));
  const kinds = ['fc-button', 'dsfr button', 'fc-login-block', 'dsfr block'];
  const sizes = [1, 100, 1000];
  const samples = {};
  // Warm-up, then RUNS rounds; inside a round every case runs once, in a shuffled order.
  for (const kind of kinds) for (const n of sizes) await renderCase(page, kind, n);
  for (let run = 0; run < RUNS; run += 1) {
    const cases = kinds.flatMap((kind) => sizes.map((n) => [kind, n]));
    cases.sort(() => Math.random() - 0.5);
    for (const [kind, n] of cases) {
      (samples[`${kind} × ${n}`] ??= []).push(await renderCase(page, kind, n));
    }
  }
  await page.close();
  const rows = [];
  for (const n of sizes) {
    for (const kind of kinds) {
      const xs = samples[`${kind} × ${n}`];
      rows.push({ kind, n, median: median(xs), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9), runs: xs.length });
    }
  }
  return rows;
}

// ---------------------------------------------------------------- evaluation to first paint
pages.set(
  '/first-paint.html',
  `<!doctype html><html lang="fr"><head><meta charset="utf-8">
  <script type="module">
    import '/dist/cdn/franceconnect-elements.js';
    window.evaluated = performance.now();
  </script>
  </head><body style="margin:16px;font-family:arial"><fc-login-block href="/auth"></fc-login-block></body></html>`,
);

/** Module evaluated → first contentful paint; the block is the page's only content. */
async function firstPaint() {
  const xs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const page = await context.newPage();
    await page.goto(`${origin}/first-paint.html`);
    const t = await page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list, observer) => {
            const fcp = list.getEntries().find((e) => e.name === 'first-contentful-paint');
            if (fcp) {
              observer.disconnect();
              resolve({ evaluated: window.evaluated, fcp: fcp.startTime });
            }
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    xs.push(t.fcp - t.evaluated);
    await page.close();
  }
  return { median: median(xs), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9), runs: xs.length };
}

// ---------------------------------------------------------------- layout shift
const LAYOUT_BODY = `
  <h1>Se connecter</h1>
  <p>Vous avez déjà un compte : <fc-button href="/auth"></fc-button> ou plus bas.</p>
  <fc-login-block href="/auth">
    <form action="/session"><label>Adresse électronique <input type="email"></label> <button>Se connecter</button></form>
  </fc-login-block>
  <p>Besoin d’aide ? Contactez le service.</p>
  <footer>Pied de page</footer>`;

const layoutCases = {
  'no advice': { head: `<script type="module" src="/late/dist/cdn/franceconnect-elements.js"></script>`, body: '' },
  'reserve.css, button only': {
    head: `<link rel="stylesheet" href="/dist/reserve.css"><script type="module" src="/late/dist/cdn/franceconnect-elements.js"></script>`,
    body: '',
    buttonOnly: true,
  },
  'reserve.css + blocking="render"': {
    head: `<link rel="stylesheet" href="/dist/reserve.css"><script type="module" blocking="render" src="/late/dist/cdn/franceconnect-elements.js"></script>`,
    body: '',
  },
  'reserve.css + data-fc-wait': {
    head: `<link rel="stylesheet" href="/dist/reserve.css"><script type="module" src="/late/dist/cdn/franceconnect-elements.js"></script>`,
    body: ' data-fc-wait',
  },
};
for (const [name, c] of Object.entries(layoutCases)) {
  const body = c.buttonOnly
    ? `<h1>Se connecter</h1><p>Vous avez déjà un compte : <fc-button href="/auth"></fc-button> ou plus bas.</p><p>Besoin d’aide ?</p>`
    : LAYOUT_BODY;
  pages.set(
    `/layout-${encodeURIComponent(name)}.html`,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <script>
      window.shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    </script>${c.head}</head><body${c.body} style="margin:16px;max-width:480px;font-family:arial">${body}</body></html>`,
  );
}

async function layoutShift() {
  const rows = [];
  for (const name of Object.keys(layoutCases)) {
    const xs = [];
    for (let run = 0; run < 5; run += 1) {
      const page = await context.newPage();
      await page.goto(`${origin}/layout-${encodeURIComponent(name)}.html`);
      await page.waitForFunction(() => customElements.get('fc-login-block'));
      // Two frames after the upgrade, then read what the observer saw.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 100)))));
      xs.push(await page.evaluate(() => window.shift));
      await page.close();
    }
    rows.push({ advice: name, cls: Math.max(...xs), runs: xs.length });
  }
  return rows;
}

// ---------------------------------------------------------------- memory
async function memory() {
  const page = await context.newPage();
  await page.goto(`${origin}/render.html`);
  // The CDN file loads fc-account and fc-profile-form from its second file once the page
  // shows one (src/cdn.ts): loaded here first, so that no cycle measures that load.
  await page.addScriptTag({ type: 'module', url: '/dist/cdn/franceconnect-elements-account.js' });
  await page.waitForFunction(() => customElements.get('fc-profile-form'));
  const rows = [];
  // A plain <div> first: the heap's own noise over the same number of cycles.
  for (const kind of ['div', 'fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account']) {
    const result = await page.evaluate(async (kind) => {
      const stage = document.getElementById('stage');
      const identity = { given_name: 'Angela Claire Louise', family_name: 'DUBOIS', birthdate: '1962-08-24', gender: 'female', birthplace: '75107', birthcountry: '99100', email: 'angela@exemple.fr' };
      const cycle = async () => {
        const e = document.createElement(kind);
        if (kind === 'fc-profile-form' || kind === 'fc-account') e.identity = identity;
        // Both links, or each instance warns (and the console would keep every one alive).
        if (kind === 'fc-account') Object.assign(e, { profileHref: '/profil', logoutHref: '/logout' });
        if (kind === 'fc-login-block') e.append(Object.assign(document.createElement('a'), { href: '/inscription', textContent: 'Créer mon compte' }));
        stage.append(e);
        await e.updateComplete; // undefined for the <div>: one microtask, as for the others
        e.remove();
      };
      const heap = async () => {
        for (let i = 0; i < 3; i += 1) {
          window.gc();
          await new Promise((r) => setTimeout(r, 50));
        }
        return performance.memory.usedJSHeapSize;
      };
      for (let i = 0; i < 2000; i += 1) await cycle(); // warm-up: caches, compiled code, templates
      const before = await heap();
      for (let i = 0; i < 10000; i += 1) await cycle();
      const after = await heap();
      // For scale: what one live instance weighs, from 1,000 attached at once.
      const live = [];
      for (let i = 0; i < 1000; i += 1) {
        const e = document.createElement(kind);
        if (kind === 'fc-profile-form' || kind === 'fc-account') e.identity = identity;
        if (kind === 'fc-account') Object.assign(e, { profileHref: '/profil', logoutHref: '/logout' });
        live.push(stage.appendChild(e));
      }
      await Promise.all(live.map((e) => e.updateComplete));
      const withLive = await heap();
      stage.replaceChildren();
      return { before, after, perInstance: (withLive - after) / 1000 };
    }, kind);
    // Instances still alive once the stage is empty again: any leak shows here.
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { result: proto } = await cdp.send('Runtime.evaluate', {
      expression: kind === 'div' ? 'HTMLDivElement.prototype' : `customElements.get('${kind}').prototype`,
    });
    const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
    const { result: alive } = await cdp.send('Runtime.callFunctionOn', {
      objectId: objects.objectId,
      functionDeclaration: 'function () { return this.length; }',
      returnByValue: true,
    });
    await cdp.detach();
    rows.push({
      kind,
      cycles: 10000,
      before: result.before,
      after: result.after,
      growth: result.after - result.before,
      alive: alive.value,
      perInstance: result.perInstance,
    });
  }
  await page.close();
  return rows;
}

// ---------------------------------------------------------------- phone profile
// A throttled phone: CPU × 4, 150 ms round trip, 1.6 Mbit/s down, a cold cache (a new
// browser context per load), the cases interleaved in a shuffled order, each also with
// JavaScript off. Printed side by side: first contentful paint, the time the button is
// painted at its final size, the time it can be activated, CLS and JS heap.
const PHONE_RUNS = Number(process.env.BENCH_PHONE_RUNS ?? RUNS);
const PHONE_LOGIN_FORM = `<form action="/session" method="post"><label>Adresse électronique <input type="email" name="email"></label> <label>Mot de passe <input type="password" name="password"></label> <button>Se connecter</button></form>`;
const phoneBody = (block) => `<h1>Se connecter</h1>${block}<p>Besoin d’aide ? Contactez le service.</p>`;
const dsfrBlock = `<div class="fr-connect-group"><h2>Se connecter avec FranceConnect</h2>
  <p>FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.</p>
  <form action="/auth"><button class="fr-connect"><span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">FranceConnect</span></button></form>
  <p><a href="https://franceconnect.gouv.fr/" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect ? - nouvelle fenêtre">Qu’est-ce que FranceConnect ?</a></p></div>
  <p class="fr-hr-or">ou</p>${PHONE_LOGIN_FORM}`;
const clientBlock = `<fc-login-block href="/auth">${PHONE_LOGIN_FORM}</fc-login-block>`;
// The server render, by the package's own command, as a back end would at build time.
const serverBlock = execFileSync(process.execPath, [join(root, 'bin/franceconnect-elements.mjs'), 'render'], { input: clientBlock, encoding: 'utf8' });
const phoneHead = '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">';
const phoneCases = {
  'client-rendered block, README advice': {
    head: `<link rel="stylesheet" href="/dist/reserve.css"><script type="module" blocking="render" src="/dist/cdn/franceconnect-elements.js"></script>`,
    body: ` data-fc-wait`,
    content: phoneBody(clientBlock),
  },
  // A server-rendered page loads the CDN file that hydrates.
  'server-rendered block': {
    head: `<script type="module" src="/dist/cdn/franceconnect-elements-hydrate.js"></script>`,
    body: '',
    content: phoneBody(serverBlock),
  },
  'DSFR core + connect, DSFR markup': {
    head: `<link rel="stylesheet" href="/dsfr/core/core.min.css"><link rel="stylesheet" href="/dsfr/component/connect/connect.min.css">`,
    body: '',
    content: phoneBody(dsfrBlock),
    dsfr: true,
  },
};
for (const [name, c] of Object.entries(phoneCases)) {
  pages.set(
    `/phone-${encodeURIComponent(name)}.html`,
    `<!doctype html><html lang="fr"><head>${phoneHead}${c.head}</head><body${c.body} style="margin:16px;font-family:arial">${c.content}</body></html>`,
  );
}

/**
 * Runs in the page from its first script (JavaScript on): the first frame where the
 * FranceConnect button is visible at its final size, and the first where it also
 * responds (the module ran, or it is a plain link or form button).
 */
const PHONE_PROBE = `(() => {
  const find = () => {
    const block = document.querySelector('fc-login-block');
    return block?.shadowRoot?.querySelector('fc-button')?.shadowRoot?.querySelector('.button') ?? document.querySelector('.fr-connect');
  };
  // painted: the last frame where the button's box or visibility changed (so, from then
  // on, it is drawn as it ends); active: the first frame where it is visible and answers
  // (the module ran; or the server render's no-JavaScript link; or the DSFR's form button).
  window.__phone = {};
  let last = '';
  const tick = () => {
    const b = find();
    if (b) {
      const r = b.getBoundingClientRect();
      const visible = getComputedStyle(b).visibility === 'visible' && r.height > 0;
      const key = [visible, r.width, r.height].join();
      if (key !== last) {
        last = key;
        window.__phone.painted = visible ? performance.now() : undefined;
      }
      const responds = customElements.get('fc-button') || b.classList.contains('fr-connect') || b.parentNode?.querySelector('.nojs');
      if (visible && responds && window.__phone.active === undefined) window.__phone.active = performance.now();
    }
    if (performance.now() < 8000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function phoneLoad(name, javaScript) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'fr-FR', javaScriptEnabled: javaScript });
  try {
    const page = await ctx.newPage();
    if (javaScript) await page.addInitScript(PHONE_PROBE);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    // Layout shifts through the DevTools protocol: recorded with the page's JavaScript off too.
    let cls = 0;
    cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
      const shift = event.layoutShiftDetails;
      if (shift && !shift.hadRecentInput) cls += shift.value;
    });
    await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
    await page.goto(`${origin}/phone-${encodeURIComponent(name)}.html`, { waitUntil: 'load' });
    // Long enough for reserve.css's 3 s safety net, and for the module to run.
    await page.waitForTimeout(javaScript ? 1500 : 3500);
    // Synchronous, evaluated through the DevTools protocol: works with JavaScript off.
    const seen = await page.evaluate(() => {
      const block = document.querySelector('fc-login-block');
      const b = block?.shadowRoot?.querySelector('fc-button')?.shadowRoot?.querySelector('.button') ?? document.querySelector('.fr-connect');
      const r = b?.getBoundingClientRect();
      const shownNow = !!b && getComputedStyle(b).visibility === 'visible' && r.height > 0;
      window.__box = r && [r.width, r.height];
      return {
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        shownNow,
        respondsNow: shownNow && (b.classList.contains('fr-connect') || !!b.parentNode?.querySelector('.nojs') || !!customElements.get('fc-button')),
        probe: window.__phone ?? null,
        box: window.__box,
        heap: performance.memory?.usedJSHeapSize ?? null,
        loginForm: getComputedStyle(document.querySelector('input[type=password]')).visibility === 'visible',
      };
    });
    const { fcp, probe } = seen;
    return {
      fcp,
      // With JavaScript off no probe ran: the button is final at the first paint when it
      // is there and visible now and nothing moved.
      // A frame's callbacks run before its paint: never earlier than the first paint.
      painted: probe ? (probe.painted == null ? null : Math.max(probe.painted, fcp)) : seen.shownNow && cls < 0.001 ? fcp : null,
      active: probe ? (probe.active == null ? null : Math.max(probe.active, fcp)) : seen.respondsNow && cls < 0.001 ? fcp : null,
      box: seen.box,
      cls,
      heap: seen.heap,
      loginForm: seen.loginForm,
    };
  } finally {
    await ctx.close();
  }
}

async function phoneProfile() {
  const keys = Object.keys(phoneCases).flatMap((name) => [
    [name, true],
    [name, false],
  ]);
  const samples = new Map(keys.map((k) => [k.join('|'), []]));
  for (let run = 0; run < PHONE_RUNS; run += 1) {
    // Interleaved, in a new shuffled order each run: drift on the machine hits every case alike.
    const order = [...keys].sort(() => Math.random() - 0.5);
    for (const [name, js] of order) samples.get(`${name}|${js}`).push(await phoneLoad(name, js));
  }
  const stat = (xs) => (xs.some((x) => x === null) ? null : { median: median(xs), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) });
  return keys.map(([name, js]) => {
    const xs = samples.get(`${name}|${js}`);
    return {
      page: name,
      javaScript: js,
      runs: xs.length,
      fcp: stat(xs.map((x) => x.fcp)),
      painted: stat(xs.map((x) => x.painted)),
      active: stat(xs.map((x) => x.active)),
      cls: Math.max(...xs.map((x) => x.cls)),
      heap: median(xs.map((x) => x.heap ?? 0)),
      loginFormShown: xs.every((x) => x.loginForm),
    };
  });
}

function phoneTable(rows) {
  const cell = (s) => (s ? `${Math.round(s.median)} (${Math.round(s.p10)}–${Math.round(s.p90)})` : 'never');
  return [
    '| page | JavaScript | first paint | button painted, final size | button can be activated | CLS | JS heap | password form shown |',
    '|---|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.page} | ${r.javaScript ? 'on' : 'off'} | ${cell(r.fcp)} | ${cell(r.painted)} | ${cell(r.active)} | ${r.cls.toFixed(4)} | ${(r.heap / 1024 / 1024).toFixed(1)} MB | ${r.loginFormShown ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}

// ---------------------------------------------------------------- run
// BENCH_ONLY=phone runs the phone profile alone (the other parts take minutes).
const only = process.env.BENCH_ONLY;
const weights = await measureWeights();
const render = only === 'phone' ? [] : await renderTimes();
const paint = only === 'phone' ? null : await firstPaint();
const layout = only === 'phone' ? [] : await layoutShift();
const heap = only === 'phone' ? [] : await memory();
const phone = await phoneProfile();
// The React and Vue entry points, and the example apps (built and served: a minute or two).
const frameworks = only === 'phone' ? null : { entries: await measureEntryWeights(), apps: await measureAppWeights(browser) };
const version = browser.version();
await browser.close();
server.close();

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${os.type()}, Node ${process.version}, Chromium ${version} (headless)`,
  runs: RUNS,
  weights,
  render,
  firstPaint: paint,
  layoutShift: layout,
  memory: heap,
  phone,
  frameworks,
};
mkdirSync(join(root, 'bench'), { recursive: true });
writeFileSync(join(root, only === 'phone' ? 'bench/phone.json' : 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nPhone profile: CPU × 4, 150 ms round trip, 1.6 Mbit/s, cold cache, ${PHONE_RUNS} interleaved loads each, ms: median (10th–90th percentile)\n`);
console.log(phoneTable(phone));
if (only === 'phone') {
  console.log('\nWritten: bench/phone.json');
  process.exit(0);
}
const renderLines = ['| N | fc-button | DSFR .fr-connect | ratio | fc-login-block | DSFR block markup | ratio |', '|---:|---:|---:|---:|---:|---:|---:|'];
for (const n of [1, 100, 1000]) {
  const r = (kind) => render.find((x) => x.kind === kind && x.n === n);
  const cell = (x) => `${ms(x.median)} (${ms(x.p10)}–${ms(x.p90)})`;
  renderLines.push(
    `| ${n} | ${cell(r('fc-button'))} | ${cell(r('dsfr button'))} | ${(r('fc-button').median / r('dsfr button').median).toFixed(1)} | ${cell(r('fc-login-block'))} | ${cell(r('dsfr block'))} | ${(r('fc-login-block').median / r('dsfr block').median).toFixed(1)} |`,
  );
}
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`franceconnect-elements bench, ${results.date}\n${results.machine}\n`);
console.log('Weight (bytes)\n');
console.log(weightTable(weights));
console.log(`\nRender time, ms: median (10th–90th percentile) of ${RUNS} interleaved runs, create → rendered and laid out\n`);
console.log(renderLines.join('\n'));
console.log(`\nModule evaluated → first paint of a lone <fc-login-block>: ${ms(paint.median)} ms (${ms(paint.p10)}–${ms(paint.p90)}, ${paint.runs} page loads)`);
console.log(`\nLayout shift, module arriving ${LATE_MS} ms late (largest CLS of 5 loads)\n`);
console.log(['| advice | CLS |', '|---|---:|', ...layout.map((l) => `| ${l.advice} | ${l.cls.toFixed(4)} |`)].join('\n'));
console.log('\nMemory: JS heap after forced GC, before and after 10,000 create / attach / render / detach cycles\n');
console.log(
  [
    '| element | before | after | growth | per cycle | one live instance | instances alive after |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...heap.map(
      (h) =>
        `| ${h.kind} | ${kb(h.before)} | ${kb(h.after)} | ${kb(h.growth)} | ${(h.growth / h.cycles).toFixed(1)} B | ${(h.perInstance / 1024).toFixed(1)} KB | ${h.alive} |`,
    ),
  ].join('\n'),
);
console.log('\nThe elements in each framework, bytes gzipped (test/apps/weights.mjs)\n');
console.log(appWeightTable(frameworks.entries, frameworks.apps));
console.log('\nWritten: bench/results.json');
