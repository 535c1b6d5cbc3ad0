import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { defaultReporter } from '@web/test-runner';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { findChrome, CHROME_ARGS } from './scripts/find-chrome.mjs';

let executablePath;
try {
  executablePath = await findChrome();
} catch (error) {
  // One sentence that says how to get a browser, not a stack trace.
  console.error(error.message);
  process.exit(1);
}
const updateBaselines = process.argv.includes('--update-visual-baseline');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Commands the tests call through executeServerCommand. */
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
      const page = session.browser.getPage?.(session.id);
      if (!page) return undefined;
      // The accessibility tree as Chromium exposes it to assistive technology
      // (Playwright's ARIA snapshot pierces shadow roots).
      if (command === 'aria-snapshot') {
        return page.locator(payload.selector).first().ariaSnapshot();
      }
      // Which pages and frames exist: proves no pop-up or frame was opened.
      if (command === 'page-count') {
        return page.context().pages().length;
      }
      // Opens a whole page (an example, a Storybook story) in a new tab as a visitor
      // would, and reports its console errors, failed requests and axe violations.
      if (command === 'audit-page') {
        const tab = await page.context().newPage();
        const errors = [];
        tab.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
        tab.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
        tab.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
        });
        try {
          await tab.goto(new URL(payload.url, page.url()).href, { waitUntil: 'load' });
          // A visitor who waits (for reserve.css's 3 s safety net, say) before looking.
          if (payload.wait) await tab.waitForTimeout(payload.wait);
          if (payload.ready) await tab.waitForFunction(payload.ready, null, { timeout: 15000 });
          // A page under Trusted Types refuses the injected axe script: `axe: false` skips it.
          if (payload.axe === false) {
            const info = payload.inspect ? await tab.evaluate(payload.inspect) : null;
            return { errors, violations: [], info };
          }
          await tab.addScriptTag({ path: axePath });
          const violations = await tab.evaluate(async (context) => {
            const target = context ? document.querySelector(context) : document;
            // Storybook's a11y addon may be running axe in the same page: wait for it.
            let result;
            for (let attempt = 0; !result; attempt += 1) {
              try {
                result = await globalThis.axe.run(target);
              } catch (error) {
                if (attempt > 40 || !String(error).includes('already running')) throw error;
                await new Promise((r) => setTimeout(r, 250));
              }
            }
            return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }, payload.context ?? null);
          const info = payload.inspect ? await tab.evaluate(payload.inspect) : null;
          return { errors, violations, info };
        } finally {
          await tab.close();
        }
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
          let after;
          if (payload.click) {
            const pages = context.pages().length;
            const start = tab.url();
            await Promise.all([tab.waitForURL((u) => u.href !== start, { timeout: 10000 }), payload.key ? tab.locator(payload.click).first().press(payload.key) : tab.locator(payload.click).first().click()]);
            await tab.waitForLoadState('load');
            after = { url: tab.url(), pages: context.pages().length - pages, body: (await tab.locator('body').innerText()).trim() };
          }
          return { boxes, styles, texts, after, errors };
        } finally {
          await context.close();
        }
      }
      return undefined;
    },
  };
}

/** Prints the closing line CI reads, `N passed, N failed`, and keeps it in a file. */
function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped += 1;
          else if (test.passed) passed += 1;
          else failed += 1;
        }
        suite.suites.forEach(walk);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load counts as a failure, not as zero tests.
        if (!session.passed && (!session.testResults || session.errors?.length)) failed += 1;
      }
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      mkdirSync('.test-results', { recursive: true });
      writeFileSync('.test-results/summary.txt', `${line}\n`);
      process.on('exit', () => console.log(line));
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, args: CHROME_ARGS, headless: true },
      createBrowserContext: ({ browser }) =>
        browser.newContext({ viewport: { width: 800, height: 600 }, deviceScaleFactor: 1, locale: 'fr-FR' }),
    }),
  ],
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
    }),
    pageCommands(),
    echoRoute(),
    ssrCommands(),
  ],
  reporters: [defaultReporter(), countReporter()],
};
