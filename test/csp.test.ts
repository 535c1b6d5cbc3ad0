import { expect } from '@open-wc/testing';
import { auditPage } from './helpers.js';

const POLICY = "default-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

const rendered = `(() => { const b = document.querySelector('fc-login-block');
  return !!b && !!b.shadowRoot && !!b.shadowRoot.querySelector('fc-button')?.shadowRoot?.querySelector('button'); })()`;

describe('a page with a strict CSP and Trusted Types', () => {
  it('the CSP guide (docs/styling-and-csp.md) recommends the policy the test page uses', async () => {
    const guide = await (await fetch('/docs/styling-and-csp.md')).text();
    expect(guide).to.contain(POLICY);
    const page = await (await fetch('/test/pages/csp-trusted-types.html')).text();
    expect(page).to.contain(`content="${POLICY}"`);
  });

  it(`${POLICY}: the elements render and work, no console error`, async () => {
    const { errors, violations, info } = await auditPage<{ button: number[]; locked: number }>({
      url: '/test/pages/csp-trusted-types.html',
      ready: rendered,
      // Trusted Types refuses the injected axe script; the same elements are axe-checked elsewhere.
      axe: false,
      inspect: `(() => {
        const button = document.querySelector('fc-login-block').shadowRoot.querySelector('fc-button').shadowRoot.querySelector('button').getBoundingClientRect();
        return { button: [button.width, button.height],
                 locked: document.querySelector('fc-profile-form').shadowRoot.querySelectorAll('[data-locked]').length };
      })()`,
    });
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info).to.deep.equal({ button: [209, 56], locked: 6 });
  });

  it('without the lit-html policy name, Trusted Types stops the elements (why the CSP guide says so)', async () => {
    const { errors } = await auditPage<null>({
      url: '/test/pages/csp-without-lit-policy.html',
      ready: `new Promise((r) => setTimeout(() => r(true), 300))`,
      axe: false,
      inspect: 'null',
    });
    expect(errors.join('\n')).to.match(/lit-html|Trusted Type/i);
  });
});
