import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { FcButton, FcIdentity, FcLoginBlock, FcProfileForm } from '../src/index.js';
import identities from './fixtures/identities.json' with { type: 'json' };

// What React, Vue and Angular do: they write properties (and sometimes attributes),
// in one task or across frames. Every sequence must end where the last write says,
// exactly as an element created with that value.

const { simple, usage_name } = identities.identities as Record<string, FcIdentity>;

const frame = () => new Promise((r) => requestAnimationFrame(r));

async function settle(el: Element) {
  for (let i = 0; i < 3; i += 1) {
    await (el as FcButton).updateComplete;
    await frame();
  }
}

/** The rendered state, shadow roots included: tags, attributes, states, text. */
function snapshot(root: Node): string {
  const out: string[] = [];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Element) {
        const attrs = [...child.attributes].map((a) => `${a.name}=${a.value}`).sort().join(' ');
        const state = child instanceof HTMLButtonElement || child instanceof HTMLInputElement ? ` disabled:${child.disabled}` : '';
        out.push(`<${child.localName} ${attrs}${state}>`);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      } else if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
        out.push(child.textContent!.trim());
      }
    }
  };
  walk(root);
  return out.join('\n');
}

/** What activating the button does: the fc-activate detail, or "nothing". */
function activation(el: Element): string {
  let button: Element = el;
  if (el.localName === 'fc-login-block') button = el.shadowRoot!.querySelector('fc-button')!;
  let seen = 'nothing';
  const listener = (e: Event) => {
    e.preventDefault();
    seen = JSON.stringify((e as CustomEvent).detail);
  };
  el.addEventListener('fc-activate', listener);
  button.shadowRoot!.querySelector('button')!.click();
  el.removeEventListener('fc-activate', listener);
  return seen;
}

type Write = ['prop' | 'attr', unknown] | ['frame'];

interface Case {
  tag: 'fc-button' | 'fc-login-block' | 'fc-profile-form';
  prop: string;
  attr: string;
  values: [unknown, unknown];
  /** How a value is written as an attribute (null removes it). */
  toAttr: (value: unknown) => string | null;
}

const bool = (v: unknown) => (v ? '' : null);
const same = (v: unknown) => (v == null ? null : String(v));
const CASES: Case[] = [];
for (const tag of ['fc-button', 'fc-login-block'] as const) {
  CASES.push(
    { tag, prop: 'disabled', attr: 'disabled', values: [true, false], toAttr: bool },
    { tag, prop: 'plus', attr: 'plus', values: [true, false], toAttr: bool },
    { tag, prop: 'variant', attr: 'variant', values: ['data', 'login'], toAttr: same },
    { tag, prop: 'theme', attr: 'theme', values: ['dark', 'light'], toAttr: same },
    { tag, prop: 'href', attr: 'href', values: ['/auth/a', '/auth/b'], toAttr: same },
  );
}
CASES.push({
  tag: 'fc-profile-form',
  prop: 'identity',
  attr: 'identity',
  values: [simple, usage_name],
  toAttr: (v) => (v == null ? null : JSON.stringify(v)),
});

/** Sequences of writes, each ending on a value; [a, b] are the case's two values. */
function sequences(a: unknown, b: unknown): Array<[string, Write[]]> {
  return [
    ['a, b, a as properties in one task', [['prop', a], ['prop', b], ['prop', a]]],
    ['a, b, a as properties across frames', [['prop', a], ['frame'], ['prop', b], ['frame'], ['prop', a]]],
    ['b, a as properties across frames', [['prop', b], ['frame'], ['prop', a]]],
    ['a, then b as properties across frames (disabled: true then false)', [['prop', a], ['frame'], ['prop', b]]],
    ['a as attribute, b as property, a as attribute', [['attr', a], ['frame'], ['prop', b], ['frame'], ['attr', a]]],
    ['a as property, b as attribute, a as property', [['prop', a], ['frame'], ['attr', b], ['frame'], ['prop', a]]],
    ['a as property then b as attribute in one task', [['prop', a], ['attr', b]]],
  ];
}

describe('Every public property round-trips through property and attribute writes', () => {
  for (const c of CASES) {
    for (const [name, writes] of sequences(c.values[0], c.values[1])) {
      it(`<${c.tag}> ${c.prop}: ${name}`, async () => {
        const wrapper = await fixture<HTMLFormElement>(html`<form></form>`);
        wrapper.addEventListener('submit', (e) => e.preventDefault());
        const el = document.createElement(c.tag) as unknown as HTMLElement & Record<string, unknown>;
        wrapper.append(el);
        await settle(el);
        let last: unknown;
        for (const write of writes) {
          if (write[0] === 'frame') {
            await frame();
            continue;
          }
          last = write[1];
          if (write[0] === 'prop') el[c.prop] = write[1];
          else {
            const value = c.toAttr(write[1]);
            if (value === null) el.removeAttribute(c.attr);
            else el.setAttribute(c.attr, value);
          }
        }
        await settle(el);

        // The reference: a new element given the last value once, as a property.
        const reference = document.createElement(c.tag) as unknown as HTMLElement & Record<string, unknown>;
        reference[c.prop] = last;
        wrapper.append(reference);
        await settle(reference);
        expect(el[c.prop], 'the property reads back').to.deep.equal(reference[c.prop]);
        expect(snapshot(el.shadowRoot!), 'what is rendered').to.equal(snapshot(reference.shadowRoot!));
        if (c.tag !== 'fc-profile-form') {
          expect(activation(el), 'what activation does').to.equal(activation(reference));
        }
      });
    }
  }
});

describe('disabled, then enabled again: the button works (a button disabled while a page loads)', () => {
  for (const tag of ['fc-button', 'fc-login-block'] as const) {
    it(`<${tag}>: disabled = true, then false in the next frame: enabled, activates`, async () => {
      const el = await fixture<FcButton | FcLoginBlock>(
        tag === 'fc-button' ? html`<fc-button href="/auth"></fc-button>` : html`<fc-login-block href="/auth"></fc-login-block>`,
      );
      el.disabled = true;
      await settle(el);
      el.disabled = false;
      await settle(el);
      const inner = tag === 'fc-button' ? el : el.shadowRoot!.querySelector('fc-button')!;
      expect(inner.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
      expect(activation(el)).to.equal(JSON.stringify({ href: new URL('/auth', location.href).href }));
    });
  }

  it('a disabled fieldset still disables, and enabling it re-enables', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fieldset disabled><fc-button href="/x"></fc-button></fieldset></form>`);
    const el = form.querySelector('fc-button')!;
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(true);
    el.disabled = true;
    await settle(el);
    el.disabled = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')!.disabled, 'the fieldset still disables').to.equal(true);
    form.querySelector('fieldset')!.disabled = false;
    await settle(el);
    expect(el.shadowRoot!.querySelector('button')!.disabled).to.equal(false);
  });
});

describe('el.click() activates like a native button', () => {
  it('<fc-button>.click(): fc-activate once, then the 3 s guard ignores a second click', async () => {
    const el = await fixture<FcButton>(html`<fc-button href="/auth"></fc-button>`);
    const details: unknown[] = [];
    el.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      details.push(e.detail);
    });
    el.click();
    el.click();
    expect(details).to.deep.equal([{ href: new URL('/auth', location.href).href }]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('button')!.getAttribute('aria-busy')).to.equal('true');
  });

  it('<fc-button>.click() submits its form, as a native submit button', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><fc-button name="via" value="fc"></fc-button></form>`);
    const data: FormData[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      data.push(new FormData(form, e.submitter));
    });
    form.querySelector('fc-button')!.click();
    expect(data).to.have.length(1);
  });

  it('a disabled <fc-button>.click() does nothing', async () => {
    const el = await fixture<FcButton>(html`<fc-button href="/auth" disabled></fc-button>`);
    let fired = 0;
    el.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      fired += 1;
    });
    el.click();
    expect(fired).to.equal(0);
  });

  it('<fc-login-block>.click() and its button’s click() activate through the block', async () => {
    const el = await fixture<FcLoginBlock>(html`<fc-login-block href="/auth"><a href="/x">Autre</a></fc-login-block>`);
    const details: unknown[] = [];
    el.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      details.push(e.detail);
    });
    el.click();
    expect(details).to.deep.equal([{ href: new URL('/auth', location.href).href }]);
    const other = await fixture<FcLoginBlock>(html`<fc-login-block href="/auth2"></fc-login-block>`);
    other.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      details.push(e.detail);
    });
    other.shadowRoot!.querySelector('fc-button')!.click();
    expect(details[1]).to.deep.equal({ href: new URL('/auth2', location.href).href });
    // A click on the slotted content is not an activation.
    el.querySelector('a')!.addEventListener('click', (e) => e.preventDefault());
    el.querySelector('a')!.click();
    expect(details).to.have.length(2);
  });
});

describe('identity round-trips through null too', () => {
  it('identity object → null → object, across frames, as a framework does', async () => {
    const el = await fixture<FcProfileForm>(html`<fc-profile-form></fc-profile-form>`);
    el.identity = simple;
    await settle(el);
    el.identity = null;
    await settle(el);
    expect(el.shadowRoot!.querySelectorAll('[data-locked]').length).to.equal(0);
    el.identity = usage_name;
    await settle(el);
    expect(el.identity!.family_name).to.equal(usage_name.family_name);
  });
});
