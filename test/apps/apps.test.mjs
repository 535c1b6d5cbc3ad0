// The example apps (examples/next, examples/nuxt, examples/astro), installed from a
// tarball of this package, built in production mode and served by their own
// production servers on a loopback port; then opened in Chromium as a visitor would,
// with JavaScript off and on. What each test proves is in its name.
//
//   npm run build && npm run test:apps          # every app
//   FC_APPS=nuxt npm run test:apps              # one
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { APPS, ROOT, installAndBuild } from './install.mjs';
import { serve } from './serve.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HREF = '/auth/franceconnect/login';
const LABEL = 'S’identifier avec FranceConnect';
const NAME = 'Marie Anne CLÉMENT';
const chosen = process.env.FC_APPS ? process.env.FC_APPS.split(',') : APPS;
const timings = {};

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  mkdirSync(join(ROOT, '.test-results'), { recursive: true });
  writeFileSync(join(ROOT, '.test-results/apps-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
});

/** A page that records every console error and warning, and every uncaught error. */
async function open(javaScriptEnabled) {
  const context = await browser.newContext({ javaScriptEnabled, locale: 'fr-FR', viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // The FranceConnect button's destination: the test stands in for the app's route.
  await context.route(`**${HREF}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>FC</title>' }));
  return { context, page, problems };
}

/** The elements' state, read in the page (shadow roots included). */
const STATE = () => {
  const block = document.querySelector('fc-login-block');
  const button = block?.shadowRoot?.querySelector('fc-button');
  const inner = button?.shadowRoot?.querySelectorAll('button') ?? [];
  const box = inner[0]?.getBoundingClientRect();
  const fc = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('fc-'));
  return {
    defined: fc.every((el) => customElements.get(el.localName) !== undefined),
    innerButtons: inner.length,
    size: box ? [Math.round(box.width * 100) / 100, Math.round(box.height * 100) / 100] : null,
    // A declarative shadow root the parser did not take (or Lit re-rendered beside)
    // stays as an inert <template> in the light DOM.
    leftoverTemplates: fc.filter((el) => [...el.children].some((c) => c.localName === 'template')).length,
    deferred: fc.filter((el) => el.hasAttribute('defer-hydration')).map((el) => el.localName),
    slottedForm: block ? block.querySelector(':scope > * form, :scope > form') !== null : null,
    separator: block?.shadowRoot?.querySelector('fc-separator') !== null && block?.shadowRoot?.querySelector('fc-separator') !== undefined,
  };
};

/**
 * Opens `path` with the page's scripts held back until `mark` has tagged server-rendered
 * nodes (shadow DOM included) with an attribute: after hydration, a node that still
 * has it was hydrated in place; a rebuilt shadow root would have lost it.
 */
async function gotoMarked(page, url, mark) {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/\.m?js(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(mark, undefined, { polling: 50 });
  release();
  await page.waitForLoadState('load');
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () =>
    (await globalThis.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}

for (const app of chosen) {
  describe(`examples/${app}`, () => {
    let server;
    before(async () => {
      timings[app] = installAndBuild(app);
      console.log(`# ${app}: npm ci ${timings[app].install.toFixed(1)} s, npm run build ${timings[app].build.toFixed(1)} s`);
      server = await serve(app);
    });
    after(() => server?.close());

    it('the server’s HTML of /connexion holds the block, its button and the slotted form, with their declarative shadow roots', async () => {
      const html = await (await fetch(`${server.origin}/connexion`)).text();
      assert.ok(/<fc-login-block\b[^>]*><template shadowroot="open" shadowrootmode="open"/.test(html), 'the block’s shadow root');
      assert.ok(/<fc-button\b[^>]*><template shadowroot="open" shadowrootmode="open"[^>]*>/.test(html), 'its button’s shadow root');
      assert.ok(new RegExp(`<a class="nojs[^"]*" href="${HREF}" aria-label="${LABEL}"`).test(html), 'the link that works without JavaScript');
      assert.ok(/<fc-separator\b/.test(html), 'the "OU" line (the block has another way in)');
      assert.ok(/<input[^>]*type="password"/.test(html), 'the password form');
    });

    it('JavaScript off: the button is 209 × 56, the form is in the block, and the button navigates in the same window', async () => {
      const { context, page } = await open(false);
      try {
        await page.goto(`${server.origin}/connexion`);
        const state = await page.evaluate(STATE).catch(() => null);
        // Playwright's own script runs with the page's JavaScript off: STATE reads the DOM.
        assert.ok(state, 'the page could be read');
        assert.equal(state.defined, false, 'no element is defined: the paint is the server’s alone');
        assert.deepEqual(state.size, [209, 56]);
        assert.equal(state.slottedForm, true);
        assert.equal(state.separator, true);
        const name = page.getByRole('link', { name: LABEL });
        await Promise.all([page.waitForURL(`${server.origin}${HREF}`), name.click()]);
        assert.equal(context.pages().length, 1, 'no new window or tab');
      } finally {
        await context.close();
      }
    });

    it('JavaScript off: /compte shows the person’s name, from the server’s HTML', async () => {
      const html = await (await fetch(`${server.origin}/compte`)).text();
      assert.ok(/<fc-account\b[^>]*><template shadowroot="open" shadowrootmode="open"/.test(html), 'the account’s shadow root');
      const { context, page } = await open(false);
      try {
        await page.goto(`${server.origin}/compte`);
        assert.ok(await page.locator('fc-account').getByText(NAME).first().isVisible(), 'the name is shown');
      } finally {
        await context.close();
      }
    });

    it('JavaScript on: /connexion hydrates in place (no console error or warning, one inner button, nothing left over), no layout shift, fc-activate fires, axe finds nothing', async () => {
      const { context, page, problems } = await open(true);
      try {
        await page.addInitScript(() => {
          globalThis.__shifts = [];
          new PerformanceObserver((list) => globalThis.__shifts.push(...list.getEntries().map((e) => e.value))).observe({
            type: 'layout-shift',
            buffered: true,
          });
        });
        await gotoMarked(page, `${server.origin}/connexion`, () => {
          const inner = document.querySelector('fc-login-block')?.shadowRoot?.querySelector('fc-button')?.shadowRoot?.querySelector('button');
          inner?.setAttribute('data-server', '');
          return inner !== undefined && inner !== null;
        });
        await page.waitForFunction(() => customElements.get('fc-login-block') && customElements.get('fc-button'));
        // The elements' first update, and the framework's hydration, are done by then.
        await page.waitForFunction(() => !document.querySelector('fc-login-block')?.shadowRoot?.querySelector('fc-button[defer-hydration]'));
        await page.waitForTimeout(500);
        const state = await page.evaluate(STATE);
        assert.deepEqual(
          { ...state },
          { defined: true, innerButtons: 1, size: [209, 56], leftoverTemplates: 0, deferred: [], slottedForm: true, separator: true },
        );
        assert.equal(
          await page.evaluate(() =>
            document.querySelector('fc-login-block').shadowRoot.querySelector('fc-button').shadowRoot.querySelector('button').hasAttribute('data-server'),
          ),
          true,
          'the server’s button is the one in the page: hydrated, not rebuilt',
        );
        assert.deepEqual(await page.evaluate(() => globalThis.__shifts), [], 'layout shifts');
        assert.deepEqual(await axe(page), []);
        // The slotted form is the framework's: it still takes input after hydration.
        await page.getByLabel('Adresse électronique').fill('marie@example.fr');
        assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'marie@example.fr');
        const activated = [];
        await page.exposeFunction('fcActivated', (href) => activated.push(href));
        await page.evaluate(() => {
          document.addEventListener('fc-activate', (e) => globalThis.fcActivated(e.detail.href), { once: true });
        });
        await Promise.all([page.waitForURL(`${server.origin}${HREF}`), page.getByRole('button', { name: LABEL }).click()]);
        assert.deepEqual(activated, [`${server.origin}${HREF}`], 'fc-activate, with the absolute URL');
        assert.equal(context.pages().length, 1, 'no new window or tab');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    it('the starter’s page at /, which shows no element, loads none: no element defined, no script of theirs fetched', async () => {
      const { context, page, problems } = await open(true);
      try {
        const scripts = [];
        page.on('response', (response) => {
          if (response.request().resourceType() === 'script') scripts.push(response.text().then((text) => [response.url(), text]));
        });
        await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
        assert.deepEqual(
          await page.evaluate(() => ['fc-button', 'fc-login-block', 'fc-account'].filter((tag) => customElements.get(tag))),
          [],
        );
        const withElements = (await Promise.all(scripts)).filter(([, text]) => text.includes(LABEL)).map(([url]) => url);
        assert.deepEqual(withElements, [], 'scripts that hold the button’s code');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    it('JavaScript on: /compte hydrates <fc-account> in place, with no console error or warning, and axe finds nothing', async () => {
      const { context, page, problems } = await open(true);
      try {
        await gotoMarked(page, `${server.origin}/compte`, () => {
          const name = document.querySelector('fc-account')?.shadowRoot?.querySelector('[part="name"]');
          name?.setAttribute('data-server', '');
          return name !== undefined && name !== null;
        });
        await page.waitForFunction(() => customElements.get('fc-account'));
        await page.waitForTimeout(500);
        const account = await page.evaluate(() => {
          const el = document.querySelector('fc-account');
          return {
            text: el.shadowRoot.textContent,
            templates: [...el.children].filter((c) => c.localName === 'template').length,
            inPlace: el.shadowRoot.querySelector('[part="name"]')?.hasAttribute('data-server'),
          };
        });
        assert.equal(account.inPlace, true, 'the server’s name is the one in the page: hydrated, not rebuilt');
        assert.ok(account.text.includes(NAME), account.text);
        assert.equal(account.templates, 0);
        assert.deepEqual(await axe(page), []);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  });
}
