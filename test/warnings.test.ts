import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { captureConsole } from './helpers.js';

// Every warning and error carries a stable code and the README section that explains it.

const CODES = ['bad-value', 'unsafe-url', 'insecure-url', 'bad-identity', 'forbidden-content', 'missing-link'];

describe('warnings and errors carry a stable code and a README anchor', () => {
  it('a bad variant: [fc-bad-value] … See README.md#fc-bad-value; a javascript: href: [fc-unsafe-url]', async () => {
    const { warnings, errors } = await captureConsole(async () => {
      const el = await fixture(html`<fc-button variant="big" href="javascript:alert(1)"></fc-button>`);
      (el as HTMLElement).click();
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^<fc-button>: \[fc-bad-value\] unknown variant "big".* See README\.md#fc-bad-value/);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^<fc-button>: \[fc-unsafe-url\] .*See README\.md#fc-unsafe-url/);
  });

  it('the README has a section for every code', async () => {
    const readme = await (await fetch('/README.md')).text();
    for (const code of CODES) expect(readme, code).to.contain(`\n### fc-${code}\n`);
  });
});
