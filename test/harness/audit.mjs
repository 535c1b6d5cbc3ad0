// Page audits: a whole page (an example, a Storybook story, a server-rendered page)
// opened as a visitor would, its console errors, failed requests and axe violations
// collected (test/helpers.ts, auditPage); and `franceconnect-audit` run as a person runs it.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { runAxe } from '../run-axe.js';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Opens a whole page (an example, a Storybook story) in a new tab as a visitor would,
 * and reports its console errors, failed requests and axe violations. Playwright and
 * puppeteer (Firefox over BiDi) offer the same events under the same names.
 */
async function auditInTab(engine, page, tab, payload) {
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
export function auditRecorder() {
  return {
    name: 'fc-audit-recorder',
    transform(context) {
      if (!context.URL.searchParams.has('fc-audit') || !context.response.is('html')) return undefined;
      return { body: context.body.replace(/<head[^>]*>/i, (head) => `${head}<script src="/test/audit-recorder.js"></script>`) };
    },
  };
}

/** The audit commands the tests call through executeServerCommand. */
export function auditCommands(engine) {
  return {
    name: 'fc-audit-commands',
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
      if (command === 'audit-page') {
        const { type } = session.browser;
        if (type === 'webdriver') throw new Error('WebKit audits a page in a frame of the test page (test/helpers.ts, auditPage)');
        const page = session.browser.getPage(session.id);
        const tab = type === 'playwright' ? await page.context().newPage() : await page.browserContext().newPage();
        return auditInTab(engine, page, tab, payload);
      }
      return undefined;
    },
  };
}
