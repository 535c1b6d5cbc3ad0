import { expect } from '@open-wc/testing';
import { auditPage } from './helpers.js';

const audit = <T>(url: string, ready: string, inspect: string) => auditPage<T>({ url, ready, inspect });

// The pages in examples/plain load only dist/cdn/franceconnect-elements.js, with no
// build step: what a person gets by copying one file next to their HTML.
const rendered = `(() => [...document.querySelectorAll('fc-login-block, fc-profile-form')]
  .every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0))()`;

describe('examples/plain, opened as a visitor would', () => {
  // The audit below finds nothing wrong on the example pages: proof that it would.
  it('the page audit sees a missing file, a console error and an axe violation (test/pages/broken.html)', async () => {
    const { errors, violations } = await audit<null>('/test/pages/broken.html', `document.readyState === 'complete'`, 'null');
    expect(errors.some((e) => /^404 .*\/test\/pages\/missing-image\.png$/.test(e)), errors.join('\n')).to.equal(true);
    expect(errors.some((e) => e.includes('une erreur de la page')), errors.join('\n')).to.equal(true);
    expect(violations.some((v) => v.startsWith('image-alt:')), violations.join('\n')).to.equal(true);
  });

  it('login.html: the block, its button and the local form; axe clean; no console error', async () => {
    const { errors, violations, info } = await audit<{ button: number[]; link: string; warnings: number }>(
      '/examples/plain/login.html',
      rendered,
      `(() => {
        const block = document.querySelector('fc-login-block');
        const button = block.shadowRoot.querySelector('fc-button').shadowRoot.querySelector('button').getBoundingClientRect();
        return { button: [button.width, button.height],
                 link: block.shadowRoot.querySelector('.info a').href,
                 warnings: block.complianceWarnings.length };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info).to.deep.equal({ button: [209, 56], link: 'https://franceconnect.gouv.fr/', warnings: 0 });
  });

  it('signup.html: the inscription block and an empty sign-up form', async () => {
    const { errors, violations, info } = await audit<{ heading: string; inputs: number; locked: number }>(
      '/examples/plain/signup.html',
      rendered,
      `(() => {
        const block = document.querySelector('fc-login-block');
        const form = document.querySelector('fc-profile-form');
        return { heading: block.shadowRoot.querySelector('h2').textContent,
                 inputs: form.shadowRoot.querySelectorAll('[data-claim]').length,
                 locked: form.shadowRoot.querySelectorAll('[data-locked]').length };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info).to.deep.equal({ heading: 'Se créer un compte avec FranceConnect', inputs: 8, locked: 0 });
  });

  it('profile.html: the identity from the JSON attribute, six fields locked', async () => {
    const { errors, violations, info } = await audit<{ locked: string[]; data: Record<string, string> }>(
      '/examples/plain/profile.html',
      rendered,
      `(() => {
        const form = document.querySelector('fc-profile-form');
        return { locked: [...form.shadowRoot.querySelectorAll('[data-locked]')].map((e) => e.textContent.trim()),
                 data: Object.fromEntries(new FormData(document.querySelector('form'))) };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info.locked).to.deep.equal(['CLÉMENT', 'Marie Anne', 'Féminin', '12/04/1975', '69123', 'France']);
    expect(info.data.family_name).to.equal('CLÉMENT');
    expect(info.data.birthdate).to.equal('1975-04-12');
    expect(info.data.email).to.equal('marie.clement@example.fr');
  });
});
