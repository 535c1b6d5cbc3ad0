import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/define/fc-account.js';
import { accountName, type FcAccount, type FcIdentity } from '../src/define/fc-account.js';
import {
  ENGINE,
  SPEC_COLOURS,
  accessibleDescription,
  captureConsole,
  centre,
  contrast,
  emulateMedia,
  hex,
  framedWindow,
  itIn,
  narrowPage,
  pageCount,
  resetMouse,
  setViewport,
} from './helpers.js';
// A verbatim copy of the shared fixtures (fictional people, hostile ones included).
import fixtures from './fixtures/identities.json' with { type: 'json' };

const IDENTITIES = fixtures.identities as Record<string, FcIdentity & { sub: string }>;
/** The element's definition, for a page in an iframe to load (narrowPage). */
const ACCOUNT_MODULE = new URL('../src/define/fc-account.ts', import.meta.url).href;
type Theme = 'light' | 'dark';

const part = <T extends Element = HTMLElement>(el: FcAccount, name: string) =>
  el.shadowRoot!.querySelector(`[part~="${name}"]`) as T | null;
const rect = (el: Element) => el.getBoundingClientRect();
/** Painted and not clipped away: what a sighted user can read without any action. */
function visible(el: Element | null): boolean {
  if (!el) return false;
  const r = rect(el);
  const style = getComputedStyle(el);
  return r.width > 2 && r.height > 2 && style.visibility === 'visible' && style.clipPath === 'none' && el.checkVisibility();
}

interface Options {
  identity?: unknown;
  theme?: Theme | string;
  profile?: string | null;
  logout?: string | null;
  width?: string;
}

/** An <fc-account> on a page of its theme's colour, in a box `width` wide. */
async function account({
  identity = IDENTITIES.simple,
  theme = 'light',
  profile = '/profil',
  logout = '/auth/franceconnect/logout',
  width = '640px',
}: Options = {}) {
  const bg = SPEC_COLOURS[theme === 'dark' ? 'dark' : 'light'].page;
  const wrapper = await fixture<HTMLDivElement>(html`<div
    style="box-sizing:border-box;inline-size:${width};max-inline-size:100%;padding:8px;background:${bg};font-family:arial,sans-serif"
  >
    <button id="before">avant</button>
    <fc-account
      theme=${theme}
      profile-href=${profile ?? undefined}
      logout-href=${logout ?? undefined}
      .identity=${identity}
    ></fc-account>
  </div>`);
  const el = wrapper.querySelector('fc-account')!;
  if (profile === null) el.removeAttribute('profile-href');
  if (logout === null) el.removeAttribute('logout-href');
  await el.updateComplete;
  return { wrapper, el };
}

/** Submissions of the element's logout form, stopped before they navigate. */
function interceptLogout(el: FcAccount) {
  const submissions: Array<{ method: string; action: string; submitter: Element | null }> = [];
  // `submit` does not leave the shadow root: listen on the form itself.
  const form = part<HTMLFormElement>(el, 'logout-form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submissions.push({ method: form.method, action: form.action, submitter: event.submitter });
  });
  return submissions;
}

describe('<fc-account>: the name, always visible (rule 14)', () => {
  it('shows the first names and the name without any interaction, as a link to the profile', async () => {
    const { el } = await account();
    const name = part(el, 'name')!;
    expect(name.textContent).to.equal('Marie Anne CLÉMENT');
    expect(visible(name)).to.equal(true);
    expect(visible(part(el, 'initials'))).to.equal(false);
    const link = part<HTMLAnchorElement>(el, 'profile')!;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('/profil');
    expect(link.href).to.equal(new URL('/profil', location.href).href);
    expect(link.target).to.equal('_self');
    expect(accessibleDescription(part(el, 'profile')!)).to.contain('link "Marie Anne CLÉMENT (mon profil)"');
  });

  it('the same identity as JSON in the identity attribute', async () => {
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<fc-account profile-href="/profil" logout-href="/logout" identity='${JSON.stringify(
      IDENTITIES.born_abroad,
    )}'></fc-account>`;
    const el = wrapper.querySelector('fc-account')!;
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('Yasmine EL AMRANI');
    expect(el.identity).to.deep.equal(IDENTITIES.born_abroad);
    expect(Object.isFrozen(el.identity)).to.equal(true);
    el.setAttribute('identity', JSON.stringify(IDENTITIES.simple));
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('Marie Anne CLÉMENT');
  });

  it('a property set before the element is defined is taken over', async () => {
    const wrapper = await fixture(html`<div></div>`);
    const el = document.createElement('fc-account-later') as HTMLElement & { identity?: unknown };
    el.setAttribute('profile-href', '/profil');
    el.setAttribute('logout-href', '/logout');
    el.identity = IDENTITIES.simple;
    wrapper.append(el);
    customElements.define('fc-account-later', class extends (customElements.get('fc-account')!) {});
    await (el as FcAccount).updateComplete;
    expect((el as FcAccount).shadowRoot!.textContent).to.contain('Marie Anne CLÉMENT');
  });

  it('nom d’usage: first names then preferred_username, the birth name otherwise (documented rule)', async () => {
    const { el } = await account({ identity: IDENTITIES.usage_name });
    expect(part(el, 'name')!.textContent).to.equal('Jean-Luc Pierre MARTIN');
    expect(accountName(IDENTITIES.usage_name)).to.deep.equal({ full: 'Jean-Luc Pierre MARTIN', initials: 'JM' });
    expect(accountName(IDENTITIES.simple)).to.deep.equal({ full: 'Marie Anne CLÉMENT', initials: 'MC' });
    // Blank nom d'usage: the birth name. White space collapsed.
    expect(accountName({ given_name: '  Éloïse \n Marie', family_name: 'ÉTIENNE', preferred_username: '   ' })).to.deep.equal(
      { full: 'Éloïse Marie ÉTIENNE', initials: 'ÉÉ' },
    );
    expect(accountName({ family_name: 'DURAND' })).to.deep.equal({ full: 'DURAND', initials: 'D' });
    expect(accountName({ email: 'a@b.fr' })).to.equal(null);
  });

  it('a new identity repaints; null goes back to the neutral "Connecté"', async () => {
    const { el } = await account();
    el.identity = IDENTITIES.usage_name;
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('Jean-Luc Pierre MARTIN');
    el.identity = null;
    await el.updateComplete;
    expect(part(el, 'name')!.textContent).to.equal('Connecté');
  });

  it('long names wrap inside the element: never clipped, never ellipsed', async () => {
    const { wrapper, el } = await account({ identity: IDENTITIES.long_names, width: '420px' });
    const name = part(el, 'name')!;
    expect(name.textContent).to.equal(
      'Marie-Thérèse Geneviève Bernadette Anne-Sophie Françoise DUPONT-AIGNAN DE SAINT-EXUPÉRY',
    );
    expect(visible(name)).to.equal(true);
    expect(rect(name).height, 'wraps onto several lines').to.be.greaterThan(40);
    expect(getComputedStyle(name).textOverflow).not.to.equal('ellipsis');
    for (const box of [part(el, 'profile')!, part(el, 'logout')!]) {
      expect(rect(box).right).to.be.at.most(rect(wrapper).right + 0.5);
      expect(box.scrollWidth).to.be.at.most(box.clientWidth + 1);
    }
  });
});

describe('<fc-account>: when space is short, the initials (container query)', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('under 360 px of width: the initials in a badge, the full name still the link’s name', async () => {
    const { el } = await account({ width: '300px' });
    const initials = part(el, 'initials')!;
    expect(visible(initials)).to.equal(true);
    expect(initials.textContent).to.equal('MC');
    expect(visible(part(el, 'name'))).to.equal(false);
    expect(accessibleDescription(part(el, 'profile')!)).to.contain('link "Marie Anne CLÉMENT (mon profil)"');
    expect(visible(part(el, 'logout'))).to.equal(true);
    expect(part(el, 'logout')!.textContent!.trim()).to.equal('Se déconnecter');
  });

  it('at 360 px and more: the full name', async () => {
    const { el } = await account({ width: '376px' }); // 360 inside the 8 px padding
    expect(rect(el).width).to.equal(360);
    expect(visible(part(el, 'name'))).to.equal(true);
    expect(visible(part(el, 'initials'))).to.equal(false);
  });

  // WebKitGTK's window stops at 447 px: there, the phone is a 320 px page in an iframe.
  it('a 320 px phone: everything inside the screen, one row, the logout label whole', async () => {
    const phone = await narrowPage({ width: 320, height: 640 }, [ACCOUNT_MODULE]);
    try {
      const { win, doc, root } = phone;
      root.innerHTML = `<div style="box-sizing:border-box;inline-size:100%;padding:8px;background:#ffffff;font-family:arial,sans-serif">
        <button id="before">avant</button>
        <fc-account theme="light" profile-href="/profil" logout-href="/auth/franceconnect/logout"></fc-account>
      </div>`;
      const el = root.querySelector('fc-account') as FcAccount;
      // The identity as that page's own script would set it: an object of its own realm.
      el.identity = win.JSON.parse(JSON.stringify(IDENTITIES.long_names));
      await el.updateComplete;
      expect(win.innerWidth).to.equal(320);
      expect(doc.documentElement.scrollWidth).to.be.at.most(320);
      const profile = rect(part(el, 'profile')!);
      const logout = rect(part(el, 'logout')!);
      expect(visible(part(el, 'initials'))).to.equal(true);
      expect(part(el, 'initials')!.textContent).to.equal('MD');
      expect(Math.abs(profile.top - logout.top), 'one row').to.be.below(8);
      expect(logout.right).to.be.at.most(320);
      expect(part(el, 'logout')!.scrollWidth).to.be.at.most(part(el, 'logout')!.clientWidth + 1);
    } finally {
      phone.close();
    }
  });

  it('without a name to abbreviate, "Connecté" stays in words', async () => {
    const { el } = await account({ identity: null, width: '300px' });
    expect(part(el, 'initials')).to.equal(null);
    expect(visible(part(el, 'name'))).to.equal(true);
    expect(part(el, 'name')!.textContent).to.equal('Connecté');
  });
});

describe('<fc-account>: "Se déconnecter" posts a real form (rule 9)', () => {
  it('a <form method="post"> to logout-href, in this window, in the markup itself (works without JavaScript)', async () => {
    const { el } = await account();
    const form = part<HTMLFormElement>(el, 'logout-form')!;
    expect(form).to.be.instanceOf(HTMLFormElement);
    expect(form.getAttribute('method')).to.equal('post');
    expect(form.method).to.equal('post');
    expect(form.getAttribute('action')).to.equal('/auth/franceconnect/logout');
    expect(form.action).to.equal(new URL('/auth/franceconnect/logout', location.href).href);
    expect(form.target).to.equal('_self');
    const button = part<HTMLButtonElement>(el, 'logout')!;
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('submit');
    expect(button.form).to.equal(form);
    expect(button.textContent!.trim()).to.equal('Se déconnecter');
    expect(accessibleDescription(part(el, 'logout')!)).to.contain('button "Se déconnecter"');
    // No link anywhere leads to the logout route: a prefetch or a crawler cannot log out.
    const links = [...el.shadowRoot!.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['/profil']);
  });

  it('a click submits the form: POST to the logout route, in this page, no pop-up', async () => {
    const { el } = await account();
    const submissions = interceptLogout(el);
    const pagesBefore = await pageCount();
    await sendMouse({ type: 'click', position: centre(part(el, 'logout')!) });
    await resetMouse();
    expect(submissions).to.have.length(1);
    expect(submissions[0]).to.deep.equal({
      method: 'post',
      action: new URL('/auth/franceconnect/logout', location.href).href,
      submitter: part(el, 'logout'),
    });
    expect(await pageCount()).to.equal(pagesBefore);
  });

  // WebKit: the test page's own navigation never completes under WebKitWebDriver (timeout).
  it('the POST reaches the route and the answer replaces this page (test/pages/account.html)', async () => {
    // A page of its own, in a frame whose navigation the test can watch; the test
    // server's /test/echo route says which method it received.
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe src="/test/pages/account.html" style="width:640px;height:120px;border:0"></iframe>`,
    );
    const win = await framedWindow(frame, '/test/pages/account.html');
    await win.customElements.whenDefined('fc-account');
    const el = win.document.querySelector('fc-account') as FcAccount;
    await el.updateComplete;
    let opened = 0;
    win.open = () => {
      opened += 1;
      return null;
    };
    const pagesBefore = await pageCount();
    const landed = oneEvent(frame, 'load');
    const [x, y] = centre(el.shadowRoot!.querySelector('[part="logout"]')!);
    await sendMouse({ type: 'click', position: [rect(frame).left + x, rect(frame).top + y] });
    await landed;
    const after = frame.contentDocument!;
    expect(frame.contentWindow!.location.pathname).to.equal('/test/echo');
    expect(frame.contentWindow!.location.search).to.equal('?route=logout');
    expect(after.getElementById('method')!.textContent).to.equal('POST');
    expect(after.getElementById('body')!.textContent, 'nothing personal posted').to.equal('');
    expect(opened).to.equal(0);
    expect(await pageCount(), 'no new tab or pop-up').to.equal(pagesBefore);
  });

  it('keyboard: Tab reaches the profile link then the logout button; Enter logs out', async () => {
    const { el } = await account();
    const submissions = interceptLogout(el);
    (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'profile'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'logout'));
    await sendKeys({ press: 'Enter' });
    expect(submissions).to.have.length(1);
    // ' ' rather than 'Space': the name every driver knows (BiDi and WebDriver reject 'Space').
    await sendKeys({ press: ' ' });
    expect(submissions).to.have.length(2);
  });
});

describe('<fc-account>: themes, focus and hover', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('data-fr-theme');
    await resetMouse();
  });

  const LINK = { light: '#000091', dark: '#8585f6' };
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: DSFR link colour, ≥ 4.5:1 at rest, on hover and pressed`, async () => {
      const { el } = await account({ theme });
      // Pressing the mouse on them would follow the link and post the form: not here.
      interceptLogout(el);
      part(el, 'profile')!.addEventListener('click', (e) => e.preventDefault());
      const page = SPEC_COLOURS[theme].page;
      for (const name of ['profile', 'logout']) {
        const box = part(el, name)!;
        expect(hex(getComputedStyle(box).color), name).to.equal(LINK[theme]);
        expect(contrast(LINK[theme], page)).to.be.at.least(4.5);
        await sendMouse({ type: 'move', position: centre(box) });
        const hover = hex(getComputedStyle(box).backgroundColor);
        expect(hover, `${name} hover tint`).not.to.equal('transparent');
        expect(contrast(LINK[theme], hover), `${name} hover`).to.be.at.least(4.5);
        await sendMouse({ type: 'down' });
        const active = hex(getComputedStyle(box).backgroundColor);
        expect(active, `${name} pressed`).not.to.equal(hover);
        expect(contrast(LINK[theme], active), `${name} pressed`).to.be.at.least(4.5);
        await sendMouse({ type: 'up' });
        await resetMouse();
      }
      const badge = part(el, 'initials')!;
      const badgeStyle = getComputedStyle(badge);
      expect(contrast(hex(badgeStyle.color), hex(badgeStyle.backgroundColor))).to.be.at.least(4.5);
    });

    // WebKit: Tab reaches links and buttons as in Safari with "Press Tab to highlight each
    // item on a webpage" (web-test-runner.config.mjs).
    it(`${theme}: keyboard focus is a visible ring, ≥ 3:1 against the page`, async () => {
      const { el } = await account({ theme });
      (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
      for (const name of ['profile', 'logout']) {
        await sendKeys({ press: 'Tab' });
        const style = getComputedStyle(part(el, name)!);
        expect(style.outlineStyle, name).to.equal('solid');
        expect(style.outlineWidth).to.equal('2px');
        expect(contrast(hex(style.outlineColor), SPEC_COLOURS[theme].page)).to.be.at.least(3);
      }
    });
  }

  it('system: follows the page’s DSFR theme at once', async () => {
    const { el } = await account({ theme: 'system' });
    const repaint = async () => {
      await new Promise((r) => setTimeout(r)); // the page's theme is observed, not polled
      await el.updateComplete;
    };
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await repaint();
    expect(hex(getComputedStyle(part(el, 'profile')!).color)).to.equal('#8585f6');
    document.documentElement.setAttribute('data-fr-theme', 'light');
    await repaint();
    expect(hex(getComputedStyle(part(el, 'profile')!).color)).to.equal('#000091');
  });
});

describe('<fc-account>: forced colours', () => {
  afterEach(async () => {
    if (ENGINE === 'chromium') await emulateMedia({ forcedColors: 'none' });
  });

  // WebDriver BiDi (Firefox) and WebDriver classic (WebKit) cannot emulate media features.
  itIn(['chromium'], 'the link, the button and the initials badge keep a visible outline (Chromium: media emulation)', async () => {
    const { el } = await account({ width: '300px' });
    await emulateMedia({ forcedColors: 'active' });
    for (const name of ['profile', 'logout', 'initials']) {
      const style = getComputedStyle(part(el, name)!);
      expect(style.borderTopStyle, name).to.equal('solid');
      expect(style.borderTopWidth, name).to.equal('1px');
      expect(hex(style.borderTopColor), name).not.to.equal('transparent');
    }
  });
});

describe('<fc-account>: bad input never runs, never throws, is reported once', () => {
  it('malformed JSON: one error naming the element, the neutral "Connecté"', async () => {
    const wrapper = await fixture(html`<div></div>`);
    const { errors } = await captureConsole(async () => {
      wrapper.innerHTML = `<fc-account profile-href="/profil" logout-href="/logout" identity='{"given_name": "Marie", '></fc-account>`;
      const el = wrapper.querySelector('fc-account')!;
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    });
    const el = wrapper.querySelector('fc-account')!;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<fc-account>').and.contain('JSON');
    expect(part(el, 'name')!.textContent).to.equal('Connecté');
    expect(el.identity).to.equal(null);
    // Still a working header: the profile link and the logout form are there.
    expect(part(el, 'profile')!.localName).to.equal('a');
    expect(part(el, 'logout-form')).not.to.equal(null);
  });

  const throwing = {
    get given_name(): string {
      throw new Error('getter');
    },
  };
  const bad: Array<[string, unknown]> = [
    ['a number', 42],
    ['an array', [IDENTITIES.simple]],
    ['a boolean', true],
    ['a function', () => IDENTITIES.simple],
    ['a string that is not JSON', 'Marie Anne CLÉMENT'],
    ['JSON of a string', '"Marie"'],
    ['an object whose getter throws', throwing],
  ];
  for (const [what, value] of bad) {
    it(`identity = ${what}: one error, "Connecté"`, async () => {
      const { el } = await account({ identity: null });
      const { errors } = await captureConsole(async () => {
        el.identity = value as FcIdentity;
        await el.updateComplete;
        el.identity = value as FcIdentity; // the same again: not reported twice
        await el.updateComplete;
      });
      expect(errors, what).to.have.length(1);
      expect(errors[0]).to.contain('<fc-account>');
      expect(part(el, 'name')!.textContent).to.equal('Connecté');
    });
  }

  it('claims that are not text are ignored with a warning, the others shown', async () => {
    const { el } = await account({ identity: null });
    const { warnings } = await captureConsole(async () => {
      el.identity = { given_name: 'Marie', family_name: { toString: () => 'X' } } as unknown as FcIdentity;
      await el.updateComplete;
    });
    expect(part(el, 'name')!.textContent).to.equal('Marie');
    expect(warnings.some((w) => w.includes('family_name'))).to.equal(true);
  });

  it('an identity without any name: one warning, "Connecté"', async () => {
    const { el } = await account({ identity: null });
    const { warnings, errors } = await captureConsole(async () => {
      el.identity = { email: 'a@b.fr' };
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(part(el, 'name')!.textContent).to.equal('Connecté');
  });

  it('hostile identity: markup shown as text, never run, no element created from it', async () => {
    const win = window as unknown as { alert: (m?: unknown) => void; hostileRan?: boolean };
    const realAlert = win.alert;
    win.alert = () => (win.hostileRan = true);
    try {
      for (const source of ['property', 'attribute']) {
        const wrapper = await fixture(html`<div></div>`);
        wrapper.innerHTML = `<fc-account profile-href="/profil" logout-href="/logout"></fc-account>`;
        const el = wrapper.querySelector('fc-account')!;
        if (source === 'property') el.identity = IDENTITIES.hostile;
        else el.setAttribute('identity', JSON.stringify(IDENTITIES.hostile));
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 50));
        expect(part(el, 'name')!.textContent, source).to.equal(
          `${IDENTITIES.hostile.given_name} ${IDENTITIES.hostile.preferred_username}`,
        );
        // Only the element's own markup: two icons, no script, image or foreign svg.
        expect(el.shadowRoot!.querySelectorAll('script, img').length).to.equal(0);
        expect(el.shadowRoot!.querySelectorAll('svg').length).to.equal(2);
        expect([...el.shadowRoot!.querySelectorAll('*')].some((n) => [...n.attributes].some((a) => a.name.startsWith('on')))).to.equal(false);
      }
      expect(win.hostileRan).to.equal(undefined);
    } finally {
      win.alert = realAlert;
    }
  });

  for (const attribute of ['profile-href', 'logout-href'] as const) {
    for (const url of ['javascript:alert(1)', 'java\tscript:alert(1)', ' JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>']) {
      it(`${attribute}="${url}": refused with one error, never rendered`, async () => {
        const { result, errors } = await captureConsole(() =>
          account(attribute === 'profile-href' ? { profile: url } : { logout: url }),
        );
        const { el } = result;
        el.requestUpdate();
        await el.updateComplete;
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain('<fc-account>').and.contain('refused');
        const markup = el.shadowRoot!.innerHTML.toLowerCase();
        expect(markup).not.to.contain('script:');
        expect(markup).not.to.contain('data:');
        // The name stays visible either way.
        expect(visible(part(el, 'name'))).to.equal(true);
        if (attribute === 'profile-href') {
          expect(part(el, 'profile')!.localName).to.equal('span');
          expect(part(el, 'logout-form')).not.to.equal(null);
        } else {
          expect(part(el, 'logout-form')).to.equal(null);
          expect(part(el, 'profile')!.localName).to.equal('a');
        }
      });
    }
  }

  it('missing hrefs: one warning each, the name still shown', async () => {
    const { result, warnings, errors } = await captureConsole(() => account({ profile: null, logout: null }));
    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(2);
    expect(warnings.join()).to.contain('profile-href').and.contain('logout-href');
    expect(part(result.el, 'name')!.textContent).to.equal('Marie Anne CLÉMENT');
    // Not a link, so not in the link colour: the page's title colour.
    expect(part(result.el, 'profile')!.localName).to.equal('span');
    expect(hex(getComputedStyle(part(result.el, 'profile')!).color)).to.equal('#161616');
  });

  it('an unknown theme: one warning, light', async () => {
    const { result, warnings } = await captureConsole(() => account({ theme: 'purple' }));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-account>').and.contain('purple');
    expect(hex(getComputedStyle(part(result.el, 'profile')!).color)).to.equal('#000091');
  });
});

describe('<fc-account>: in the DSFR header’s tools area', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  // The tools area is shrink-to-fit: the element must take the width its row needs in the
  // page's font (DejaVu Sans in Firefox and WebKit here, Liberation Sans in Chromium), not
  // a fixed one; with a fixed 360 px the row wrapped in Firefox and WebKit.
  /** A DSFR header at 1200 px with the element in its tools area, as the DSFR shows it. */
  async function inHeader(identity: object, check: (el: FcAccount, header: HTMLElement) => Promise<void>) {
    await setViewport({ width: 1200, height: 600 });
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
    const loaded = new Promise((r) => link.addEventListener('load', r));
    document.head.append(link);
    await loaded;
    try {
      const header = await fixture<HTMLElement>(html`<header role="banner" class="fr-header">
        <div class="fr-header__body">
          <div class="fr-container">
            <div class="fr-header__body-row">
              <div class="fr-header__brand fr-enlarge-link">
                <div class="fr-header__brand-top">
                  <div class="fr-header__logo"><p class="fr-logo">République<br />Française</p></div>
                </div>
                <div class="fr-header__service">
                  <a href="/" title="Accueil — Mon service"><p class="fr-header__service-title">Mon service</p></a>
                </div>
              </div>
              <div class="fr-header__tools">
                <div class="fr-header__tools-links">
                  <fc-account profile-href="/profil" logout-href="/auth/franceconnect/logout"></fc-account>
                </div>
              </div>
            </div>
          </div>
        </div>
      </header>`);
      const el = header.querySelector('fc-account')!;
      el.identity = identity;
      await el.updateComplete;
      await check(el, header);
      // Inside the tools area, right-aligned like the DSFR's own tool links; nothing
      // sticks out of the page.
      const tools = rect(header.querySelector('.fr-header__tools-links')!);
      const logout = rect(part(el, 'logout')!);
      expect(logout.right).to.be.at.most(tools.right + 0.5);
      expect(tools.right - logout.right).to.be.below(16);
      expect(rect(part(el, 'profile')!).left).to.be.at.least(tools.left - 0.5);
      expect(document.documentElement.scrollWidth).to.be.at.most(1200);
      await expect(header).to.be.accessible();
    } finally {
      link.remove();
    }
  }

  // The tools area is shrink-to-fit: the element must take the width its row needs in the
  // page's font (DejaVu Sans in Firefox and WebKit here, Liberation Sans in Chromium), not
  // a fixed one; with a fixed 360 px the row wrapped in Firefox and WebKit.
  it('sits in .fr-header__tools-links, full name on one row with "Se déconnecter"', () =>
    inHeader(IDENTITIES.usage_name, async (el) => {
      expect(visible(part(el, 'name'))).to.equal(true);
      expect(part(el, 'name')!.textContent).to.equal('Jean-Luc Pierre MARTIN');
      const name = rect(part(el, 'profile')!);
      const logout = rect(part(el, 'logout')!);
      expect(Math.abs(name.top - logout.top), 'one row').to.be.below(2);
      expect(name.right).to.be.at.most(logout.left);
    }));

  it('a name too long for one row wraps inside the tools area, whole and in words', () =>
    inHeader(IDENTITIES.long_names, async (el) => {
      const name = part(el, 'name')!;
      expect(visible(name)).to.equal(true);
      expect(visible(part(el, 'initials'))).to.equal(false);
      expect(name.textContent).to.equal('Marie-Thérèse Geneviève Bernadette Anne-Sophie Françoise DUPONT-AIGNAN DE SAINT-EXUPÉRY');
      expect(name.scrollWidth, 'not clipped').to.be.at.most(name.clientWidth + 1);
    }));
});

describe('<fc-account>: axe and baselines', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const theme of ['light', 'dark'] as const) {
    const states: Array<[string, Options]> = [
      ['name', { theme }],
      ['initials', { theme, width: '300px' }],
      ['connected', { theme, identity: null }],
      ['no-links', { theme, profile: null, logout: null }],
    ];
    for (const [name, options] of states) {
      it(`axe and baseline: ${name}, ${theme}`, async () => {
        const { el } = (await captureConsole(() => account(options))).result;
        await expect(el).to.be.accessible();
        await visualDiff(el, `fc-account-${name}-${theme}`);
      });
    }
    it(`axe: focused, ${theme}`, async () => {
      const { el } = await account({ theme });
      (el.parentElement!.querySelector('#before') as HTMLButtonElement).focus();
      await sendKeys({ press: 'Tab' });
      await expect(el).to.be.accessible();
    });
  }
});
