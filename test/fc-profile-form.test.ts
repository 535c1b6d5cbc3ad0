import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/define/fc-profile-form.js';
import type { FcProfileForm, FcIdentity } from '../src/define/fc-profile-form.js';
import { SPEC_COLOURS, captureConsole, countSubmits, editProfileField, narrowPage, pressCopyShortcut, resetMouse, setViewport } from './helpers.js';
// A verbatim copy of the shared fixtures (fictional people, hostile ones included).
import fixtures from './fixtures/identities.json' with { type: 'json' };

const IDENTITIES = fixtures.identities as Record<string, FcIdentity & { sub: string }>;
/** The element's definition, for a page in an iframe to load (narrowPage). */
const PROFILE_FORM_MODULE = new URL('../src/define/fc-profile-form.ts', import.meta.url).href;
const CLAIMS = [
  'family_name',
  'given_name',
  'birthdate',
  'gender',
  'birthplace',
  'birthcountry',
  'preferred_username',
  'email',
] as const;

const q = <T extends Element = HTMLElement>(el: FcProfileForm, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T;
const locked = (el: FcProfileForm, claim: string) => q(el, `[data-locked="${claim}"]`);
const field = (el: FcProfileForm, claim: string) => q<HTMLInputElement>(el, `[data-claim="${claim}"]`);
const shown = (el: FcProfileForm, claim: string) => locked(el, claim).textContent!.trim();

/** A real form around the element; returns what a submission would send. */
async function inForm(identity: FcIdentity | null, theme = 'light') {
  const form = await fixture<HTMLFormElement>(html`
    <form style="padding:16px;max-width:480px;font-family:arial,sans-serif;background:${SPEC_COLOURS[theme as 'light'].page}">
      <fc-profile-form theme=${theme} .identity=${identity}></fc-profile-form>
      <button id="submit">Enregistrer</button>
    </form>
  `);
  const el = form.querySelector('fc-profile-form')!;
  await el.updateComplete;
  const submitted: Array<Array<[string, string]>> = [];
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submitted.push([...new FormData(form)] as Array<[string, string]>);
  });
  return { form, el, submitted, data: () => Object.fromEntries(new FormData(form)) };
}

/** Scrolls `el` into the middle of the viewport and waits until the page stops scrolling. */
async function inViewAndStill(el: Element) {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const before = window.scrollY;
    await frame();
    await new Promise((r) => setTimeout(r, 50));
    const box = el.getBoundingClientRect();
    if (window.scrollY === before && box.top >= 0 && box.bottom <= window.innerHeight) return;
    if (window.scrollY === before) el.scrollIntoView({ block: 'center' });
  }
  throw new Error('the page kept scrolling, or the text stayed out of view');
}

/** Types into an editable field as a user would. */
async function type(el: FcProfileForm, claim: string, text: string) {
  const input = field(el, claim);
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  // One key at a time, as a person types: WebKit's WebDriver drops a character repeated
  // within one typing command ("99100" became "910"), not one typed on its own.
  for (const character of text) await sendKeys({ type: character });
  await el.updateComplete;
}

describe('<fc-profile-form>: FormData from a real form, for each fixture', () => {
  for (const [name, identity] of Object.entries(IDENTITIES)) {
    if (name === 'hostile') continue;
    it(`${name}: one entry per claim, in claim format, no sub`, async () => {
      const { data } = await inForm(identity);
      const expected = Object.fromEntries(CLAIMS.map((c) => [c, identity[c] ?? '']));
      expect(data()).to.deep.equal(expected);
      expect(data()).not.to.have.property('sub');
    });
  }

  it('hostile: the values are submitted as received (the server decides), never run', async () => {
    const { result, warnings } = await captureConsole(() => inForm(IDENTITIES.hostile));
    const expected = Object.fromEntries(CLAIMS.map((c) => [c, IDENTITIES.hostile[c]]));
    expect(result.data()).to.deep.equal(expected);
    // birthdate, gender, birthplace, birthcountry and email are malformed: one warning each.
    expect(warnings).to.have.length(5);
    for (const claim of ['birthdate', 'gender', 'birthplace', 'birthcountry', 'email']) {
      expect(warnings.some((w) => w.includes(`claim ${claim} `))).to.equal(true, claim);
    }
  });
});

describe('<fc-profile-form>: locked and editable fields (rules 15 and 16)', () => {
  it('six pivot fields are locked, labelled, read-only to assistive technology, in the tab order', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    const labels = [...el.shadowRoot!.querySelectorAll('.label, label')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal([
      'Nom de naissance',
      'Prénoms',
      'Sexe',
      'Date de naissance',
      'Ville de naissance',
      'Pays de naissance',
      'Nom d’usage',
      'Email',
    ]);
    for (const claim of ['family_name', 'given_name', 'gender', 'birthdate', 'birthplace', 'birthcountry']) {
      const value = locked(el, claim);
      expect(value.getAttribute('role')).to.equal('textbox');
      expect(value.getAttribute('aria-readonly')).to.equal('true');
      expect(value.tabIndex).to.equal(0);
      expect(value.querySelector('svg.lock'), 'a lock mark').not.to.equal(null);
      expect(el.shadowRoot!.getElementById(value.getAttribute('aria-describedby')!)!.textContent).to.contain(
        'viennent de FranceConnect',
      );
      expect(field(el, claim), `${claim} has no input`).to.equal(null);
    }
    expect(field(el, 'preferred_username').readOnly).to.equal(false);
    expect(field(el, 'email').value).to.equal('marie.clement@example.fr');
    expect(field(el, 'email').autocomplete).to.equal('email');
    await expect(el).to.be.accessible();
  });

  it('shows dates as JJ/MM/AAAA, genders in French, France by name, codes as codes', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    expect(shown(el, 'birthdate')).to.equal('12/04/1975');
    expect(shown(el, 'gender')).to.equal('Féminin');
    expect(shown(el, 'birthcountry')).to.equal('France');
    expect(shown(el, 'birthplace')).to.equal('69123');
    expect(shown(el, 'given_name')).to.equal('Marie Anne');
    const male = (await inForm(IDENTITIES.usage_name)).el;
    expect(shown(male, 'gender')).to.equal('Masculin');
    expect(shown(male, 'birthplace')).to.equal('2A004');
  });

  it('born abroad: the empty birthplace reads as born abroad; names come from placeName', async () => {
    const { el, data } = await inForm(IDENTITIES.born_abroad);
    expect(shown(el, 'birthplace')).to.equal('Né(e) à l’étranger');
    expect(shown(el, 'birthcountry')).to.equal('99350');
    el.placeName = (kind, code) => (kind === 'country' && code === '99350' ? 'Maroc' : undefined);
    await el.updateComplete;
    expect(shown(el, 'birthcountry')).to.equal('Maroc');
    expect(data().birthcountry, 'submitted as the code').to.equal('99350');
    expect(data().birthplace).to.equal('');
  });

  it('without identity: eight editable fields with fitting controls', async () => {
    const { el } = await inForm(null);
    expect(el.shadowRoot!.querySelectorAll('[data-locked]').length).to.equal(0);
    expect(field(el, 'birthdate').type).to.equal('date');
    expect(field(el, 'gender').localName).to.equal('select');
    expect([...(field(el, 'gender') as unknown as HTMLSelectElement).options].map((o) => o.value)).to.deep.equal([
      '',
      'male',
      'female',
    ]);
    expect(field(el, 'email').type).to.equal('email');
    const tokens = CLAIMS.map((c) => field(el, c).getAttribute('autocomplete'));
    expect(tokens).to.deep.equal(['family-name', 'given-name', 'bday', 'sex', 'off', 'off', 'off', 'email']);
    await expect(el).to.be.accessible();
  });

  // WebKitWebDriver drops a character typed twice in a row ("99100" arrives as "910").
  it('a hand-filled form submits what the user typed, in claim format', async () => {
    const { el, form, submitted } = await inForm(null);
    await type(el, 'family_name', 'MARTIN');
    await type(el, 'given_name', 'Paul');
    editProfileField(el, 'birthdate', '1990-05-17');
    editProfileField(el, 'gender', 'male');
    await type(el, 'birthcountry', '99100');
    await type(el, 'email', 'paul.martin@example.fr');
    form.requestSubmit();
    expect(submitted).to.have.length(1);
    expect(Object.fromEntries(submitted[0])).to.deep.equal({
      family_name: 'MARTIN',
      given_name: 'Paul',
      birthdate: '1990-05-17',
      gender: 'male',
      birthplace: '',
      birthcountry: '99100',
      preferred_username: '',
      email: 'paul.martin@example.fr',
    });
  });
});

describe('<fc-profile-form>: tampering with the DOM changes nothing that is submitted', () => {
  it('1. an inner field given another value', async () => {
    const { el, data } = await inForm(IDENTITIES.simple);
    const before = data();
    locked(el, 'family_name').textContent = 'PIRATE';
    locked(el, 'family_name').dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(data()).to.deep.equal(before);
  });

  it('2. the read-only mark removed and the field typed into', async () => {
    const { el, data } = await inForm(IDENTITIES.simple);
    const before = data();
    const value = locked(el, 'given_name');
    value.removeAttribute('aria-readonly');
    value.setAttribute('contenteditable', 'true');
    value.focus();
    await sendKeys({ type: 'Usurpé' });
    // Even an input planted with the claim's name is not read.
    const planted = document.createElement('input');
    planted.name = 'given_name';
    planted.value = 'Usurpé';
    planted.dataset.claim = 'given_name';
    value.after(planted);
    planted.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(data()).to.deep.equal(before);
  });

  it('3. the attributes of a rendered field edited', async () => {
    const { el, data } = await inForm(IDENTITIES.simple);
    const before = data();
    const value = locked(el, 'birthdate');
    value.setAttribute('data-locked', 'email');
    value.setAttribute('value', '2000-01-01');
    field(el, 'email').setAttribute('name', 'family_name');
    field(el, 'email').setAttribute('data-claim', 'family_name');
    el.requestUpdate();
    await el.updateComplete;
    expect(data().family_name).to.equal(before.family_name);
    expect(data().birthdate).to.equal(before.birthdate);
  });

  it('4. the identity object mutated after it was given', async () => {
    const identity = { ...IDENTITIES.simple };
    const { el, data } = await inForm(identity);
    const before = data();
    identity.family_name = 'PIRATE';
    expect(() => {
      (el.identity as FcIdentity).family_name = 'PIRATE';
    }).to.throw(TypeError);
    el.requestUpdate();
    await el.updateComplete;
    expect(data()).to.deep.equal(before);
  });

  it('only a new identity changes the identity, and it re-renders', async () => {
    const { el, data } = await inForm(IDENTITIES.simple);
    el.identity = IDENTITIES.usage_name;
    await el.updateComplete;
    expect(shown(el, 'family_name')).to.equal('N’DIAYE');
    expect(data().family_name).to.equal('N’DIAYE');
    el.setAttribute('identity', JSON.stringify(IDENTITIES.born_abroad));
    await el.updateComplete;
    expect(shown(el, 'family_name')).to.equal('EL AMRANI');
    expect(data().birthcountry).to.equal('99350');
  });
});

describe('<fc-profile-form>: validation', () => {
  it('an invalid e-mail blocks submission, with a French message tied to the field, focused', async () => {
    const { el, form, submitted } = await inForm(IDENTITIES.simple);
    await type(el, 'email', 'pas-une-adresse');
    document.querySelector<HTMLButtonElement>('#submit')!.click();
    expect(submitted, 'the form did not submit').to.have.length(0);
    await el.updateComplete;
    const email = field(el, 'email');
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const message = el.shadowRoot!.getElementById(email.getAttribute('aria-describedby')!)!;
    expect(message.textContent).to.equal(
      'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.',
    );
    expect(el.validationMessage).to.equal(message.textContent);
    expect(el.shadowRoot!.activeElement, 'focus on the bad field').to.equal(email);
    await expect(el).to.be.accessible();

    await type(el, 'email', 'marie@example.fr');
    expect(email.getAttribute('aria-invalid')).to.equal('false');
    form.requestSubmit();
    expect(submitted).to.have.length(1);
  });

  it('an empty e-mail is refused; reportValidity() focuses it', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    await type(el, 'email', '');
    (document.activeElement as HTMLElement).blur();
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(el.validationMessage).to.equal('Saisissez votre adresse électronique.');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
  });

  it('lengths are bounded', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    expect(field(el, 'email').maxLength).to.equal(254);
    expect(field(el, 'preferred_username').maxLength).to.equal(256);
  });
});

describe('<fc-profile-form>: reset, disabled, events, keyboard', () => {
  it('reset restores the identity’s values; a disabled fieldset disables the fields', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form><fieldset><fc-profile-form .identity=${IDENTITIES.usage_name}></fc-profile-form></fieldset></form>
    `);
    const el = form.querySelector('fc-profile-form')!;
    await el.updateComplete;
    await type(el, 'preferred_username', 'DURAND');
    expect(new FormData(form).get('preferred_username')).to.equal('DURAND');
    form.reset();
    await el.updateComplete;
    expect(field(el, 'preferred_username').value).to.equal('MARTIN');
    expect(new FormData(form).get('preferred_username')).to.equal('MARTIN');
    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(field(el, 'email').disabled).to.equal(true);
    expect(field(el, 'preferred_username').disabled).to.equal(true);
  });

  it('a field written by a script without an input event shows what is submitted again at the next render', async () => {
    const { form, el } = await inForm(IDENTITIES.usage_name);
    field(el, 'preferred_username').value = 'Écrit en douce';
    el.theme = 'dark';
    await el.updateComplete;
    expect(field(el, 'preferred_username').value).to.equal('MARTIN');
    expect(new FormData(form).get('preferred_username')).to.equal('MARTIN');
  });

  it('input and change bubble out of the element for the editable fields', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    const input = oneEvent(el, 'input');
    const change = oneEvent(el, 'change');
    await type(el, 'preferred_username', 'X');
    expect((await input).target).to.equal(el);
    field(el, 'preferred_username').blur();
    expect((await change).target).to.equal(el);
  });

  it('Tab walks the locked values, then the editable fields', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div><input id="start" aria-label="début" /><fc-profile-form .identity=${IDENTITIES.simple}></fc-profile-form></div>
    `);
    const el = wrapper.querySelector('fc-profile-form')!;
    await el.updateComplete;
    wrapper.querySelector<HTMLInputElement>('#start')!.focus();
    const seen: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      await sendKeys({ press: 'Tab' });
      const active = el.shadowRoot!.activeElement as HTMLElement;
      seen.push(active.dataset.locked ?? active.dataset.claim ?? '');
    }
    expect(seen).to.deep.equal([
      'family_name',
      'given_name',
      'gender',
      'birthdate',
      'birthplace',
      'birthcountry',
      'preferred_username',
      'email',
    ]);
  });

  // A real drag and a real Control+C, read through the standard composed-selection API.
  it('locked values can be selected with the mouse and copied', async () => {
    const { el } = await inForm(IDENTITIES.simple);
    const style = getComputedStyle(locked(el, 'family_name'));
    // WebKit knows the property by its prefixed name only.
    expect(style.getPropertyValue('user-select') || style.getPropertyValue('-webkit-user-select')).to.equal('text');
    const text = locked(el, 'family_name').querySelector('span')!;
    // In view, and still: WebKit may still be scrolling the page after an earlier test
    // (it went on moving for half a second), and the drag is aimed at where the text is.
    await inViewAndStill(text);
    const copies: Array<{ from: EventTarget; prevented: boolean }> = [];
    const onCopy = (e: Event) => {
      const from = e.composedPath()[0];
      // Read once every listener had its say: a prevented copy puts nothing on the clipboard.
      setTimeout(() => copies.push({ from, prevented: e.defaultPrevented }));
    };
    document.addEventListener('copy', onCopy);
    try {
      // A user drags across the value, from just before it to just after it.
      const box = text.getBoundingClientRect();
      const y = Math.round(box.top + box.height / 2);
      await sendMouse({ type: 'move', position: [Math.floor(box.left) - 2, y] });
      await sendMouse({ type: 'down' });
      await sendMouse({ type: 'move', position: [Math.ceil(box.right) + 4, y] });
      await sendMouse({ type: 'up' });
      // The selection as the shadow tree has it: getComposedRanges(), the standard way to
      // read a selection inside a shadow tree, in every engine (getSelection()'s own range
      // is not meant to point into one, and WebKit's does not).
      const selection = document.getSelection() as Selection & {
        getComposedRanges(options: { shadowRoots: ShadowRoot[] }): StaticRange[];
      };
      const [selected] = selection.getComposedRanges({ shadowRoots: [el.shadowRoot!] });
      const range = document.createRange();
      range.setStart(selected.startContainer, selected.startOffset);
      range.setEnd(selected.endContainer, selected.endOffset);
      expect(range.toString().trim()).to.equal('CLÉMENT');
      await pressCopyShortcut();
      await waitUntil(() => copies.length > 0, 'Control+C copies');
      expect(copies[0].from, 'copied from the value').to.equal(text);
      expect(copies[0].prevented, 'the element lets the copy happen').to.equal(false);
    } finally {
      document.removeEventListener('copy', onCopy);
      await sendMouse({ type: 'up' }).catch(() => undefined);
      await resetMouse();
    }
  });
});

describe('<fc-profile-form>: bad input', () => {
  it('malformed JSON: one error, nothing shown as verified, the form cannot submit', async () => {
    const { result: form, errors } = await captureConsole(() =>
      fixture<HTMLFormElement>(html`<form><fc-profile-form identity='{"family_name": "CLÉMENT", '></fc-profile-form></form>`),
    );
    const el = form.querySelector('fc-profile-form')!;
    await el.updateComplete;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<fc-profile-form>').and.contain('JSON');
    expect(el.identity).to.equal(null);
    expect(el.shadowRoot!.textContent).not.to.contain('CLÉMENT');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('n’ont pas pu être lues');
    const submits = countSubmits(form);
    form.requestSubmit();
    expect(submits()).to.equal(0);
    expect([...new FormData(form)]).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('hostile values are shown as plain text, locked, and no script runs', async () => {
    const win = window as unknown as { alert: (m?: string) => void; __ran?: boolean };
    const realAlert = win.alert;
    win.__ran = false;
    win.alert = () => {
      win.__ran = true;
    };
    try {
      const {
        result: { el },
      } = await captureConsole(() => inForm(IDENTITIES.hostile));
      await new Promise((r) => setTimeout(r, 100));
      expect(win.__ran, 'no alert() ran').to.equal(false);
      expect(el.shadowRoot!.querySelectorAll('img, script, iframe').length).to.equal(0);
      expect(el.shadowRoot!.querySelectorAll('svg:not(.lock)').length).to.equal(0);
      expect(shown(el, 'given_name')).to.equal("<script>alert('given_name')</script>");
      expect(shown(el, 'family_name')).to.equal('"><svg onload=alert(1)>');
      expect(shown(el, 'birthdate'), 'shown as received').to.equal('1990-13-45');
      expect(shown(el, 'gender')).to.equal('unknown" onmouseover="alert(1)');
      expect(shown(el, 'birthplace')).to.equal('javascript:alert(1)');
      expect(shown(el, 'birthcountry')).to.equal('${alert(1)}');
      expect(field(el, 'preferred_username').value).to.equal("{{constructor.constructor('alert(1)')()}}");
      expect(locked(el, 'gender').getAttribute('aria-readonly')).to.equal('true');
      expect(el.shadowRoot!.textContent).not.to.contain(IDENTITIES.hostile.sub);
    } finally {
      win.alert = realAlert;
    }
  });
});

describe('<fc-profile-form>: layout, themes, accessibility, baselines', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  // WebKitGTK's window stops at 447 px: there, the phone is a 320 px page in an iframe.
  it('long names wrap at 320 px; nothing is clipped or overflows', async () => {
    const phone = await narrowPage({ width: 320, height: 900 }, [PROFILE_FORM_MODULE]);
    try {
      const { win, doc, root } = phone;
      root.innerHTML = `<form style="padding:16px;max-width:480px;font-family:arial,sans-serif;background:#ffffff">
        <fc-profile-form theme="light"></fc-profile-form>
        <button id="submit">Enregistrer</button>
      </form>`;
      const el = root.querySelector('fc-profile-form') as FcProfileForm;
      // The identity as that page's own script would set it: an object of its own realm.
      el.identity = win.JSON.parse(JSON.stringify(IDENTITIES.long_names));
      await el.updateComplete;
      expect(win.innerWidth).to.equal(320);
      const host = el.getBoundingClientRect();
      for (const claim of ['family_name', 'given_name']) {
        const value = locked(el, claim);
        expect(value.scrollWidth).to.be.at.most(value.clientWidth);
        expect(value.getBoundingClientRect().right).to.be.at.most(host.right + 0.5);
        expect(value.getBoundingClientRect().height, `${claim} wraps`).to.be.greaterThan(40);
      }
      expect(doc.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      phone.close();
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [name, identity] of [
      ['identity', IDENTITIES.simple],
      ['no-identity', null],
    ] as const) {
      it(`axe and baseline: ${name}, ${theme}`, async () => {
        const { form, el } = await inForm(identity, theme);
        await expect(el).to.be.accessible();
        await visualDiff(form, `fc-profile-form-${name}-${theme}`);
      });
    }
    it(`axe and baseline: validation error, ${theme}`, async () => {
      const { form, el } = await inForm(IDENTITIES.simple, theme);
      await type(el, 'email', 'x@');
      // checkValidity fires `invalid` like a submission would, without the browser's bubble.
      el.checkValidity();
      await el.updateComplete;
      (document.activeElement as HTMLElement | null)?.blur();
      await expect(el).to.be.accessible();
      await visualDiff(form, `fc-profile-form-error-${theme}`);
    });
  }
});

describe('<fc-profile-form>: identity before the element is defined', () => {
  it('a property set before the element is defined is taken over; the attribute still maps to it', async () => {
    const { simple, usage_name } = fixtures.identities as Record<string, FcIdentity>;
    const wrapper = await fixture(html`<div></div>`);
    const el = document.createElement('fc-profile-form-later') as HTMLElement & { identity?: unknown };
    el.identity = simple;
    wrapper.append(el);
    customElements.define('fc-profile-form-later', class extends (customElements.get('fc-profile-form')!) {});
    await (el as FcProfileForm).updateComplete;
    expect(Object.hasOwn(el, 'identity'), 'the accessor is in charge').to.equal(false);
    expect((el as FcProfileForm).identity).to.deep.equal(simple);
    expect(el.shadowRoot!.querySelector('[data-locked="family_name"]')!.textContent).to.contain('CLÉMENT');
    el.setAttribute('identity', JSON.stringify(usage_name));
    await (el as FcProfileForm).updateComplete;
    expect(el.shadowRoot!.querySelector('[data-locked="family_name"]')!.textContent).to.contain('N’DIAYE');
    el.removeAttribute('identity');
    await (el as FcProfileForm).updateComplete;
    expect((el as FcProfileForm).identity).to.equal(null);
  });
});
