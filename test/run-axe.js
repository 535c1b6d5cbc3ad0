/**
 * Runs axe on `context` (a selector, or null for the whole document) in the page whose
 * window is `win`, and returns its violations as "rule: targets" lines. That page must
 * have axe loaded. Storybook's a11y addon may be running axe in the same page: this
 * waits for it.
 *
 * Used by both kinds of page audit: web-test-runner.config.mjs sends it to a Chromium or
 * Firefox tab (so it is self-contained, and `win` is the tab's own window), and
 * test/helpers.ts calls it on a frame's window in WebKit.
 */
export async function runAxe(context, win = globalThis) {
  const target = context ? win.document.querySelector(context) : win.document;
  let result;
  for (let attempt = 0; !result; attempt += 1) {
    try {
      result = await win.axe.run(target);
    } catch (error) {
      if (attempt > 40 || !String(error).includes('already running')) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
