import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { auditPage, itIn } from './helpers.js';

type Render = {
  results: { markup: string; html?: string; error?: string }[];
  printed: string[];
  globals: string[];
  concurrent: { bad: string; good: string; consoleRestored: boolean };
};
type Cli = { code: number; stdout: string; stderr: string };
type Box = { x: number; y: number; width: number; height: number };
type NoJs = {
  boxes: Record<string, Box | null>;
  styles: Record<string, string>;
  texts: Record<string, string>;
  focus: (string | null)[];
  after?: { url: string; pages: number; body: string };
  errors: string[];
};

const cli = (args: string[], stdin?: string) => executeServerCommand<Cli, object>('ssr-cli', { args, stdin });

/** A page whose body is the server render of `markup`; its URL. */
async function page(
  name: string,
  markup: string,
  extra: { head?: string; after?: string; htmlAttributes?: string; bodyAttributes?: string; raw?: boolean } = {},
) {
  const result = await executeServerCommand<{ url?: string; error?: string }, object>('ssr-page', { name, markup, ...extra });
  expect(result.error, 'the markup renders').to.equal(undefined);
  return result.url!;
}

const nojs = (payload: object) => executeServerCommand<NoJs, object>('nojs-page', payload);

/** What a server-rendered page loads: the CDN file that hydrates. */
const HYDRATE_CDN = '<script type="module" src="/dist/cdn/franceconnect-elements-hydrate.js"></script>';

describe('server rendering with @lit-labs/ssr (Node)', () => {
  itIn(['chromium'], 'renders every element in every variant × theme × state, with no console output and no DOM global; two renders at once keep their messages apart (runs in Node: once, in the Chromium pass)', async () => {
    const { results, printed, globals, concurrent } = await executeServerCommand<Render, object>('ssr-render-all');
    expect(results.length).to.be.greaterThan(100);
    expect(results.filter((r) => r.error).map((r) => `${r.markup}\n${r.error}`)).to.deep.equal([]);
    expect(printed, 'nothing on the server console').to.deep.equal([]);
    expect(globals, 'no browser global left behind').to.deep.equal([]);
    // Two renders at once: the bad one names its own value only, the good one renders.
    expect(concurrent.good).to.equal('fulfilled');
    expect(concurrent.bad).to.include('unknown theme "bleu"');
    expect(concurrent.consoleRestored).to.equal(true);
    for (const { markup, html } of results) {
      const tag = /<(fc-[a-z-]+)/.exec(markup)![1];
      expect(html, markup).to.match(new RegExp(`<${tag}[^>]*><template shadowroot="open" shadowrootmode="open"`));
    }
    const button = results.find((r) => r.markup.startsWith('<fc-button href="/auth/franceconnect/login" theme="dark" variant="login">'))!;
    expect(button.html).to.include('S’identifier avec');
    expect(button.html).to.include('class="button dark"');
    // A relative href is not reported as invalid on the server, and is kept as written.
    expect(button.html).to.include('href="/auth/franceconnect/login"');
    const block = results.find((r) => r.markup.includes('heading-level="3"'))!;
    expect(block.html).to.match(/<h3 class="heading" part="heading">/);
    expect(block.html, 'the "OU" line for a block with other ways in').to.include('<fc-separator');
    const bare = results.find((r) => r.markup.includes('no-heading'))!;
    expect(bare.html, 'no "OU" line without other ways in').not.to.include('<fc-separator');
    const profile = results.find((r) => r.markup.startsWith('<fc-profile-form theme="light" identity'))!;
    expect(profile.html).to.include('CLÉMENT');
  });
});

describe('npx franceconnect-elements render', () => {
  itIn(['chromium'], 'prints the server render of its argument, and reads stdin too (runs in Node: once, in the Chromium pass)', async () => {
    const markup = '<fc-login-block href="/auth/franceconnect/login"></fc-login-block>';
    const fromArg = await cli(['render', markup]);
    expect(fromArg.code).to.equal(0);
    expect(fromArg.stderr).to.equal('');
    // First a comment that names what hydrates the output: the CDN file for client pages does not.
    expect(fromArg.stdout).to.match(
      /^<!-- franceconnect-elements, rendered on a server: hydrated by franceconnect-elements-hydrate\.js, or with a bundler by import 'franceconnect-elements\/hydrate' before the elements\. --><fc-login-block[^>]*href="\/auth\/franceconnect\/login"[^>]*><template shadowroot="open" shadowrootmode="open">/,
    );
    expect(fromArg.stdout).to.include('<fc-button');
    expect(fromArg.stdout.trim(), 'no marker of the wrapper template left').to.match(/<\/fc-login-block>$/);
    const fromStdin = await cli(['render'], markup);
    expect(fromStdin.code).to.equal(0);
    expect(fromStdin.stdout).to.equal(fromArg.stdout);
  });

  itIn(['chromium'], 'a bad tag, attribute or value: a clear message on stderr, exit code 1, nothing on stdout (runs in Node: once, in the Chromium pass)', async () => {
    const bad = await cli(['render', '<fc-buton></fc-buton><fc-button hreff="/x" theme="bleu" href="javascript:alert(1)"></fc-button>']);
    expect(bad.code).to.equal(1);
    expect(bad.stdout).to.equal('');
    expect(bad.stderr).to.include('<fc-buton> is not an element of franceconnect-elements.');
    expect(bad.stderr).to.include('<fc-button> has no attribute "hreff".');
    expect(bad.stderr).to.include('unknown theme "bleu"');
    expect(bad.stderr).to.include('refused href "javascript:alert(1)"');
    const usage = await cli(['paint']);
    expect(usage.code).to.equal(1);
    expect(usage.stderr).to.include('Usage');
    const empty = await cli(['render'], '  ');
    expect(empty.code).to.equal(1);
    expect(empty.stderr).to.include('No markup');
  });
});

describe('React’s renderToString of the /react wrappers (Node)', () => {
  itIn(['chromium'], 'keeps the attributes and writes each element’s declarative shadow root, with no plugin (runs in Node: once, in the Chromium pass)', async () => {
    const { html, printed } = await executeServerCommand<{ html: string; printed: string[] }, object>('ssr-react', {});
    expect(printed).to.deep.equal([]);
    expect(html).to.match(/<fc-button href="\/login" theme="dark" plus="" id="b"[^>]*><template shadowroot="open" shadowrootmode="open"/);
    expect(html).to.include('<fc-login-block href="https://example.fr/auth" heading-level="3" section="inscription" data-fc-slotted=""');
    expect(html).to.include('identity="{&quot;given_name&quot;:&quot;Marie Anne&quot;,&quot;family_name&quot;:&quot;CLÉMENT&quot;}"');
    expect(html).to.include('S’identifier avec FranceConnect+');
    expect(html, 'the "OU" line').to.include('<fc-separator');
    expect(html).to.include('<h3 class="heading" part="heading">');
    expect(html).to.include('<span part="name" class="name"><!--lit-part-->Marie Anne CLÉMENT');
    // The slotted link stays a light child, after the shadow root.
    expect(html).to.match(/<\/template><a href="\/inscription">Créer mon compte<\/a><\/fc-login-block>/);
  });

  itIn(['chromium'], 'with @lit-labs/ssr-react also enabled (as @lit-labs/nextjs does), still one shadow root per element (runs in Node: once, in the Chromium pass)', async () => {
    const { html, printed } = await executeServerCommand<{ html: string; printed: string[] }, object>('ssr-react', { lit: true });
    expect(printed).to.deep.equal([]);
    expect(html).to.match(/<fc-button href="\/login" theme="dark" plus="" id="b"[^>]*><template shadowroot="open" shadowrootmode="open"/);
    expect(html).to.include('S’identifier avec FranceConnect+');
    expect(html).to.match(/<fc-login-block[^>]*><template shadowroot="open" shadowrootmode="open"/);
    // Three elements of the page, and the block's own separator and button.
    expect(html.match(/<template shadowroot="open"/g)?.length).to.equal(5);
  });
});

describe('Vue’s server renderer (Nuxt), then franceconnect-elements/ssr (Node)', () => {
  itIn(['chromium'], 'keeps the bindings as attributes, drops a false boolean, takes identity as JSON; the elements then render from them (runs in Node: once, in the Chromium pass)', async () => {
    const { html, lit, printed } = await executeServerCommand<{ html: string; lit: string; printed: string[] }, object>('ssr-vue', {});
    expect(printed).to.deep.equal([]);
    expect(html).to.include('<fc-button href="/login" theme="dark" plus id="b"></fc-button>');
    // :disabled="false" writes no attribute: a false boolean does not disable the button.
    expect(html).to.include('<fc-button href="/auth/franceconnect/login" variant="data" id="c"></fc-button>');
    expect(html).to.include('<fc-login-block href="/auth/franceconnect/login" heading-level="3" section="inscription">');
    expect(html).to.include('identity="{&quot;given_name&quot;:&quot;Marie Anne&quot;,&quot;family_name&quot;:&quot;CLÉMENT&quot;}"');
    // The same HTML through renderToString: every element with its shadow DOM, from the attributes Vue wrote.
    // (Booleans: a failure would print 40 KB of HTML.)
    const has = (what: string | RegExp) => (typeof what === 'string' ? lit.includes(what) : what.test(lit));
    expect(has(/<fc-button\s+href="\/login" theme="dark" plus id="b"[^>]*><template shadowroot="open" shadowrootmode="open"/), 'fc-button#b with its shadow DOM').to.equal(true);
    expect(has('Récupérer ses données avec'), 'variant="data"').to.equal(true);
    expect(has('<h3 class="heading" part="heading">'), 'heading-level="3"').to.equal(true);
    expect(has('<fc-separator'), 'the "OU" line: the block has other ways in').to.equal(true);
    expect(has('<span part="name" class="name"><!--lit-part-->Marie Anne CLÉMENT'), 'the name, read from the JSON identity').to.equal(true);
  });
});

describe('server output with JavaScript disabled', () => {
  itIn(['chromium'], 'paints the block exactly: 209 × 56 button in the theme’s colours, texts, link 8 px under it, "OU", slotted form (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page(
      'nojs-block',
      '<fc-login-block href="/test/pages/landed.html" theme="light"><form action="/test/echo" method="post"><label>Mot de passe <input id="pw" name="password"></label><button id="go">Se connecter</button></form></fc-login-block>',
    );
    const result = await nojs({
      url,
      boxes: { button: 'fc-button >> .button', link: '.info a', or: 'fc-separator >> .or', input: '#pw' },
      styles: { bg: ['fc-button >> .button', 'background-color'], fg: ['fc-button >> .button', 'color'] },
      texts: { label: 'fc-button >> .button', heading: '.heading', or: 'fc-separator >> .or' },
    });
    expect(result.errors).to.deep.equal([]);
    const { button, link, or, input } = result.boxes;
    expect([button!.width, button!.height]).to.deep.equal([209, 56]);
    expect(result.styles.bg).to.equal('rgb(0, 0, 145)');
    expect(result.styles.fg).to.equal('rgb(245, 245, 254)');
    expect(result.texts.label.replace(/\s+/g, ' ')).to.equal('S’identifier avec FranceConnect');
    expect(result.texts.heading).to.equal('Se connecter avec FranceConnect');
    expect(result.texts.or).to.equal('OU');
    expect(link!.y - (button!.y + button!.height), 'link 8 px under the button').to.equal(8);
    expect(or!.y).to.be.greaterThan(link!.y);
    expect(input!.y, 'the slotted form is shown below the line').to.be.greaterThan(or!.y);
  });

  itIn(['chromium'], 'paints FranceConnect+ 245 × 56 with its link 12 px under, and dark follows data-fr-theme (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page('nojs-plus', '<fc-login-block plus href="/x"></fc-login-block>', { htmlAttributes: ' data-fr-theme="dark"' });
    const result = await nojs({
      url,
      boxes: { button: 'fc-button >> .button', link: '.info a' },
      styles: { bg: ['fc-button >> .button', 'background-color'] },
    });
    const { button, link } = result.boxes;
    expect([button!.width, button!.height]).to.deep.equal([245, 56]);
    expect(link!.y - (button!.y + button!.height)).to.equal(12);
    expect(result.styles.bg, 'DSFR dark theme without JavaScript').to.equal('rgb(133, 133, 246)');
  });

  itIn(['chromium'], 'paints ProConnect 214 × 56 without its sentence, the link 12 px under, and a click takes this window to href (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page('nojs-proconnect', '<fc-login-block provider="proconnect" href="/test/pages/landed.html" theme="light"><a href="/mdp">Mot de passe</a></fc-login-block>');
    const result = await nojs({
      url,
      boxes: { button: 'fc-button >> .button', link: '.info a', or: 'fc-separator >> .or' },
      styles: { bg: ['fc-button >> .button', 'background-color'] },
      texts: { label: 'fc-button >> .button', heading: '.heading', link: '.info a' },
    });
    expect(result.errors).to.deep.equal([]);
    const { button, link, or } = result.boxes;
    expect([button!.width, button!.height]).to.deep.equal([214, 56]);
    expect(result.styles.bg).to.equal('rgb(0, 0, 145)');
    expect(result.texts.label.replace(/\s+/g, ' ')).to.equal('S’identifier avec ProConnect');
    expect(result.texts.heading).to.equal('Se connecter avec ProConnect');
    expect(result.texts.link).to.include('Qu’est-ce que ProConnect');
    const rendered = (await cli(['render', '<fc-login-block provider="proconnect" href="/x"></fc-login-block>'])).stdout;
    expect(rendered, 'no explanatory sentence').not.to.include('class="description"');
    expect(rendered).to.include('href="https://www.proconnect.gouv.fr/"');
    expect(link!.y - (button!.y + button!.height)).to.equal(12);
    expect(or!.y).to.be.greaterThan(link!.y);
    const clicked = await nojs({ url, click: 'fc-button >> .nojs' });
    expect(new URL(clicked.after!.url).pathname).to.equal('/test/pages/landed.html');
    expect(clicked.after!.pages, 'no pop-up').to.equal(0);
  });

  itIn(['chromium'], 'a ProConnect button with name and value submits its form without JavaScript, named for ProConnect (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const markup = '<form action="/test/echo" method="post"><fc-button provider="proconnect" name="provider" value="proconnect"></fc-button></form>';
    const html = (await cli(['render'], markup)).stdout;
    expect(html).to.include('aria-label="S’identifier avec ProConnect"');
    const url = await page('nojs-submit-pc', markup);
    const result = await nojs({ url, click: 'fc-button' });
    expect(result.after!.body).to.include('provider=proconnect');
  });

  itIn(['chromium'], 'theme="system" follows prefers-color-scheme without JavaScript (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page('nojs-system', '<fc-button href="/x"></fc-button>');
    const dark = await nojs({ url, colorScheme: 'dark', styles: { bg: ['fc-button >> .button', 'background-color'] } });
    const light = await nojs({ url, colorScheme: 'light', styles: { bg: ['fc-button >> .button', 'background-color'] } });
    expect(dark.styles.bg).to.equal('rgb(133, 133, 246)');
    expect(light.styles.bg).to.equal('rgb(0, 0, 145)');
  });

  itIn(['chromium'], 'a click on the button takes this window to href (no new window); so does Enter (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page('nojs-click', '<fc-button href="/test/pages/landed.html"></fc-button>');
    const clicked = await nojs({ url, click: 'fc-button >> .nojs' });
    expect(new URL(clicked.after!.url).pathname).to.equal('/test/pages/landed.html');
    expect(clicked.after!.pages, 'no pop-up').to.equal(0);
    // Clicking where the button is drawn (the visible button, as a person aims).
    const aimed = await nojs({ url, click: 'fc-button' });
    expect(new URL(aimed.after!.url).pathname).to.equal('/test/pages/landed.html');
    const keyboard = await nojs({ url, click: 'fc-button >> .nojs', key: 'Enter' });
    expect(new URL(keyboard.after!.url).pathname).to.equal('/test/pages/landed.html');
  });

  itIn(['chromium'], 'the keyboard meets each button once without JavaScript: the control that works, never the inert one under it (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page(
      'nojs-tab',
      '<a id="before" href="/avant">Avant</a>' +
        '<fc-button href="/test/pages/landed.html"></fc-button>' +
        '<form action="/test/echo" method="post"><fc-button name="provider" value="franceconnect"></fc-button></form>' +
        '<fc-login-block href="/test/pages/landed.html" no-heading></fc-login-block>' +
        '<a id="after" href="/apres">Après</a>',
    );
    const { focus } = await nojs({ url, tabs: 6 });
    expect(focus).to.deep.equal(['a#before', 'a.nojs', 'button', 'a.nojs', 'a', 'a#after']);
  });

  itIn(['chromium'], 'a button with name and value submits its form with name=value without JavaScript; gone once the module runs (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const markup =
      '<form action="/test/echo" method="post"><input name="login_hint" value="marie"><fc-button name="provider" value="franceconnect"></fc-button></form>';
    const url = await page('nojs-submit', markup);
    const result = await nojs({ url, click: 'fc-button' });
    expect(result.after!.body).to.include('POST');
    expect(result.after!.body).to.include('login_hint=marie&provider=franceconnect');
    const hydrated = await page('js-submit', markup, { after: HYDRATE_CDN });
    const { errors, info } = await auditPage<Record<string, unknown>>({
      url: hydrated,
      ready: `customElements.get('fc-button') !== undefined`,
      axe: false,
      inspect: `(() => ({ fallbacks: document.querySelectorAll('[slot="fc-nojs"]').length, submitters: document.querySelectorAll('form button').length }))()`,
    });
    expect(errors).to.deep.equal([]);
    expect(info).to.deep.equal({ fallbacks: 0, submitters: 0 });
  });

  itIn(['chromium'], 'a block with name and value submits its form with name=value without JavaScript, by mouse and by keyboard; gone once the module runs (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const markup =
      '<form action="/test/echo" method="post"><input name="login_hint" value="marie"><fc-login-block name="provider" value="franceconnect"></fc-login-block></form>';
    const url = await page('nojs-block-submit', markup);
    // The real submit button lies exactly over the block's button: a click where the
    // button is drawn lands on it.
    const fallback = 'fc-login-block > button[slot="fc-nojs"]';
    const aimed = await nojs({ url, click: fallback, boxes: { fallback, button: 'fc-login-block fc-button' } });
    expect(aimed.boxes!.fallback).to.deep.equal(aimed.boxes!.button);
    expect(aimed.boxes!.button).to.include({ width: 209, height: 56 });
    expect(aimed.after!.body).to.include('POST');
    expect(aimed.after!.body).to.include('login_hint=marie&provider=franceconnect');
    const keyboard = await nojs({ url, click: fallback, key: 'Enter' });
    expect(keyboard.after!.body).to.include('login_hint=marie&provider=franceconnect');
    const hydrated = await page('js-block-submit', markup, { after: HYDRATE_CDN });
    const { errors, info } = await auditPage<Record<string, unknown>>({
      url: hydrated,
      ready: `customElements.get('fc-login-block') !== undefined && document.querySelector('fc-login-block').hasUpdated`,
      axe: false,
      inspect: `(() => ({ fallbacks: document.querySelectorAll('button[slot="fc-nojs"]').length, submitters: document.querySelectorAll('form button').length, forwarded: document.querySelector('fc-login-block').shadowRoot.querySelectorAll('fc-button > slot[name="fc-nojs"]').length }))()`,
    });
    expect(errors).to.deep.equal([]);
    expect(info).to.deep.equal({ fallbacks: 0, submitters: 0, forwarded: 1 });
  });

  itIn(['chromium'], 'the block’s slotted password form submits without JavaScript (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page(
      'nojs-form',
      '<fc-login-block href="/x"><form action="/test/echo" method="post"><input id="pw" name="password" value="secret"><button id="go">Se connecter</button></form></fc-login-block>',
    );
    const result = await nojs({ url, click: '#go' });
    expect(result.after!.body).to.include('POST');
    expect(result.after!.body).to.include('password=secret');
  });
});

describe('the client-rendered advice (docs/performance.md), when the module never loads', () => {
  itIn(['chromium'], 'reserve.css and data-fc-wait: after 3 s the slotted password form is shown and submits (Chromium: Playwright opens a context with JavaScript off)', async () => {
    const url = await page(
      'nojs-reserve',
      '<fc-login-block href="/auth"><form action="/test/echo" method="post"><input id="pw" name="password" value="secret"><button id="go">Se connecter</button></form></fc-login-block>',
      {
        raw: true,
        bodyAttributes: ' data-fc-wait',
        head: '<link rel="stylesheet" href="/dist/reserve.css"><script type="module" src="/does-not-exist.js"></script>',
      },
    );
    const result = await nojs({ url, wait: 3300, styles: { visibility: ['#pw', 'visibility'] }, click: '#go' });
    expect(result.styles.visibility).to.equal('visible');
    expect(result.after!.body).to.include('password=secret');
  });
});

/**
 * A server-rendered page of every element, for the hydration tests: marks the nodes the
 * server drew (an inline script, run by the parser before any module) and records
 * console warnings, then loads `modules`.
 */
const HYDRATION_MARKUP =
  '<header><fc-account profile-href="/profil" logout-href="/logout" identity=\'{"given_name":"Marie Anne","family_name":"CLÉMENT"}\'></fc-account></header><main><h1>Connexion</h1><fc-login-block href="/test/pages/landed.html" theme="light"><a href="/inscription">Créer mon compte</a></fc-login-block><fc-button id="b" theme="dark" href="/x"></fc-button><fc-separator></fc-separator></main>';
// (Lit's own dev-mode notice, from the test server's development build of Lit, is not ours.)
const RECORD_WARNINGS =
  '<script>window.__warnings = []; const warn = console.warn; console.warn = (...args) => { if (!/^Lit is in dev mode/.test(args[0])) window.__warnings.push(String(args[0])); warn.apply(console, args); };</script>';
const MARK_SERVER_NODES =
  "<script>window.__server = [document.querySelector('fc-login-block').shadowRoot.querySelector('fc-button').shadowRoot.querySelector('button'), document.getElementById('b').shadowRoot.querySelector('button'), document.querySelector('fc-account').shadowRoot.querySelector('.name')];</script>";

type Hydrated = {
  blockButtons: number;
  buttons: number;
  headings: number;
  separators: number;
  separatorClass: string;
  activated: string | null;
  nojs: string;
  box: number[];
  tabindex: (string | null)[];
  name: string;
  inPlace: boolean[];
  warnings: string[];
};

async function hydrate(name: string, modules: string) {
  const url = await page(name, HYDRATION_MARKUP, { head: RECORD_WARNINGS, after: MARK_SERVER_NODES + modules });
  return auditPage<Hydrated>({
    url,
    ready: `customElements.get('fc-login-block') !== undefined && customElements.get('fc-account') !== undefined`,
    inspect: `(async () => {
      const block = document.querySelector('fc-login-block');
      await block.updateComplete;
      const inner = block.shadowRoot.querySelector('fc-button');
      await inner.updateComplete;
      const b = document.getElementById('b');
      await b.updateComplete;
      const account = document.querySelector('fc-account');
      await account.updateComplete;
      let activated = null;
      block.addEventListener('fc-activate', (e) => { activated = e.detail.href; e.preventDefault(); });
      inner.shadowRoot.querySelector('button').click();
      const link = inner.shadowRoot.querySelector('.nojs');
      const nojs = link ? getComputedStyle(link).display : 'absent';
      const now = [inner.shadowRoot.querySelector('button'), b.shadowRoot.querySelector('button'), account.shadowRoot.querySelector('.name')];
      return {
        blockButtons: inner.shadowRoot.querySelectorAll('button').length,
        buttons: b.shadowRoot.querySelectorAll('button').length,
        headings: block.shadowRoot.querySelectorAll('h2').length,
        separators: block.shadowRoot.querySelectorAll('fc-separator').length,
        separatorClass: document.querySelector('main > fc-separator').shadowRoot.querySelector('.or').className,
        activated,
        nojs,
        box: [inner.getBoundingClientRect().width, inner.getBoundingClientRect().height],
        // Out of the Tab order while it could do nothing; back in once hydrated.
        tabindex: [inner, b].map((el) => el.shadowRoot.querySelector('button').getAttribute('tabindex')),
        name: account.shadowRoot.querySelector('.name').textContent,
        // In place: the very nodes the server drew, not copies.
        inPlace: now.map((node, i) => node === window.__server[i]),
        warnings: window.__warnings,
      };
    })()`,
  });
}

/** What every loader must give: each element once, working, as if client-rendered. */
function expectDrawnOnce({ errors, violations, info }: { errors: string[]; violations: string[]; info: Hydrated }) {
  expect(errors).to.deep.equal([]);
  expect(violations).to.deep.equal([]);
  expect(info).to.deep.include({ blockButtons: 1, buttons: 1, headings: 1, separators: 1, name: 'Marie Anne CLÉMENT' });
  expect(info.activated).to.match(/\/test\/pages\/landed\.html$/);
  expect(info.box).to.deep.equal([209, 56]);
  expect(info.tabindex).to.deep.equal([null, null]);
  // theme="system" rendered by CSS on the server, resolved by the module once hydrated.
  expect(info.separatorClass).to.equal('or light');
}

describe('hydration', () => {
  it('dist/cdn/franceconnect-elements-hydrate.js hydrates server output in place: one inner button, the server’s nodes kept, no console error, axe clean, behaves as client-rendered', async () => {
    const audit = await hydrate('hydrate', HYDRATE_CDN);
    expectDrawnOnce(audit);
    expect(audit.info.nojs, 'the no-JavaScript link, hidden once the module runs').to.equal('none');
    expect(audit.info.inPlace).to.deep.equal([true, true, true]);
    expect(audit.info.warnings).to.deep.equal([]);
  });

  it('the ES modules as published hydrate in place when franceconnect-elements/hydrate is imported first', async () => {
    const audit = await hydrate('hydrate-modules', '<script type="module">import "/dist/hydrate.js"; import "/dist/index.js";</script>');
    expectDrawnOnce(audit);
    expect(audit.info.nojs, 'the no-JavaScript link, hidden once the module runs').to.equal('none');
    expect(audit.info.inPlace).to.deep.equal([true, true, true]);
    expect(audit.info.warnings).to.deep.equal([]);
  });

  it('without franceconnect-elements/hydrate, Lit draws a second copy inside the server’s shadow root (why the import must come first)', async () => {
    const { info } = await hydrate('hydrate-modules-missing', '<script type="module">import "/dist/index.js";</script>');
    expect(info.buttons, 'fc-button#b').to.equal(2);
  });

  it('dist/cdn/franceconnect-elements.js, which does not hydrate, draws server output again, once, and names the file that hydrates', async () => {
    const audit = await hydrate('hydrate-client-cdn', '<script type="module" src="/dist/cdn/franceconnect-elements.js"></script>');
    expectDrawnOnce(audit);
    expect(audit.info.inPlace, 'drawn again by the browser').to.deep.equal([false, false, false]);
    expect(audit.info.nojs, 'a client render has no no-JavaScript link').to.equal('absent');
    // One warning per element the page wrote, none for the button inside the block; the
    // account's last, when the file that holds it has loaded.
    const tags = ['fc-login-block', 'fc-button', 'fc-separator', 'fc-account'];
    expect(audit.info.warnings).to.deep.equal(
      tags.map(
        (tag) =>
          `<${tag}>: [fc-needs-hydration] was rendered on a server, but franceconnect-elements.js does not hydrate: it is drawn again. Load franceconnect-elements-hydrate.js instead. (franceconnect-elements/docs/warnings.md#fc-needs-hydration)`,
      ),
    );
  });
});
