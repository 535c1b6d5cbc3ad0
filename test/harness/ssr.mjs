// Server rendering's commands (test/ssr.test.ts): the render command run as a back end
// runs it, server-rendered pages written to disk, a visitor whose JavaScript is off.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Server rendering (test/ssr.test.ts): runs the `franceconnect-elements render`
 * command in a child process (Node, as a back end would), writes server-rendered pages
 * under .test-build/ssr/, and opens a page in a browser context with JavaScript
 * disabled, as a visitor whose script never ran.
 */
export function ssrCommands() {
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
