import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/index.js';
import type { FcButton, FcLoginBlock } from '../src/index.js';
import { checklistLoginPage } from '../stories/pages/checklist-login.js';
import {
  SPEC_COLOURS,
  accessibleDescription,
  captureConsole,
  centre,
  contrast,
  hex,
  setViewport,
  resetMouse,
  narrowPage,
} from './helpers.js';
import type { NarrowPage } from './helpers.js';

type Theme = 'light' | 'dark';
/** The elements' definitions, for a page in an iframe to load (narrowPage). */
const INDEX_MODULE = new URL('../src/index.ts', import.meta.url).href;

const shadow = (el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector) as HTMLElement;
// Only the heading is a CSS part; the rest is found by what it is.
const SELECTORS: Record<string, string> = {
  heading: '[part~="heading"]',
  description: '.description',
  link: '.info a',
  separator: 'fc-separator',
};
const partOf = (el: FcLoginBlock, name: string) => {
  if (name === 'button') return shadow(el, 'fc-button').shadowRoot!.querySelector('button') as HTMLElement;
  return shadow(el, SELECTORS[name]);
};
const rect = (el: Element) => el.getBoundingClientRect();
/** `button` or `link` for the block's own focusable elements (in a shadow root), else null. */
const inBlock = (el: Element | null) =>
  el?.getRootNode() instanceof ShadowRoot ? (el.localName === 'a' ? 'link' : el.localName) : null;
/** The link's own text, without its visually hidden suffix. */
const visibleText = (el: Element) =>
  [...el.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('');

const SENTENCE =
  'FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.';
const SENTENCE_PLUS =
  'FranceConnect+ est la solution proposée par l’État, pour renforcer la sécurité de vos services en ligne les plus sensibles.';

/**
 * The block on its theme's page, with the service's other ways in slotted; in `into`'s
 * page (a narrowPage()) when given, rendered by that page's document so that its own
 * element definitions take the block.
 */
async function page(
  attrs: { theme?: Theme; plus?: boolean; section?: string; variant?: string; scale?: number } = {},
  withOthers = true,
  into?: NarrowPage,
) {
  const theme = attrs.theme ?? 'light';
  const template = html`
    <div id="page" style="padding:16px;background:${SPEC_COLOURS[theme].page};color:${theme === 'dark' ? '#eeeeee' : '#161616'};font-family:arial,sans-serif">
      <fc-login-block
        theme=${theme}
        section=${attrs.section ?? 'connexion'}
        variant=${attrs.variant ?? 'login'}
        ?plus=${attrs.plus}
        href="/auth/login"
        style=${attrs.scale ? `--fc-button-scale:${attrs.scale}` : ''}
      >
        ${withOthers
          ? html`<p>Vous avez déjà un compte ?</p>
              <a id="create" href="/inscription" style="color:inherit">Créer mon compte</a>`
          : ''}
      </fc-login-block>
    </div>
  `;
  let wrapper: HTMLDivElement;
  if (into) {
    render(template, into.root, { creationScope: into.doc });
    wrapper = into.root.querySelector<HTMLDivElement>('#page')!;
  } else {
    wrapper = await fixture<HTMLDivElement>(template);
  }
  const el = wrapper.querySelector('fc-login-block') as FcLoginBlock;
  await el.updateComplete;
  await (shadow(el, 'fc-button') as FcButton).updateComplete;
  return { wrapper, el };
}

describe('<fc-login-block>: geometry', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  const cases: Array<[string, Parameters<typeof page>[0], number]> = [
    ['light', { theme: 'light' }, 800],
    ['dark', { theme: 'dark' }, 800],
    ['FC+', { plus: true }, 800],
    ['data variant', { variant: 'data' }, 800],
    ['enlarged button ×1.5', { scale: 1.5 }, 800],
    ['320 px wide screen', {}, 320],
    ['320 px wide screen, FC+', { plus: true, theme: 'dark' }, 320],
  ];
  for (const [name, attrs, width] of cases) {
    // docs/qualification.md#rule-2: 8 px; FranceConnect+'s own rules say 12 px.
    const gap = attrs?.plus ? 12 : 8;
    // WebKitGTK's window stops at 447 px: there, a 320 px screen is a page in an iframe.
    it(`${name}: the link is ${gap} px under the button, and everything is in order`, async () => {
      const view = await narrowPage({ width, height: 800 }, [INDEX_MODULE]);
      try {
        await inOrder(view);
      } finally {
        view.close();
      }
    });
    async function inOrder(view: NarrowPage) {
      const { el } = await page(attrs, true, view.how === 'iframe' ? view : undefined);
      expect(view.win.innerWidth).to.equal(width);
      const button = rect(partOf(el, 'button'));
      const link = rect(partOf(el, 'link'));
      expect(link.top - button.bottom, 'gap button → link').to.be.closeTo(gap, 0.5);
      expect(link.left, 'link under the button').to.be.at.least(button.left - 0.5);
      expect(link.left).to.be.below(button.right);

      const order = [
        rect(partOf(el, 'heading')),
        rect(partOf(el, 'description')),
        button,
        link,
        rect(partOf(el, 'separator')),
        rect(el.querySelector('p')!),
        rect(el.querySelector('#create')!),
      ];
      for (let i = 1; i < order.length; i += 1) {
        expect(order[i].top, `item ${i} below item ${i - 1}`).to.be.at.least(order[i - 1].bottom - 0.5);
      }
      // Nothing sticks out of the page, at any width.
      const host = rect(el);
      for (const box of order) expect(box.right).to.be.at.most(host.right + 0.5);
      expect(view.doc.documentElement.scrollWidth).to.be.at.most(width);
    }
  }
});

describe('<fc-login-block>: texts, link and separator', () => {
  it('connexion: default heading, exact sentence, link to franceconnect.gouv.fr in a new window', async () => {
    const { el } = await page();
    const heading = partOf(el, 'heading');
    expect(heading.localName).to.equal('h2');
    expect(heading.textContent!.trim()).to.equal('Se connecter avec FranceConnect');
    expect(partOf(el, 'description').textContent!.trim()).to.equal(SENTENCE);
    const link = partOf(el, 'link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('https://franceconnect.gouv.fr/');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    expect(link.title).to.equal('Qu’est-ce que FranceConnect\u00a0? - nouvelle fenêtre');
    expect(visibleText(link)).to.equal('Qu’est-ce que FranceConnect\u00a0?');
    expect(accessibleDescription(link)).to.match(
      /link "Qu’est-ce que FranceConnect\s\? - nouvelle fenêtre"/,
    );
    expect(accessibleDescription(partOf(el, 'button'))).to.contain(
      'button "S’identifier avec FranceConnect"',
    );
  });

  it('inscription, data and FC+ get their own heading, sentence and link', async () => {
    const signUp = (await page({ section: 'inscription' })).el;
    expect(partOf(signUp, 'heading').textContent!.trim()).to.equal('Se créer un compte avec FranceConnect');
    const data = (await page({ variant: 'data' })).el;
    expect(partOf(data, 'heading').textContent!.trim()).to.equal('Récupérer ses données avec FranceConnect');
    expect(shadow(data, 'fc-button').getAttribute('variant')).to.equal('data');
    const plus = (await page({ plus: true })).el;
    expect(partOf(plus, 'heading').textContent!.trim()).to.equal('Se connecter avec FranceConnect+');
    expect(partOf(plus, 'description').textContent!.trim()).to.equal(SENTENCE_PLUS);
    const link = partOf(plus, 'link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('https://franceconnect.gouv.fr/france-connect-plus');
    expect(visibleText(link)).to.equal('Qu’est-ce que FranceConnect+\u00a0?');
    expect(rect(partOf(plus, 'button')).width).to.equal(245);
  });

  it('heading, heading-level and no-heading', async () => {
    const el = await fixture<FcLoginBlock>(
      html`<fc-login-block heading="Utilisez FranceConnect" heading-level="3"></fc-login-block>`,
    );
    expect(partOf(el, 'heading').localName).to.equal('h3');
    expect(partOf(el, 'heading').textContent).to.equal('Utilisez FranceConnect');
    el.heading = '   ';
    await el.updateComplete;
    expect(partOf(el, 'heading').textContent, 'blank counts as absent').to.equal(
      'Se connecter avec FranceConnect',
    );
    el.noHeading = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2, h3, [part="heading"]')).to.equal(null);
    expect(partOf(el, 'description').textContent!.trim()).to.equal(SENTENCE);
  });

  it('the separator shows only when something follows FranceConnect, and follows the slot', async () => {
    const { el } = await page({}, false);
    expect(el.shadowRoot!.querySelector('fc-separator')).to.equal(null);
    const other = document.createElement('a');
    other.href = '/inscription';
    other.textContent = 'Créer mon compte';
    el.append(other);
    await waitUntil(() => el.shadowRoot!.querySelector('fc-separator'), 'separator appears');
    const separator = el.shadowRoot!.querySelector('fc-separator')!;
    await separator.updateComplete;
    expect(separator.shadowRoot!.textContent!.trim()).to.equal('ou');
    expect(getComputedStyle(separator.shadowRoot!.querySelector('p')!).textTransform).to.equal('uppercase');
    other.remove();
    await waitUntil(() => !el.shadowRoot!.querySelector('fc-separator'), 'separator goes');
    el.append(document.createTextNode('   \n  '));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('fc-separator'), 'white space is not content').to.equal(null);
  });

  for (const theme of ['light', 'dark'] as const) {
    // WebKit: Tab reaches links as in Safari with "Press Tab to highlight each item on a
    // webpage" (web-test-runner.config.mjs).
    it(`${theme}: DSFR colours for sentence, link and separator; link hover and focus`, async () => {
      const { el } = await page({ theme });
      const colours = SPEC_COLOURS[theme];
      expect(hex(getComputedStyle(partOf(el, 'description')).color)).to.equal(colours.sentence);
      const link = partOf(el, 'link');
      const style = getComputedStyle(link);
      expect(hex(style.color)).to.equal(colours.link);
      expect(style.textDecorationLine).to.equal('underline');
      const separator = partOf(el, 'separator');
      const line = getComputedStyle(separator.shadowRoot!.querySelector('p')!, '::before');
      expect(hex(line.borderTopColor)).to.equal(colours.separator);
      expect(line.borderTopWidth).to.equal('1px');

      await sendMouse({ type: 'move', position: centre(link) });
      expect(getComputedStyle(link).textDecorationThickness, 'hover').to.equal('2px');
      await resetMouse();

      partOf(el, 'button').focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(link);
      const focused = getComputedStyle(link);
      expect(focused.outlineStyle).to.equal('solid');
      expect(contrast(hex(focused.outlineColor), colours.page)).to.be.at.least(3);
    });
  }
});

describe('<fc-login-block>: rule 7, no social or private sign-in next to FranceConnect', () => {
  // A sign-in button inside a slotted element's own (open) shadow root.
  if (!customElements.get('test-social-sign-in')) {
    customElements.define(
      'test-social-sign-in',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<button>Se connecter avec GitHub</button>';
        }
      },
    );
  }
  const pixel = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
  const offending: Array<[string, ReturnType<typeof html>, 7 | 13, string | undefined]> = [
    ['a "Se connecter avec Google" button', html`<button>Se connecter avec Google</button>`, 7, 'Google'],
    ['a Facebook OAuth link', html`<a href="https://www.facebook.com/v19.0/dialog/oauth?client_id=1">Continuer</a>`, 7, 'Facebook'],
    ['an Apple button known by its class', html`<button class="btn-apple-signin">Continuer</button>`, 7, 'Apple'],
    ['a Microsoft icon link with an aria-label', html`<a href="/oauth/ms" aria-label="Connexion Microsoft"><svg aria-hidden="true"></svg></a>`, 7, 'Microsoft'],
    ['a form posting to LinkedIn', html`<form action="https://www.linkedin.com/oauth/v2/authorization"><button>OK</button></form>`, 7, 'LinkedIn'],
    ['a GitHub link', html`<a href="https://github.com/login/oauth/authorize">Code</a>`, 7, 'GitHub'],
    ['an X sign-in', html`<button>Se connecter avec X</button>`, 7, 'X (Twitter)'],
    ['a Twitter link', html`<a href="https://twitter.com/i/oauth2/authorize">Tw</a>`, 7, 'X (Twitter)'],
    ['an Amazon image button', html`<a href="/login/amz"><img src=${pixel} alt="Login with Amazon" /></a>`, 7, 'Amazon'],
    ['a Yahoo link nested in a list', html`<ul><li><a href="https://login.yahoo.com/">Yahoo</a></li></ul>`, 7, 'Yahoo'],
    ['a button whose icon is known by its class', html`<button><i class="fab fa-discord" aria-hidden="true"></i>Continuer</button>`, 7, 'Discord'],
    // Missed before the detector moved to src/shared.
    ['Google Identity Services\' #g_id_onload', html`<div id="g_id_onload" data-client_id="1234.apps" data-login_uri="/auth"></div>`, 7, 'Google'],
    ['Google Identity Services\' .g_id_signin', html`<div class="g_id_signin" data-type="standard"></div>`, 7, 'Google'],
    ['a bare brand image, in no link', html`<img src="/img/logo-google.svg" alt="Google" />`, 7, 'Google'],
    ['a bare brand icon, in no button', html`<p>Ou bien <i class="fab fa-facebook-f" aria-hidden="true"></i></p>`, 7, 'Facebook'],
    ['a <div role="button"> known by its image file', html`<div role="button" tabindex="0"><img src="/img/btn_google_signin_dark.png" alt="" /></div>`, 7, 'Google'],
    ['an onclick sign-in', html`<span onclick="signInWithApple()">Continuer</span>`, 7, 'Apple'],
    ['a sign-in button in a slotted element\'s shadow root', html`<test-social-sign-in></test-social-sign-in>`, 7, 'GitHub'],
    ['an iframe (rule 13)', html`<iframe src="about:blank" title="Connexion"></iframe>`, 13, undefined],
  ];
  /** `el` contains `node`, across the shadow roots in between. */
  const holds = (el: Element, node: Node) => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n as ShadowRoot).host ?? null) if (n === el) return true;
    return false;
  };
  for (const [name, content, rule, provider] of offending) {
    it(`warns about ${name}`, async () => {
      const { result: el, warnings } = await captureConsole(async () => {
        const block = await fixture<FcLoginBlock>(html`<fc-login-block>${content}</fc-login-block>`);
        await block.updateComplete;
        return block;
      });
      expect(warnings, warnings.join('\n')).to.have.length(1);
      expect(warnings[0]).to.contain('<fc-login-block>').and.contain(`rule ${rule}`);
      if (provider) expect(warnings[0]).to.contain(provider);
      expect(el.complianceWarnings).to.have.length(1);
      expect(el.complianceWarnings[0].rule).to.equal(rule);
      expect(el.complianceWarnings[0].provider).to.equal(provider);
      expect(holds(el, el.complianceWarnings[0].element)).to.equal(true);
    });
  }

  const innocent: Array<[string, ReturnType<typeof html>]> = [
    ['a "Créer mon compte" link', html`<a href="/inscription">Créer mon compte</a>`],
    ['an e-mail and password form', html`<form action="/session"><label for="e">Adresse électronique</label><input id="e" type="email" placeholder="prenom.nom@gmail.com" /><button>Se connecter</button></form>`],
    ['"Mot de passe oublié ?"', html`<a href="/mot-de-passe">Mot de passe oublié ?</a>`],
    ['a paragraph that mentions Google without offering it', html`<p>Nous n’utilisons pas Google Analytics.</p>`],
    ['words that merely contain a provider name', html`<a href="/chapelle">Chapelle et pineapple</a><button>Taxe</button>`],
    // Flagged before the detector moved to src/shared: an e-mail address is a mailbox,
    // a help text is not an offer to sign in.
    ['an e-mail address in a button', html`<button type="button">Continuer en tant que marie.clement@gmail.com</button>`],
    ['a mailto: link to a Gmail address', html`<a href="mailto:support.service@gmail.com">Écrire au support</a>`],
    ['a help text that mentions Google', html`<a href="/aide">Votre mot de passe n’est pas celui de votre compte Google</a>`],
    // A link is a sign-in when it signs in, not when it names a provider's site (the page
    // audit's detector, shared with the block): the service's source code, a help page.
    ['a "view the source" link to github.com', html`<a href="https://github.com/service-public/demarche">Voir le code source sur GitHub</a>`],
    ['a link to a provider’s help page', html`<a href="https://support.google.com/accounts/answer/41078">Changer le mot de passe de votre compte Google</a>`],
  ];
  for (const [name, content] of innocent) {
    it(`stays quiet about ${name}`, async () => {
      const { result: el, warnings } = await captureConsole(async () => {
        const block = await fixture<FcLoginBlock>(html`<fc-login-block>${content}</fc-login-block>`);
        await block.updateComplete;
        return block;
      });
      expect(warnings).to.deep.equal([]);
      expect(el.complianceWarnings).to.deep.equal([]);
    });
  }

  it('notices a social sign-in added later, and forgets it once removed', async () => {
    const el = await fixture<FcLoginBlock>(html`<fc-login-block><a href="/inscription">Créer mon compte</a></fc-login-block>`);
    const { warnings } = await captureConsole(async () => {
      el.querySelector('a')!.href = 'https://accounts.google.com/o/oauth2/auth';
      await waitUntil(() => el.complianceWarnings.length === 1, 'found');
    });
    expect(warnings).to.have.length(1);
    el.querySelector('a')!.href = '/inscription';
    await waitUntil(() => el.complianceWarnings.length === 0, 'cleared');
    expect(() => (el as unknown as { complianceWarnings: unknown }).complianceWarnings = []).to.throw();
  });

  it('notices a button that becomes a provider sign-in through data-provider or role', async () => {
    const el = await fixture<FcLoginBlock>(
      html`<fc-login-block><button>Continuer</button><span title="PayPal">Payer</span></fc-login-block>`,
    );
    await captureConsole(async () => {
      el.querySelector('button')!.dataset.provider = 'facebook';
      await waitUntil(() => el.complianceWarnings.length === 1, 'data-provider seen');
      el.querySelector('span')!.setAttribute('role', 'button');
      await waitUntil(() => el.complianceWarnings.length === 2, 'role seen');
    });
    expect(el.complianceWarnings.map((w) => w.provider)).to.deep.equal(['Facebook', 'PayPal']);
  });

  it('notices an image, an onclick and an iframe added or changed later', async () => {
    const el = await fixture<FcLoginBlock>(
      html`<fc-login-block><img src=${pixel} alt="" /><span>Continuer</span></fc-login-block>`,
    );
    await captureConsole(async () => {
      el.querySelector('img')!.src = '/img/apple-logo.svg';
      await waitUntil(() => el.complianceWarnings.length === 1, 'src seen');
      el.querySelector('span')!.setAttribute('onclick', 'loginWithLinkedIn()');
      await waitUntil(() => el.complianceWarnings.length === 2, 'onclick seen');
      el.append(document.createElement('iframe'));
      await waitUntil(() => el.complianceWarnings.length === 3, 'iframe seen');
    });
    expect(el.complianceWarnings.map((w) => [w.rule, w.provider])).to.deep.equal([
      [7, 'Apple'],
      [7, 'LinkedIn'],
      [13, undefined],
    ]);
  });
});

describe('<fc-login-block>: bad input', () => {
  it('unknown section, variant and heading-level fall back, one warning each', async () => {
    const { result: el, warnings } = await captureConsole(async () => {
      const block = await fixture<FcLoginBlock>(
        html`<fc-login-block section="accueil" variant="huge" heading-level="9"></fc-login-block>`,
      );
      block.requestUpdate();
      await block.updateComplete;
      return block;
    });
    expect(warnings).to.have.length(3);
    expect(warnings.join('\n')).to.contain('"accueil"').and.contain('"huge"').and.contain('"9"');
    for (const w of warnings) expect(w).to.contain('<fc-login-block>');
    expect(partOf(el, 'heading').localName).to.equal('h2');
    expect(partOf(el, 'heading').textContent).to.equal('Se connecter avec FranceConnect');
    expect(shadow(el, 'fc-button').getAttribute('variant')).to.equal('login');
  });
});

describe('<fc-login-block>: accessibility and keyboard', () => {
  for (const section of ['connexion', 'inscription'] as const) {
    for (const variant of ['login', 'data'] as const) {
      for (const plus of [false, true]) {
        for (const theme of ['light', 'dark'] as const) {
          it(`axe: ${section} ${variant}${plus ? ' FC+' : ''} ${theme}`, async () => {
            const { wrapper } = await page({ section, variant, plus, theme });
            await expect(wrapper).to.be.accessible();
          });
        }
      }
    }
  }

  it('Tab goes to the button, then the link, then the slotted controls', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <input id="start" aria-label="début" />
        <fc-login-block href="/auth">
          <form><input id="email" aria-label="Adresse électronique" /><button id="go">Se connecter</button></form>
          <a id="create" href="/inscription">Créer mon compte</a>
        </fc-login-block>
      </div>
    `);
    const el = wrapper.querySelector('fc-login-block')!;
    await el.updateComplete;
    wrapper.querySelector<HTMLInputElement>('#start')!.focus();
    const seen: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      await sendKeys({ press: 'Tab' });
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      seen.push(active?.id || inBlock(active) || active?.localName || '');
    }
    expect(seen).to.deep.equal(['button', 'link', 'email', 'go', 'create']);
  });
});

describe('<fc-login-block>: in a form', () => {
  it('without href, submits the surrounding form with name=value', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <input name="return_to" value="/profil" />
        <fc-login-block name="provider" value="franceconnect"></fc-login-block>
      </form>
    `);
    const el = form.querySelector('fc-login-block')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    let data: [string, FormDataEntryValue][] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      data = [...new FormData(form)];
    });
    await sendMouse({ type: 'click', position: centre(partOf(el, 'button')) });
    await resetMouse();
    expect(data).to.deep.equal([
      ['return_to', '/profil'],
      ['provider', 'franceconnect'],
    ]);
    expect([...new FormData(form)]).to.deep.equal([['return_to', '/profil']]);
  });

  it('hands its button its own form (targetForm), and the new one when it moves', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><form id="a"></form><form id="b"></form></div>`);
    const [a, b] = wrapper.querySelectorAll('form');
    const submitted: string[] = [];
    for (const form of [a, b]) {
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted.push(form.id);
      });
    }
    const el = document.createElement('fc-login-block');
    a.append(el);
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('fc-button')!;
    expect(button.targetForm).to.equal(a);
    el.click();
    window.dispatchEvent(new Event('pageshow')); // ends the double-activation guard
    b.append(el);
    await el.updateComplete;
    expect(button.targetForm).to.equal(b);
    el.click();
    window.dispatchEvent(new Event('pageshow'));
    el.remove();
    wrapper.append(el);
    await el.updateComplete;
    expect(button.targetForm, 'in no form: the button submits nothing').to.equal(null);
    el.click();
    expect(submitted).to.deep.equal(['a', 'b']);
  });
});

describe('<fc-login-block>: visual baselines', () => {
  for (const section of ['connexion', 'inscription'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${section} ${theme}`, async () => {
        const { wrapper } = await page({ section, theme });
        (wrapper as HTMLElement).style.width = '420px';
        await visualDiff(wrapper, `fc-login-block-${section}-${theme}`);
      });
    }
  }
});

describe('the checklist mock-up login page, end to end', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: no warning, axe clean, FranceConnect first in Tab order, as the baseline`, async () => {
      const { result: main, warnings, errors } = await captureConsole(async () => {
        const root = await fixture<HTMLElement>(checklistLoginPage(theme));
        const m = root.querySelector('main')!;
        await m.querySelector('fc-login-block')!.updateComplete;
        return m;
      });
      expect(warnings).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
      const block = main.querySelector('fc-login-block')!;
      expect(block.complianceWarnings).to.deep.equal([]);
      await expect(main).to.be.accessible();

      (document.activeElement as HTMLElement | null)?.blur();
      const seen: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        await sendKeys({ press: 'Tab' });
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        seen.push(active?.id || inBlock(active) || active?.textContent?.trim() || '');
      }
      expect(seen).to.deep.equal([
        'button',
        'link',
        'fc-demo-email',
        'fc-demo-password',
        'Se connecter',
        'Créer mon compte',
      ]);
      (document.activeElement as HTMLElement | null)?.blur();
      await visualDiff(main, `checklist-login-page-${theme}`);
    });
  }
});
