import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
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

// The README's React and Vue examples (examples/react, examples/vue), bundled against the
// built package by `npm run build:test-pages`, as an application's bundler would.
const blockReady = `(() => { const b = document.querySelector('fc-login-block');
  return !!b?.shadowRoot?.querySelector('fc-button')?.shadowRoot?.querySelector('button'); })()`;
const profileReady = `(() => { const f = document.querySelector('fc-profile-form'), a = document.querySelector('fc-account');
  return !!f?.shadowRoot?.querySelector('[data-locked]') && !!a?.shadowRoot?.querySelector('[part~="name"]'); })()`;

for (const framework of ['react', 'vue']) {
  describe(`examples/${framework}, the README's ${framework === 'react' ? 'React' : 'Vue'} example`, () => {
    it('index.html: the block with its button and info link, the slotted link; activating it reaches the page’s handler; axe clean, no console error', async () => {
      const { errors, violations, info } = await audit<{ button: number[]; link: string; slotted: string; started: string | null }>(
        `/examples/${framework}/index.html`,
        blockReady,
        `(() => {
          const block = document.querySelector('fc-login-block');
          const button = block.shadowRoot.querySelector('fc-button').shadowRoot.querySelector('button').getBoundingClientRect();
          // The page's own handler records the activation; this one keeps the page here.
          block.addEventListener('fc-activate', (event) => event.preventDefault());
          block.click();
          return { button: [button.width, button.height],
                   link: block.shadowRoot.querySelector('.info a').href,
                   slotted: block.querySelector('a').textContent,
                   started: window.sessionStorage.getItem('fc-login-started') };
        })()`,
      );
      expect(errors).to.deep.equal([]);
      expect(violations).to.deep.equal([]);
      expect(info.button).to.deep.equal([209, 56]);
      expect(info.link).to.equal('https://franceconnect.gouv.fr/');
      expect(info.slotted).to.equal('Créer mon compte');
      expect(new URL(info.started!).pathname).to.equal('/auth/franceconnect/login');
    });

    it('profile.html: the name in the header, the six pivot fields locked, Email editable', async () => {
      const { errors, violations, info } = await audit<{ name: string; locked: string[]; email: string }>(
        `/examples/${framework}/profile.html`,
        profileReady,
        `(() => {
          const form = document.querySelector('fc-profile-form');
          return { name: document.querySelector('fc-account').shadowRoot.querySelector('[part~="name"]').textContent.trim(),
                   locked: [...form.shadowRoot.querySelectorAll('[data-locked]')].map((e) => e.textContent.trim()),
                   email: form.shadowRoot.querySelector('input[type="email"]').value };
        })()`,
      );
      expect(errors).to.deep.equal([]);
      expect(violations).to.deep.equal([]);
      expect(info).to.deep.equal({
        name: 'Marie Anne CLÉMENT',
        locked: ['CLÉMENT', 'Marie Anne', 'Féminin', '12/04/1975', '69123', 'France'],
        email: 'marie.clement@example.fr',
      });
    });
  });
}

// The other pages the guides copy their code from.
describe('the pages the guides show', () => {
  it('test/pages/profile-form.html (docs/elements.md): identity and placeName set from a script; the form submits the claims', async () => {
    const { errors, violations, info } = await audit<{ locked: string[]; data: Record<string, string> }>(
      '/test/pages/profile-form.html',
      `(() => !!document.querySelector('fc-profile-form')?.shadowRoot?.querySelector('[data-locked]'))()`,
      `(() => {
        const form = document.querySelector('fc-profile-form');
        return { locked: [...form.shadowRoot.querySelectorAll('[data-locked]')].map((e) => e.textContent.trim()),
                 data: Object.fromEntries(new FormData(document.querySelector('form'))) };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info.locked).to.deep.equal(['CLÉMENT', 'Marie Anne', 'Féminin', '12/04/1975', 'Lyon', 'France']);
    // What docs/elements.md says the form sends.
    expect(info.data).to.deep.equal({
      family_name: 'CLÉMENT', given_name: 'Marie Anne', birthdate: '1975-04-12', gender: 'female',
      birthplace: '69123', birthcountry: '99100', preferred_username: '', email: 'marie.clement@example.fr',
    });
  });

  it('test/pages/layout-shift.html (docs/performance.md): reserve.css, blocking="render" and data-fc-wait; the page is shown once the block is defined', async () => {
    const { errors, violations, info } = await audit<{ visibility: string; button: number[] }>(
      '/test/pages/layout-shift.html',
      `(() => !!document.querySelector('fc-login-block')?.shadowRoot?.querySelector('fc-button'))()`,
      `(() => {
        const button = document.querySelector('main > fc-button').shadowRoot.querySelector('button').getBoundingClientRect();
        return { visibility: getComputedStyle(document.body).visibility, button: [button.width, button.height] };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info).to.deep.equal({ visibility: 'visible', button: [209, 56] });
  });

  it('examples/audit/index.html (docs/audit.md): the page audits itself with the one-file audit and finds nothing failing', async () => {
    const { errors, violations, info } = await audit<{ audited: string; findings: string[] }>(
      '/examples/audit/index.html',
      `document.body.dataset.audited !== undefined`,
      `(() => ({ audited: document.body.dataset.audited,
                 findings: [...document.querySelectorAll('#findings li')].map((li) => li.textContent) }))()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    expect(info.audited, info.findings.join('\n')).to.equal('ok');
    expect(info.findings.some((f) => f.startsWith('règle 2 (pass)')), info.findings.join('\n')).to.equal(true);
  });

  it('examples/django (docs/server-rendering.md): the fragment, rendered by the command and included as Django would, keeps its template tags and hydrates without an error', async () => {
    const read = (path: string) => executeServerCommand<string | null, { path: string }>('fc-source', { path });
    const fragment = await read('examples/django/franceconnect_login.source.html');
    const rendered = await executeServerCommand<{ code: number; stdout: string; stderr: string }, object>('ssr-cli', { args: ['render'], stdin: fragment });
    expect(rendered.code, rendered.stderr).to.equal(0);
    // What Django makes of templates/login.html: {% static %} is the file's URL, and
    // {% include %} the rendered fragment.
    const template = (await read('examples/django/templates/login.html'))!
      .replace(/\{% static '([^']+)' %\}/, '/dist/cdn/$1')
      .replace(/\{% include "partials\/franceconnect_login.html" %\}/, () => rendered.stdout);
    const page = await executeServerCommand<{ url?: string; error?: string }, object>('ssr-page', {
      name: 'examples-django',
      raw: true,
      head: template.match(/<script [^>]*><\/script>/)![0],
      markup: template.match(/<body>([\s\S]*)<\/body>/)![1],
    });
    expect(page.error).to.equal(undefined);
    const { errors, violations, info } = await audit<{ csrf: boolean; buttons: number }>(
      page.url!,
      `(() => { const b = document.querySelector('fc-login-block'); return !!b && b.matches(':defined') && !b.hasAttribute('defer-hydration'); })()`,
      `(() => {
        const block = document.querySelector('fc-login-block');
        return { csrf: block.querySelector('form').textContent.includes('{% csrf_token %}'),
                 buttons: block.shadowRoot.querySelector('fc-button').shadowRoot.querySelectorAll('button').length };
      })()`,
    );
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    // One inner button: hydrated in place, not drawn a second time.
    expect(info).to.deep.equal({ csrf: true, buttons: 1 });
  });

  it('examples/ssr/render.mjs (docs/server-rendering.md): run with Node, it prints the block with its declarative shadow root', async () => {
    const { code, stdout, stderr } = await executeServerCommand<{ code: number; stdout: string; stderr: string }, { path: string }>('fc-node-example', {
      path: 'examples/ssr/render.mjs',
    });
    expect(code, stderr).to.equal(0);
    expect(stdout).to.match(/^(<!--[^>]*-->)?<fc-login-block [^>]*href="\/auth\/franceconnect\/login"[^>]*><template shadowroot="open" shadowrootmode="open">/);
  });
});
