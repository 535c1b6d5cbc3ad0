import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { defaultReporter } from '@web/test-runner';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { CHROME_ARGS } from './scripts/find-chrome.mjs';
import { ENGINES, findEngine, startWebKitDriver } from './scripts/engines.mjs';
import { guardBaselines, webdriverElementScreenshot } from './scripts/screenshots.mjs';
import { runAxe } from './test/run-axe.js';

// One engine per run: `npm test` runs chromium, firefox and webkit one after the other
// (scripts/test-engines.mjs); `FC_ENGINE=firefox npx web-test-runner test/x.test.ts`
// runs one file in one engine.
const engine = process.env.FC_ENGINE || 'chromium';
if (!ENGINES.includes(engine)) {
  console.error(`FC_ENGINE is "${engine}": use one of ${ENGINES.join(', ')}.`);
  process.exit(1);
}
let found;
try {
  found = await findEngine(engine);
} catch (error) {
  // One sentence that says how to get the browser, not a stack trace.
  console.error(error.message);
  process.exit(1);
}
const updateBaselines = process.argv.includes('--update-visual-baseline');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const VIEWPORT = { width: 800, height: 600 };

/** The browser launcher of `engine`, and how many test files it runs at once. */
async function launcher() {
  if (engine === 'chromium') {
    const browser = playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: found.executablePath, args: CHROME_ARGS, headless: true },
      createBrowserContext: ({ browser: b }) =>
        b.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' }),
    });
    return { browser, concurrency: 2 };
  }
  if (engine === 'firefox') {
    const browser = chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: found.executablePath,
        headless: true,
        defaultViewport: VIEWPORT,
        extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR', 'intl.locale.requested': 'fr-FR' },
      },
      // One browser context per test file: its pages (pop-ups included) are its own.
      createPage: async ({ browser: b }) => {
        const page = await (await b.createBrowserContext()).newPage();
        await page.setViewport(VIEWPORT);
        return page;
      },
    });
    browser.name = 'Firefox';
    // One test file at a time: with two, a BiDi session stalled now and then (a whole run
    // hung at 17 of 19 files), while each file alone passes in seconds.
    return { browser, concurrency: 1 };
  }
  const { port } = await startWebKitDriver(found);
  const browser = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // --enable-tabs-to-links: Tab reaches links (buttons always), as in Safari with
      // "Press Tab to highlight each item on a webpage" (Settings > Advanced), how keyboard
      // users browse there. It is WebKitGTK's default; set here so the keyboard tests do
      // not depend on a default. Without it, Safari users reach links with Option-Tab.
      'webkitgtk:browserOptions': { binary: found.browser, args: ['--automation', '--enable-tabs-to-links=true'] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  // Names the baseline folder test/screenshots/WebKit (the label would be "MiniBrowser").
  const initialize = browser.initialize.bind(browser);
  browser.initialize = async (config) => {
    await initialize(config);
    browser.name = 'WebKit';
  };
  // WebKitGTK's element screenshots come back black: the element is cut out of a
  // screenshot of the window instead (scripts/screenshots.mjs).
  browser.takeScreenshot = (sessionId, locator) => webdriverElementScreenshot(browser.driver, locator, setWebDriverViewport);
  // One window, one test file at a time: with more, the WebDriver launcher runs files in
  // iframes of one window, and screenshots and mouse positions would be off.
  return { browser, concurrency: 1 };
}
const { browser, concurrency } = await launcher();

/**
 * WebDriver (WebKit): sizes the window so that the page's viewport is `width` × `height`.
 *
 * The window is also kept under the X pointer. On a display with no window manager
 * (the private Xvfb), the keyboard focus follows the pointer, which Xvfb puts at the centre
 * of the screen and nothing moves (WebDriver's mouse actions are synthesised inside
 * WebKit). A window shrunk from the top-left corner left the pointer outside and lost the
 * focus: the page stopped matching :focus and :focus-visible, as a window in the
 * background does, and every keyboard test after it saw no focus ring. Centred on the
 * pointer, the window keeps the focus, as a person's window does while they resize it.
 */
async function setWebDriverViewport(driver, { width, height }) {
  const [screenWidth, screenHeight] = await driver.execute(() => [screen.width, screen.height]);
  const place = (outerWidth, outerHeight) => [
    Math.max(0, Math.round(screenWidth / 2 - outerWidth / 2)),
    Math.max(0, Math.round(screenHeight / 2 - outerHeight / 2)),
  ];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
    const rect = await driver.getWindowRect();
    const [x, y] = place(rect.width, rect.height);
    if (innerWidth === width && innerHeight === height && rect.x === x && rect.y === y) return true;
    const outerWidth = rect.width + width - innerWidth;
    const outerHeight = rect.height + height - innerHeight;
    await driver.setWindowRect(...place(outerWidth, outerHeight), outerWidth, outerHeight);
  }
  const [innerWidth, innerHeight] = await driver.execute(() => [window.innerWidth, window.innerHeight]);
  return innerWidth === width && innerHeight === height;
}

/**
 * Opens a whole page (an example, a Storybook story) in a new tab as a visitor would,
 * and reports its console errors, failed requests and axe violations. Playwright and
 * puppeteer (Firefox over BiDi) offer the same events under the same names.
 */
async function auditInTab(page, tab, payload) {
  const errors = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  tab.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  tab.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
  });
  try {
    await tab.goto(new URL(payload.url, page.url()).href, { waitUntil: 'load' });
    // A visitor who waits (for reserve.css's 3 s safety net, say) before looking.
    if (payload.wait) await new Promise((r) => setTimeout(r, payload.wait));
    if (payload.ready) {
      const options = { timeout: 15000 };
      if (engine === 'chromium') await tab.waitForFunction(payload.ready, null, options);
      else await tab.waitForFunction(payload.ready, options);
    }
    // A page under Trusted Types refuses the injected axe script: `axe: false` skips it.
    if (payload.axe === false) {
      const info = payload.inspect ? await tab.evaluate(payload.inspect) : null;
      return { errors, violations: [], info };
    }
    await tab.addScriptTag({ path: axePath });
    const violations = await tab.evaluate(runAxe, payload.context ?? null);
    const info = payload.inspect ? await tab.evaluate(payload.inspect) : null;
    return { errors, violations, info };
  } finally {
    await tab.close();
  }
}

/**
 * WebKit page audits (test/helpers.ts, auditPage) open the page in a frame, where
 * WebDriver classic reports no console event: a page requested with `?fc-audit` gets,
 * first thing in its <head>, test/audit-recorder.js, which records console errors and
 * uncaught errors for the audit to read.
 */
function auditRecorder() {
  return {
    name: 'fc-audit-recorder',
    transform(context) {
      if (!context.URL.searchParams.has('fc-audit') || !context.response.is('html')) return undefined;
      return { body: context.body.replace(/<head[^>]*>/i, (head) => `${head}<script src="/test/audit-recorder.js"></script>`) };
    },
  };
}

/** Commands the tests call through executeServerCommand, one implementation per driver. */
function pageCommands() {
  return {
    name: 'fc-page-commands',
    async executeCommand({ command, payload, session }) {
      // Runs `franceconnect-audit <url>` as a person would, in a child process.
      if (command === 'run-audit-command') {
        const args = ['bin/franceconnect-audit.mjs', payload.url, ...(payload.json ? ['--json'] : [])];
        return new Promise((resolve) => {
          execFile(process.execPath, args, { timeout: 80000 }, (error, stdout, stderr) =>
            resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
          );
        });
      }
      // Which engine runs the test: lets a test name what it cannot check there.
      if (command === 'fc-engine') return engine;
      const { type } = session.browser;
      const driver = type === 'webdriver' ? session.browser.driver : undefined;
      const page = type === 'webdriver' ? undefined : session.browser.getPage(session.id);
      // Which pages (tabs, pop-ups) this test file's browser context has.
      if (command === 'page-count') {
        if (type === 'playwright') return page.context().pages().length;
        if (type === 'puppeteer') return (await page.browserContext().pages()).length;
        return (await driver.getWindowHandles()).length;
      }
      // Resizes the viewport (CSS px); true when the page now has that size.
      if (command === 'fc-viewport') {
        if (type === 'playwright') await page.setViewportSize(payload);
        else if (type === 'puppeteer') await page.setViewport(payload);
        else return setWebDriverViewport(driver, payload);
        return true;
      }
      // Presses Control+C, the copy shortcut on Linux, as a user does: a keyboard chord,
      // which the runner's sendKeys cannot send over WebDriver classic (press/type only).
      if (command === 'fc-copy-shortcut') {
        if (type === 'playwright') await page.keyboard.press('Control+c');
        else if (type === 'puppeteer') {
          await page.keyboard.down('Control');
          await page.keyboard.press('c');
          await page.keyboard.up('Control');
        } else {
          const control = '\uE009';
          await driver.performActions([
            {
              type: 'key',
              id: 'fc-keyboard',
              actions: [
                { type: 'keyDown', value: control },
                { type: 'keyDown', value: 'c' },
                { type: 'keyUp', value: 'c' },
                { type: 'keyUp', value: control },
              ],
            },
          ]);
          await driver.releaseActions();
        }
        return true;
      }
      // Emulates prefers-color-scheme / forced-colors. Only Chromium's CDP can: WebDriver
      // BiDi (Firefox) and WebDriver classic (WebKit) have no such command. Answers
      // whether the emulation happened, so a test can say what it could not check.
      if (command === 'fc-media') {
        if (type !== 'playwright') return false;
        await page.emulateMedia(payload);
        return true;
      }
      if (command === 'audit-page') {
        if (type === 'webdriver') throw new Error('WebKit audits a page in a frame of the test page (test/helpers.ts, auditPage)');
        const tab = type === 'playwright' ? await page.context().newPage() : await page.browserContext().newPage();
        return auditInTab(page, tab, payload);
      }
      return undefined;
    },
  };
}

/**
 * A stand-in for a service's route at /test/echo: answers any method with a page that
 * says which method and body it received, so that a test can prove what a real form
 * submission sent (the static server alone answers GET only).
 */
function echoRoute() {
  return {
    name: 'fc-echo-route',
    async serve(context) {
      if (context.path !== '/test/echo') return undefined;
      let body = '';
      for await (const chunk of context.req) body += chunk;
      const text = (value) => value.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
      return {
        type: 'html',
        body: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Écho</title></head><body><p id="method">${text(context.method)}</p><p id="body">${text(body)}</p></body></html>`,
      };
    },
  };
}

/**
 * Server rendering (test/ssr.test.ts): runs the `franceconnect-elements render`
 * command in a child process (Node, as a back end would), writes server-rendered pages
 * under .test-build/ssr/, and opens a page in a browser context with JavaScript
 * disabled, as a visitor whose script never ran.
 */
function ssrCommands() {
  const cli = (args, stdin) =>
    new Promise((resolve) => {
      const child = execFile(process.execPath, ['bin/franceconnect-elements.mjs', ...args], { timeout: 60000 }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
      );
      if (stdin !== undefined) child.stdin.end(stdin);
      else child.stdin.end();
    });
  return {
    name: 'fc-ssr-commands',
    async executeCommand({ command, payload, session }) {
      if (command === 'ssr-cli') return cli(payload.args ?? [], payload.stdin);
      if (command === 'ssr-render-all') {
        return new Promise((resolve, reject) => {
          execFile(process.execPath, ['test/ssr/render-all.mjs'], { timeout: 120000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
            error ? reject(new Error(stderr || String(error))) : resolve({ ...JSON.parse(stdout), stderr }),
          );
        });
      }
      if (command === 'ssr-vue') {
        return new Promise((resolve, reject) => {
          execFile(process.execPath, ['test/ssr/vue-render.mjs'], { timeout: 60000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
            error ? reject(new Error(stderr || String(error))) : resolve(JSON.parse(stdout)),
          );
        });
      }
      if (command === 'ssr-react') {
        return new Promise((resolve, reject) => {
          execFile(process.execPath, ['test/ssr/react-render.mjs', ...(payload.lit ? ['lit'] : [])], { timeout: 60000 }, (error, stdout, stderr) =>
            error ? reject(new Error(stderr || String(error))) : resolve(JSON.parse(stdout)),
          );
        });
      }
      if (command === 'ssr-page') {
        // raw: the markup as a client-rendered page has it (no server render).
        const rendered = payload.raw ? { code: 0, stdout: payload.markup } : await cli(['render'], payload.markup);
        if (rendered.code !== 0) return { error: rendered.stderr };
        mkdirSync('.test-build/ssr', { recursive: true });
        const file = `.test-build/ssr/${payload.name}.html`;
        writeFileSync(
          file,
          `<!doctype html><html lang="fr"${payload.htmlAttributes ?? ''}><head><meta charset="utf-8"><title>${payload.name}</title>${payload.head ?? ''}</head><body${payload.bodyAttributes ?? ''}>${rendered.stdout}${payload.after ?? ''}</body></html>`,
        );
        return { url: `/${file}` };
      }
      if (command === 'nojs-page') {
        const page = session.browser.getPage?.(session.id);
        const context = await page.context().browser().newContext({
          javaScriptEnabled: false,
          viewport: { width: 800, height: 600 },
          deviceScaleFactor: 1,
          colorScheme: payload.colorScheme ?? 'light',
        });
        try {
          const tab = await context.newPage();
          const errors = [];
          tab.on('pageerror', (e) => errors.push(e.message));
          await tab.goto(new URL(payload.url, page.url()).href, { waitUntil: 'load' });
          // A visitor who waits (for reserve.css's 3 s safety net, say) before looking.
          if (payload.wait) await tab.waitForTimeout(payload.wait);
          const boxes = {};
          for (const [key, selector] of Object.entries(payload.boxes ?? {})) {
            boxes[key] = await tab.locator(selector).first().boundingBox();
          }
          const styles = {};
          for (const [key, [selector, property]] of Object.entries(payload.styles ?? {})) {
            styles[key] = await tab.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);
          }
          const texts = {};
          for (const [key, selector] of Object.entries(payload.texts ?? {})) {
            texts[key] = (await tab.locator(selector).first().innerText()).trim();
          }
          // What a keyboard user reaches: the focused element after each Tab, named by
          // tag, first class and id, looking into shadow roots.
          const focus = [];
          for (let i = 0; i < (payload.tabs ?? 0); i += 1) {
            await tab.keyboard.press('Tab');
            focus.push(
              await tab.evaluate(() => {
                let el = document.activeElement;
                while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
                if (!el || el === document.body) return null;
                return `${el.localName}${el.classList[0] ? `.${el.classList[0]}` : ''}${el.id ? `#${el.id}` : ''}`;
              }),
            );
          }
          let after;
          if (payload.click) {
            const pages = context.pages().length;
            const start = tab.url();
            await Promise.all([tab.waitForURL((u) => u.href !== start, { timeout: 10000 }), payload.key ? tab.locator(payload.click).first().press(payload.key) : tab.locator(payload.click).first().click()]);
            await tab.waitForLoadState('load');
            after = { url: tab.url(), pages: context.pages().length - pages, body: (await tab.locator('body').innerText()).trim() };
          }
          return { boxes, styles, texts, focus, after, errors };
        } finally {
          await context.close();
        }
      }
      return undefined;
    },
  };
}

/**
 * Counts this engine's tests into `.test-results/<engine>.txt` (`firefox: N passed, N failed`);
 * scripts/test-engines.mjs adds the engines up into `.test-results/summary.txt`.
 */
function countReporter() {
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [browser],
  plugins: [
    // tsconfig.json: class fields assigned, not defined, so Lit's accessors stay in charge.
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json' }),
    visualRegressionPlugin({
      update: updateBaselines,
      baseDir: 'test/screenshots',
      diffOptions: { threshold: 0.1 },
      // Same machine kind, same fonts: a real change moves far more than 0.5 % of pixels.
      failureThreshold: 0.5,
      failureThresholdType: 'percent',
      // A baseline that is one flat colour (a blank screenshot) is refused.
      ...guardBaselines(updateBaselines),
    }),
    pageCommands(),
    auditRecorder(),
    echoRoute(),
    ssrCommands(),
  ],
  reporters: [defaultReporter(), countReporter()],
};
