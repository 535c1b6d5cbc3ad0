import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { FcAccount, FcButton, FcLoginBlock, FcProfileForm, FcSeparator } from '../src/index.js';
import { captureConsole, countSubmits } from './helpers.js';

// A framework passes numbers, URL objects, arrays, null, symbols: no value throws,
// a bad one is reported once, naming the element the page wrote, and falls back.

const frame = () => new Promise((r) => requestAnimationFrame(r));

/** Runs `fn`, then waits two frames; collects console output and uncaught errors. */
async function watch(fn: () => unknown | Promise<unknown>) {
  const thrown: string[] = [];
  const onError = (e: ErrorEvent) => {
    thrown.push(String(e.message));
    e.preventDefault();
  };
  const onRejection = (e: PromiseRejectionEvent) => {
    thrown.push(String(e.reason));
    e.preventDefault();
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    const { warnings, errors } = await captureConsole(async () => {
      try {
        await fn();
      } catch (error) {
        thrown.push(String(error));
      }
      await frame();
      await frame();
    });
    return { thrown, warnings, errors };
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
}

const odd = () => {
  const bare = Object.create(null);
  return [42, 0, true, {}, [], ['/a'], Symbol('x'), bare, () => 1, 10n];
};

describe('href: a URL object, or refused', () => {
  it('a URL object is followed as the URL it is', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    const details: unknown[] = [];
    el.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      details.push(e.detail);
    });
    const { thrown, errors } = await watch(async () => {
      el.href = new URL('https://app.example.fr/login?x=1');
      await el.updateComplete;
      el.shadowRoot!.querySelector('button')!.click();
    });
    expect(thrown).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    expect(details).to.deep.equal([{ href: 'https://app.example.fr/login?x=1' }]);
  });

  for (const value of odd()) {
    it(`href = ${typeof value === 'symbol' ? 'Symbol()' : Array.isArray(value) ? `[${value}]` : typeof value === 'object' ? 'an object' : String(value)}: one error, nothing happens, the button stays`, async () => {
      // In a form: a refused href must not fall back to submitting it.
      const form = await fixture<HTMLFormElement>(html`<form><fc-button></fc-button></form>`);
      const submits = countSubmits(form);
      const el = form.querySelector('fc-button')!;
      let activations = 0;
      el.addEventListener('fc-activate', () => (activations += 1));
      const { thrown, errors } = await watch(async () => {
        (el as unknown as { href: unknown }).href = value;
        await el.updateComplete;
        el.shadowRoot!.querySelector('button')!.click();
        el.click();
      });
      expect(thrown).to.deep.equal([]);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<fc-button>');
      expect(activations).to.equal(0);
      expect(submits()).to.equal(0);
      const box = el.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([209, 56]);
    });
  }

  it('a 100 KB javascript: URL is quoted cut to about 200 characters', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    const { errors } = await watch(async () => {
      el.href = `javascript:${'a'.repeat(100_000)}`;
      await el.updateComplete;
      el.click();
    });
    expect(errors).to.have.length(1);
    expect(errors[0].length).to.be.below(600);
    expect(errors[0]).to.contain('javascript:aaaa');
  });
});

describe('text properties: numbers as text, anything else falls back once', () => {
  it('<fc-login-block> heading and <fc-separator> label take a number as text', async () => {
    const block = await fixture<FcLoginBlock>(html`<fc-login-block></fc-login-block>`);
    const sep = await fixture<FcSeparator>(html`<fc-separator></fc-separator>`);
    const { thrown, warnings } = await watch(async () => {
      (block as unknown as { heading: unknown }).heading = 2026;
      (sep as unknown as { label: unknown }).label = 3;
    });
    expect(thrown).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
    expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('2026');
    expect(sep.shadowRoot!.textContent!.trim()).to.equal('3');
  });

  for (const value of odd().filter((v) => typeof v !== 'number' && typeof v !== 'bigint')) {
    it(`heading, label, name, value, heading-level = ${typeof value === 'symbol' ? 'Symbol()' : typeof value}: one warning each, defaults used`, async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fc-login-block><a href="/x">Autre</a></fc-login-block></form>`);
      const block = form.querySelector('fc-login-block')! as unknown as Record<string, unknown> & FcLoginBlock;
      const sep = await fixture<FcSeparator>(html`<fc-separator></fc-separator>`);
      const submits = countSubmits(form);
      const { thrown, warnings } = await watch(async () => {
        block.heading = value;
        block.name = value;
        block.value = value;
        block.headingLevel = value;
        (sep as unknown as { label: unknown }).label = value;
        await block.updateComplete;
        block.click();
      });
      expect(thrown).to.deep.equal([]);
      expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('Se connecter avec FranceConnect');
      expect(sep.shadowRoot!.textContent!.trim()).to.equal('ou');
      expect(submits()).to.equal(1);
      // heading, name, value, heading-level (a boolean is no text either) and label.
      const onBlock = warnings.filter((w) => w.startsWith('<fc-login-block>'));
      expect(onBlock.length, onBlock.join('\n')).to.equal(4);
      expect(warnings.filter((w) => w.startsWith('<fc-separator>'))).to.have.length(1);
      expect(warnings.filter((w) => w.startsWith('<fc-button>')), 'reported as the block only').to.deep.equal([]);
    });
  }

  it('placeName = "Lyon": one warning, the codes are shown; a throwing resolver shows the code too', async () => {
    const el = await fixture<FcProfileForm>(html`<fc-profile-form></fc-profile-form>`);
    const { thrown, warnings } = await watch(async () => {
      (el as unknown as { placeName: unknown }).placeName = 'Lyon';
      el.identity = { family_name: 'A', given_name: 'B', gender: 'female', birthdate: '1980-01-01', birthplace: '69123', birthcountry: '99100' };
      await el.updateComplete;
    });
    expect(thrown).to.deep.equal([]);
    expect(warnings.filter((w) => w.includes('placeName'))).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[data-locked="birthplace"]')!.textContent!.trim()).to.equal('69123');
    const second = await watch(async () => {
      el.placeName = () => {
        throw new Error('no table');
      };
      await el.updateComplete;
    });
    expect(second.thrown).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[data-locked="birthplace"]')!.textContent!.trim()).to.equal('69123');
  });
});

describe('enumerations: any value, one warning naming the element the page wrote', () => {
  it('a bad theme on <fc-login-block> warns once, as the block', async () => {
    const { warnings } = await watch(async () => {
      const el = await fixture<FcLoginBlock>(html`<fc-login-block theme="purple"><a href="/x">Autre</a></fc-login-block>`);
      await el.updateComplete;
    });
    expect(warnings, warnings.join('\n')).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-login-block>').and.contain('purple');
  });

  for (const value of odd()) {
    it(`variant, theme, section = ${typeof value === 'symbol' ? 'Symbol()' : typeof value}: no throw, defaults used`, async () => {
      const el = await fixture<FcLoginBlock>(html`<fc-login-block></fc-login-block>`);
      const button = await fixture<FcButton>(html`<fc-button></fc-button>`);
      const { thrown } = await watch(async () => {
        for (const target of [el, button] as unknown as Array<Record<string, unknown>>) {
          target.variant = value;
          target.theme = value;
          target.plus = value;
          target.disabled = value;
        }
        (el as unknown as Record<string, unknown>).section = value;
        (el as unknown as Record<string, unknown>).noHeading = false;
        await el.updateComplete;
        await button.updateComplete;
      });
      expect(thrown).to.deep.equal([]);
      expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.contain('S’identifier avec');
      expect(el.shadowRoot!.querySelector('fc-button')).not.to.equal(null);
    });

    it(`provider = ${typeof value === 'symbol' ? 'Symbol()' : Array.isArray(value) ? `[${value}]` : typeof value}: no throw, at most one warning per element, FranceConnect`, async () => {
      const el = await fixture<FcLoginBlock>(html`<fc-login-block></fc-login-block>`);
      const button = await fixture<FcButton>(html`<fc-button></fc-button>`);
      const account = await fixture<FcAccount>(html`<fc-account profile-href="/p" logout-href="/l" .identity=${{ given_name: 'Camille', family_name: 'Durand' }}></fc-account>`);
      const { thrown, warnings } = await watch(async () => {
        for (const target of [el, button, account] as unknown as Array<Record<string, unknown>>) target.provider = value;
        await el.updateComplete;
        await button.updateComplete;
        await account.updateComplete;
      });
      expect(thrown).to.deep.equal([]);
      expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('S’identifier avec FranceConnect');
      expect(el.shadowRoot!.querySelector('.description'), 'FranceConnect’s sentence').not.to.equal(null);
      expect(account.shadowRoot!.querySelector('[part~="name"]')!.textContent).to.equal('Camille Durand');
      // Once at most: a value whose text is empty ([] reflects as provider="") means absent.
      for (const tag of ['fc-login-block', 'fc-button', 'fc-account']) {
        expect(warnings.filter((w) => w.startsWith(`<${tag}>`)).length, `${tag}: ${warnings.join('\n')}`).to.be.at.most(1);
      }
      expect(warnings.length, 'a warning names the bad value').to.be.at.least(Array.isArray(value) ? 0 : 1);
    });
  }

  it('provider = "proconnect" with plus = 1 and variant = "data": the ProConnect button, one warning each', async () => {
    const button = await fixture<FcButton>(html`<fc-button></fc-button>`);
    const { thrown, warnings } = await watch(async () => {
      const target = button as unknown as Record<string, unknown>;
      target.provider = 'proconnect';
      target.plus = 1;
      target.variant = 'data';
      await button.updateComplete;
    });
    expect(thrown).to.deep.equal([]);
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-label')).to.equal('S’identifier avec ProConnect');
    expect(warnings.filter((w) => w.includes('[fc-proconnect-option]'))).to.have.length(2);
  });
});

describe('identity: only an object of claims, read by its own keys', () => {
  for (const [name, value] of [
    ['an array', [{ family_name: 'CLÉMENT' }]],
    ['a number', 42],
    ['a boolean', true],
    ['a string that is not JSON', 'CLÉMENT'],
    ['JSON that is an array', '["CLÉMENT"]'],
  ] as const) {
    it(`${name}: one error, nothing shown as verified, notice, the form cannot submit`, async () => {
      const form = await fixture<HTMLFormElement>(html`<form><fc-profile-form></fc-profile-form></form>`);
      const el = form.querySelector('fc-profile-form')!;
      const submits = countSubmits(form);
      const { thrown, errors } = await watch(async () => {
        (el as unknown as { identity: unknown }).identity = value;
        await el.updateComplete;
      });
      expect(thrown).to.deep.equal([]);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<fc-profile-form>').and.contain('JSON');
      expect(el.identity).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[data-locked]').length).to.equal(0);
      expect(el.shadowRoot!.textContent).not.to.contain('CLÉMENT');
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('n’ont pas pu être lues');
      form.requestSubmit();
      expect(submits()).to.equal(0);
    });
  }

  it('{}: what it shows today (every pivot claim "Non transmis"), with one warning', async () => {
    const el = await fixture<FcProfileForm>(html`<fc-profile-form></fc-profile-form>`);
    const { errors, warnings } = await watch(async () => {
      el.identity = {};
      await el.updateComplete;
    });
    expect(errors).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-profile-form>');
    const locked = [...el.shadowRoot!.querySelectorAll('[data-locked]')].map((e) => e.textContent!.trim());
    expect(locked).to.deep.equal(Array(6).fill('Non transmis'));
  });

  it('gender "constructor" is shown as received, never as a function; inherited claims are no claims', async () => {
    const el = await fixture<FcProfileForm>(html`<fc-profile-form></fc-profile-form>`);
    const inherited = Object.create({ family_name: 'PIRATE' });
    inherited.given_name = 'Marie';
    const { thrown } = await watch(async () => {
      el.identity = { family_name: 'CLÉMENT', gender: 'constructor' };
      await el.updateComplete;
    });
    expect(thrown).to.deep.equal([]);
    const gender = el.shadowRoot!.querySelector('[data-locked="gender"]')!.textContent!.trim();
    expect(gender).to.equal('constructor');
    await watch(async () => {
      el.identity = inherited;
      await el.updateComplete;
    });
    expect(el.shadowRoot!.querySelector('[data-locked="family_name"]')!.textContent!.trim()).to.equal('Non transmis');
    expect(el.identity!.family_name).to.equal(undefined);
  });

  it('a claim that is not text is left out with a warning, never shown as "[object Object]"', async () => {
    const el = await fixture<FcProfileForm>(html`<fc-profile-form></fc-profile-form>`);
    const { warnings } = await watch(async () => {
      el.identity = { family_name: { toString: () => 'X' }, given_name: 'Marie' } as never;
      await el.updateComplete;
    });
    expect(warnings.filter((w) => w.includes('family_name'))).to.have.length(1);
    expect(el.shadowRoot!.querySelector('[data-locked="family_name"]')!.textContent!.trim()).to.equal('Non transmis');
  });
});
