import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/index.js';
import type { FcAccount, FcButton, FcLoginBlock } from '../src/index.js';
import {
  SPEC_COLOURS,
  accessibleDescription,
  captureConsole,
  centre,
  contrast,
  hex,
  naturalWidth,
  resetMouse,
} from './helpers.js';

/*
 * provider="proconnect" (docs/qualification.md#proconnect): ProConnect's button page
 * (proconnect-gouv/proconnect-espace-partenaires, src/pages/docs/fournisseur-service/
 * bouton_proconnect.md) and the DSFR 1.15 connect component (fr-connect--pro).
 */

type Theme = 'light' | 'dark';
type State = 'static' | 'hover' | 'active' | 'focus-visible' | 'disabled';

const inner = (el: FcButton, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;
const LINK = 'Qu’est-ce que ProConnect\u00a0?';
const URL_PRO = 'https://www.proconnect.gouv.fr/';

async function stage(theme: Theme, disabled = false) {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div style="display:inline-block;padding:8px;background:${SPEC_COLOURS[theme].page}">
      <fc-button provider="proconnect" theme=${theme} ?disabled=${disabled}></fc-button>
    </div>
  `);
  const el = wrapper.querySelector('fc-button')!;
  await el.updateComplete;
  return { wrapper, el };
}

async function enter(el: FcButton, state: State) {
  const button = inner(el, '.button');
  if (state === 'hover' || state === 'active') await sendMouse({ type: 'move', position: centre(button) });
  if (state === 'active') await sendMouse({ type: 'down' });
  if (state === 'focus-visible') {
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
  }
}

describe('<fc-button provider="proconnect">: every theme × state', () => {
  afterEach(async () => {
    await sendMouse({ type: 'up' }).catch(() => undefined);
    await resetMouse();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const state of ['static', 'hover', 'active', 'focus-visible', 'disabled'] as const) {
      const name = `pc-button-${theme}-${state}`;
      it(name, async () => {
        const { wrapper, el } = await stage(theme, state === 'disabled');
        await enter(el, state);
        const button = inner(el, '.button');

        // 214 × 56: ProConnect's button page, host and inner button alike.
        for (const box of [el.getBoundingClientRect(), button.getBoundingClientRect()]) {
          expect(box.width, 'width').to.equal(214);
          expect(box.height, 'height').to.equal(56);
        }

        // FranceConnect's DSFR colours, which fr-connect--pro shares (#000091, hover #1212ff
        // on ProConnect's page too).
        const style = getComputedStyle(button);
        const expected = SPEC_COLOURS[theme][state === 'focus-visible' ? 'static' : state];
        expect(hex(style.backgroundColor), 'background').to.equal(expected.bg);
        expect(hex(style.color), 'text').to.equal(expected.fg);

        if (state === 'focus-visible') {
          expect(el.shadowRoot!.activeElement).to.equal(button);
          expect(style.outlineStyle).to.equal('solid');
          expect(style.outlineWidth).to.equal('2px');
          expect(contrast(hex(style.outlineColor), SPEC_COLOURS[theme].page)).to.be.at.least(3);
        } else {
          expect(style.outlineStyle).to.equal('none');
        }

        // « S’identifier avec » / « ProConnect », each line whole, ≥ 5 % spare width.
        const lines = [...button.querySelectorAll<HTMLElement>('.line')];
        expect(lines.map((l) => l.textContent!.trim())).to.deep.equal(['S’identifier avec', 'ProConnect']);
        const room =
          button.getBoundingClientRect().right - parseFloat(style.paddingRight) - inner(el, '.label').getBoundingClientRect().left;
        for (const line of lines) {
          expect(parseFloat(getComputedStyle(line).fontSize)).to.be.at.least(12);
          expect(naturalWidth(line), `"${line.textContent}" spare width`).to.be.at.most(room * 0.95);
        }
        // The text starts after the logo.
        expect(inner(el, '.label').getBoundingClientRect().left).to.be.at.least(inner(el, '.logo').getBoundingClientRect().right);
        expect(button.querySelector('.glyph'), 'no FranceConnect+ glyph').to.equal(null);

        const snapshot = accessibleDescription(button);
        expect(snapshot).to.contain('button "S’identifier avec ProConnect"');
        if (state === 'disabled') expect(snapshot).to.contain('[disabled]');

        await expect(wrapper).to.be.accessible();
        await visualDiff(wrapper, name);
      });
    }
  }
});

describe('<fc-button provider="proconnect">: logo', () => {
  it('is ProConnect’s published file (54 × 48, decorative), pixel for pixel', async () => {
    const el = await fixture<FcButton>(html`<fc-button provider="proconnect"></fc-button>`);
    const logo = inner(el, '.logo') as unknown as SVGSVGElement;
    expect(logo.getAttribute('viewBox')).to.equal('0 0 54 48');
    expect(logo.getAttribute('aria-hidden')).to.equal('true');
    const box = logo.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([54, 48]);
    const officialText = await (await fetch('/scripts/vendor/proconnect-logo.svg')).text();
    const official = new DOMParser().parseFromString(officialText, 'image/svg+xml');
    // The build merges shapes of one colour (SVGO): the same colours, then the same pixels.
    const colours = (root: ParentNode) =>
      [...new Set([...root.querySelectorAll('path, rect')].map((p) => p.getAttribute('fill')!.toLowerCase().replace(/^white$|^#ffffff$/, '#fff')))].sort();
    expect(colours(logo)).to.deep.equal(colours(official));
    expect(colours(logo)).to.have.length(5);
    expect(logo.querySelectorAll('path, rect').length).to.equal(official.querySelectorAll('path, rect').length);
    // Drawn side by side at 1 × and 4 ×. The build's SVGO pass (generate-logos.mjs, as for
    // FranceConnect's logo) rewrites the path data: the file's tiny corner curves become arcs,
    // which moves a few edge pixels at 4 × (21 channel values over 128 of 165,888 in
    // Chromium). A moved, lost or recoloured shape changes thousands.
    const draw = async (text: string, scale: number) => {
      const img = new Image();
      img.src = `data:image/svg+xml,${encodeURIComponent(text)}`;
      await img.decode();
      const canvas = new OffscreenCanvas(54 * scale, 48 * scale);
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0, 54 * scale, 48 * scale);
      return context.getImageData(0, 0, 54 * scale, 48 * scale).data;
    };
    const ours = `<svg xmlns="http://www.w3.org/2000/svg" width="54" height="48" viewBox="0 0 54 48">${logo.innerHTML}</svg>`;
    for (const scale of [1, 4]) {
      const [a, b] = [await draw(officialText, scale), await draw(ours, scale)];
      let far = 0;
      let total = 0;
      for (let i = 0; i < a.length; i += 1) {
        const d = Math.abs(a[i] - b[i]);
        total += d;
        if (d > 128) far += 1;
      }
      expect(far / a.length, `share of channels off by more than half at ${scale} ×`).to.be.at.most(0.0005);
      expect(total / a.length, `mean difference at ${scale} ×`).to.be.at.most(1);
    }
  });

  it('FranceConnect keeps its own logo', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    expect(inner(el, '.logo').getAttribute('viewBox')).to.equal('0 0 40 48');
  });
});

describe('<fc-button provider="proconnect">: homothetic enlargement', () => {
  for (const scale of [1.5, 2]) {
    it(`scale ${scale}: ${214 * scale} × ${56 * scale}, text and logo alike`, async () => {
      const el = await fixture<FcButton>(html`<fc-button provider="proconnect" style="--fc-button-scale:${scale}"></fc-button>`);
      const box = inner(el, '.button').getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([214 * scale, 56 * scale]);
      const logo = inner(el, '.logo').getBoundingClientRect();
      expect([logo.width, logo.height]).to.deep.equal([54 * scale, 48 * scale]);
      const sizes = [...el.shadowRoot!.querySelectorAll('.line')].map((l) => parseFloat(getComputedStyle(l).fontSize));
      expect(sizes).to.deep.equal([17 * scale, 18 * scale]);
      expect(inner(el, '.label').getBoundingClientRect().left - box.left).to.equal(70 * scale);
    });
  }
});

describe('<fc-button provider="proconnect">: bad values', () => {
  it('plus with proconnect: one warning naming the element and the value, ProConnect kept', async () => {
    const { result: el, warnings } = await captureConsole(async () => {
      const e = await fixture<FcButton>(html`<fc-button provider="proconnect" plus></fc-button>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(inner(el, '.button').getAttribute('aria-label')).to.equal('S’identifier avec ProConnect');
    expect(el.getBoundingClientRect().width).to.equal(214);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-button>').and.contain('[fc-proconnect-option]').and.contain('plus');
  });

  it('variant="data" with proconnect: one warning, the login button', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcButton>(html`<fc-button provider="proconnect" variant="data"></fc-button>`),
    );
    expect(inner(el, '.button').getAttribute('aria-label')).to.equal('S’identifier avec ProConnect');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('[fc-proconnect-option]').and.contain('variant="data"');
  });

  it('an unknown provider falls back to FranceConnect with one warning naming it', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcButton>(html`<fc-button provider="AgentConnect"></fc-button>`),
    );
    expect(inner(el, '.button').getAttribute('aria-label')).to.equal('S’identifier avec FranceConnect');
    expect(el.getBoundingClientRect().width).to.equal(209);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-button>').and.contain('"AgentConnect"').and.contain('"franceconnect"');
  });

  it('switching provider repaints at once', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    el.provider = 'proconnect';
    await el.updateComplete;
    expect(el.getAttribute('provider')).to.equal('proconnect');
    expect(el.getBoundingClientRect().width).to.equal(214);
    el.removeAttribute('provider');
    await el.updateComplete;
    expect(el.getBoundingClientRect().width).to.equal(209);
  });
});

describe('<fc-button provider="proconnect">: same-window navigation', () => {
  it('activation announces the URL and never opens a window', async () => {
    const el = await fixture<FcButton>(html`<fc-button provider="proconnect" href="/auth/proconnect/login?x=1"></fc-button>`);
    const opened: unknown[] = [];
    const open = window.open;
    window.open = (...args: unknown[]) => (opened.push(args), null);
    try {
      let href: string | null | undefined;
      el.addEventListener('fc-activate', (e) => {
        href = e.detail.href;
        e.preventDefault();
      }, { once: true });
      inner(el, '.button').click();
      expect(href).to.equal(new URL('/auth/proconnect/login?x=1', location.href).href);
      expect(opened).to.deep.equal([]);
    } finally {
      window.open = open;
    }
  });
});

describe('<fc-login-block provider="proconnect">', () => {
  const part = (el: FcLoginBlock, selector: string) => el.shadowRoot!.querySelector(selector) as HTMLElement;

  it('no FranceConnect sentence; its heading; ProConnect’s link in a new window, announced', async () => {
    const el = await fixture<FcLoginBlock>(html`<fc-login-block provider="proconnect" theme="light"></fc-login-block>`);
    expect(part(el, '.description'), 'no explanatory sentence').to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('FranceConnect');
    expect(part(el, '[part~="heading"]').textContent).to.equal('Se connecter avec ProConnect');
    const link = part(el, '.info a') as HTMLAnchorElement;
    expect(link.href).to.equal(URL_PRO);
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.contain('noopener');
    expect(link.title).to.equal(`${LINK} - nouvelle fenêtre`);
    const spaces = (t: string) => t.replace(/\s+/g, ' ');
    expect(spaces(accessibleDescription(link))).to.contain(spaces(`link "${LINK} - nouvelle fenêtre"`));
    const button = part(el, 'fc-button') as FcButton;
    expect(button.provider).to.equal('proconnect');
    expect(inner(button, '.button').getAttribute('aria-label')).to.equal('S’identifier avec ProConnect');
  });

  it('inscription: its heading', async () => {
    const el = await fixture<FcLoginBlock>(html`<fc-login-block provider="proconnect" section="inscription"></fc-login-block>`);
    expect(part(el, '[part~="heading"]').textContent).to.equal('Se créer un compte avec ProConnect');
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: the link 12 px under the button (the DSFR's margin), the « OU » line before other ways in; axe; baseline`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="padding:16px;width:420px;background:${SPEC_COLOURS[theme].page}">
          <fc-login-block provider="proconnect" theme=${theme}>
            <a href="/login/password" style="color:${theme === 'light' ? '#000091' : '#8585f6'}">Se connecter avec un mot de passe</a>
          </fc-login-block>
        </div>
      `);
      const el = wrapper.querySelector('fc-login-block')!;
      await el.updateComplete;
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const button = part(el, 'fc-button').getBoundingClientRect();
      const link = part(el, '.info a').getBoundingClientRect();
      expect(link.top - button.bottom).to.equal(12);
      expect([button.width, button.height]).to.deep.equal([214, 56]);
      const separator = part(el, 'fc-separator');
      expect(separator, 'the « OU » line').not.to.equal(null);
      expect(separator.getBoundingClientRect().top).to.be.at.least(link.bottom);
      expect(separator.shadowRoot!.textContent!.trim().toUpperCase()).to.contain('OU');
      expect(hex(getComputedStyle(part(el, '.info a')).color)).to.equal(theme === 'light' ? '#000091' : '#8585f6');
      await expect(wrapper).to.be.accessible();
      await visualDiff(wrapper, `pc-login-block-${theme}`);
    });
  }

  it('plus and variant="data" warn once each, naming the block, and the ProConnect block stays', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcLoginBlock>(html`<fc-login-block provider="proconnect" plus variant="data"></fc-login-block>`),
    );
    expect(part(el, '[part~="heading"]').textContent).to.equal('Se connecter avec ProConnect');
    expect((part(el, '.info a') as HTMLAnchorElement).href).to.equal(URL_PRO);
    expect(part(el, '.description')).to.equal(null);
    expect(warnings).to.have.length(2);
    for (const w of warnings) expect(w).to.contain('<fc-login-block>').and.contain('[fc-proconnect-option]');
  });

  it('Tab reaches the button, then the link', async () => {
    const el = await fixture<FcLoginBlock>(html`<fc-login-block provider="proconnect"></fc-login-block>`);
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    const button = part(el, 'fc-button') as FcButton;
    expect(button.shadowRoot!.activeElement).to.equal(inner(button, '.button'));
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, '.info a'));
  });
});

describe('a page for the public and for agents: two blocks, each first in its own section', () => {
  it('FranceConnect’s block and ProConnect’s, each with its heading, sentence only for FranceConnect', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="display:flex;gap:32px;flex-wrap:wrap;padding:16px;background:#ffffff">
        <section style="width:420px">
          <fc-login-block heading="Vous êtes un particulier" theme="light"></fc-login-block>
        </section>
        <section style="width:420px">
          <fc-login-block provider="proconnect" heading="Vous êtes un agent public" theme="light"></fc-login-block>
        </section>
      </div>
    `);
    const [fc, pc] = [...wrapper.querySelectorAll('fc-login-block')];
    await fc.updateComplete;
    await pc.updateComplete;
    expect(fc.shadowRoot!.querySelector('.description')).not.to.equal(null);
    expect(pc.shadowRoot!.querySelector('.description')).to.equal(null);
    expect(fc.complianceWarnings).to.deep.equal([]);
    expect(pc.complianceWarnings).to.deep.equal([]);
    await expect(wrapper).to.be.accessible();
  });
});

describe('<fc-account provider="proconnect">', () => {
  const agent = { given_name: 'Camille', usual_name: 'Martin', email: 'camille.martin@example.gouv.fr', organization_label: 'Direction du numérique' };
  const nameOf = (el: FcAccount) => (el.shadowRoot!.querySelector('[part~="name"]') as HTMLElement).textContent;

  it('shows given_name, usual_name and the organisation, linked to the profile', async () => {
    const el = await fixture<FcAccount>(html`
      <fc-account provider="proconnect" profile-href="/agents/profil" logout-href="/agents/logout" identity=${JSON.stringify(agent)}></fc-account>
    `);
    expect(nameOf(el)).to.equal('Camille Martin, Direction du numérique');
    const link = el.shadowRoot!.querySelector('a')!;
    expect(accessibleDescription(link)).to.contain('Camille Martin, Direction du numérique (mon profil)');
    await expect(el).to.be.accessible();
  });

  it('without organization_label, the name alone; FranceConnect’s claims are not an agent’s name', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcAccount>(html`
        <fc-account provider="proconnect" profile-href="/p" logout-href="/l" .identity=${{ given_name: 'Camille', usual_name: 'Martin' }}></fc-account>
      `),
    );
    expect(nameOf(el)).to.equal('Camille Martin');
    expect(warnings).to.deep.equal([]);
    el.identity = { given_name: 'Camille', preferred_username: 'Dupont', family_name: 'Durand' };
    await el.updateComplete;
    expect(nameOf(el), 'ProConnect sends usual_name, not preferred_username').to.equal('Camille');
  });

  it('FranceConnect (default) ignores usual_name and organization_label', async () => {
    const el = await fixture<FcAccount>(html`
      <fc-account profile-href="/p" logout-href="/l" .identity=${{ ...agent, family_name: 'Durand' }}></fc-account>
    `);
    expect(nameOf(el)).to.equal('Camille Durand');
  });

  it('identity data is text, never markup', async () => {
    const hostile = { given_name: '<img src=x onerror=alert(1)>', usual_name: 'Martin', organization_label: '<b>DINUM</b><script>alert(1)</script>' };
    const el = await fixture<FcAccount>(html`
      <fc-account provider="proconnect" profile-href="/p" logout-href="/l" identity=${JSON.stringify(hostile)}></fc-account>
    `);
    const name = el.shadowRoot!.querySelector('[part~="name"]')!;
    expect(name.querySelector('img, b, script')).to.equal(null);
    expect(name.textContent).to.equal(`${hostile.given_name} Martin, ${hostile.organization_label}`);
  });

  it('an identity with no agent name: one warning, "Connecté"', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcAccount>(html`
        <fc-account provider="proconnect" profile-href="/p" logout-href="/l" .identity=${{ email: 'a@example.gouv.fr' }}></fc-account>
      `),
    );
    expect(nameOf(el)).to.equal('Connecté');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-account>').and.contain('usual_name');
  });

  it('an unknown provider warns once and falls back to FranceConnect', async () => {
    const { result: el, warnings } = await captureConsole(() =>
      fixture<FcAccount>(html`
        <fc-account provider="pro" profile-href="/p" logout-href="/l" .identity=${{ given_name: 'Camille', family_name: 'Durand' }}></fc-account>
      `),
    );
    expect(nameOf(el)).to.equal('Camille Durand');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-account>').and.contain('"pro"');
  });
});
