// The page audit of franceconnect-elements, run inside the pages the rehearsal visits:
// the same self-contained module `npx franceconnect-audit` injects (franceconnect-elements/audit/cdn),
// evaluated through the DevTools protocol so that no page's Content-Security-Policy stops it.
// The rehearsal never looks for a FranceConnect or ProConnect button by itself: it asks the audit.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RehearsalError } from './errors.mjs';

/** The widths the page audit is run at, as `franceconnect-audit` does. */
export const WIDTHS = [1280, 320];

let loaded;

/** The audit bundle, its exports made local names a page script can call. */
async function module() {
  loaded ??= (async () => {
    let path;
    try {
      path = fileURLToPath(import.meta.resolve('franceconnect-elements/audit/cdn'));
    } catch {
      throw new RehearsalError('franceconnect-elements is not installed next to franceconnect-rehearse: its page audit is needed (npm install franceconnect-elements).');
    }
    const bundle = await readFile(path, 'utf8').catch(() => {
      throw new RehearsalError(`${path} is missing: build franceconnect-elements first (npm run build).`);
    });
    const exported = /export\s*\{([^}]*)\}\s*;?\s*$/;
    const names = Object.fromEntries(
      (bundle.match(exported)?.[1] ?? '')
        .split(',')
        .map((entry) => entry.trim().split(/\s+as\s+/))
        .filter(([local]) => local)
        .map(([local, name]) => [name ?? local, local]),
    );
    if (!names.auditFranceConnect || !names.findFranceConnectControls) {
      throw new RehearsalError(`${path} does not export auditFranceConnect and findFranceConnectControls: install a franceconnect-elements that has them, or rebuild it.`);
    }
    return `${bundle.replace(exported, '')}\nconst __audit = ${names.auditFranceConnect}, __controls = ${names.findFranceConnectControls};`;
  })();
  return loaded;
}

/** Describes an element as the findings quote it: its tag and what it says. */
const DESCRIBE = `const __describe = (el) => {
  const text = (node) => (node.shadowRoot ? text(node.shadowRoot) : '') + [...node.childNodes].map((c) => (c.nodeType === 3 ? c.textContent : c.nodeType === 1 && !['style', 'script'].includes(c.localName) ? text(c) : '')).join(' ');
  const name = (el.getAttribute('aria-label') || text(el) || el.getAttribute('value') || el.getAttribute('alt') || '').replace(/\\s+/g, ' ').trim().slice(0, 60);
  return '<' + el.localName + '>' + (name ? ' « ' + name + ' »' : '');
};`;

/**
 * The page audit's findings on the page as it is now (rules 1 to 7, 13, 15, 16), each
 * `{ rule, status, message }` and, when the audit names one, the element described.
 */
export async function auditPage(page) {
  const code = await module();
  return page.evaluate(`(async () => {
    ${code}
    ${DESCRIBE}
    const report = await __audit(document);
    return report.findings.map(({ rule, status, message, element, unjudged }) => ({
      rule, status, message, ...(element ? { element: __describe(element) } : {}), ...(unjudged ? { unjudged } : {}),
    }));
  })()`);
}

/**
 * The button of `provider` (`franceconnect` or `proconnect`) on the page, as the page audit
 * finds it (its `findFranceConnectControls`, which knows both brands by every signal a page
 * gives: name, alt, image, logo colours, classes, authorize URL): `{ button, name }`, the
 * element handle of the control a person activates and how the audit names it, or null.
 * A button the audit is sure of first, else a likely one; only the other brand's never,
 * so that a page showing both buttons, in either order, is driven through the right one.
 */
export async function findProviderButton(page, provider = 'franceconnect') {
  const code = await module();
  const handle = await page.evaluateHandle(`(async () => {
    ${code}
    const found = await __controls(document);
    const mine = (c) => (c.provider ?? 'franceconnect') === ${JSON.stringify(provider)};
    const control = found.buttons.find(mine) ?? found.likely.find(mine);
    return control ? [control.element, control.name] : [];
  })()`);
  const button = (await handle.getProperty('0')).asElement();
  const name = await (await handle.getProperty('1')).jsonValue();
  if (!button) {
    await handle.dispose();
    return null;
  }
  return { button, name };
}
