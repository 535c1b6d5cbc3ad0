import { expect } from '@open-wc/testing';
import type { FcIdentity } from '../src/index.js';
import { SPEC_COLOURS, hex } from './helpers.js';

// Shared by test/{react,vue,angular}.test.ts: a framework's state changes a property
// of <fc-button> and <fc-login-block> back and forth (through its property or its
// attribute binding), the page's own script writes the other way in between, and after
// each step the user sees what the last write says: the label, the width, the colours,
// and what a click does.

/** What the button's bindings say. */
export interface ButtonState {
  disabled: boolean;
  plus: boolean;
  variant: 'login' | 'data';
  theme: 'light' | 'dark';
  href: string;
  provider: 'franceconnect' | 'proconnect';
}

export const BASE: ButtonState = { disabled: false, plus: false, variant: 'login', theme: 'light', href: '/auth', provider: 'franceconnect' };

/** Each property with the value it takes away from BASE; BASE holds the other one. */
export const BUTTON_CASES = [
  ['disabled', true],
  ['plus', true],
  ['variant', 'data'],
  ['theme', 'dark'],
  ['href', '/auth/other'],
  ['provider', 'proconnect'],
] as const satisfies ReadonlyArray<readonly [keyof ButtonState, unknown]>;

/** What a user sees and gets from an <fc-button>, or the button of an <fc-login-block>. */
export function observeButton(el: Element) {
  const host = el.localName === 'fc-login-block' ? el.shadowRoot!.querySelector('fc-button')! : el;
  const button = host.shadowRoot!.querySelector('button')!;
  let activates = 'nothing';
  const listener = (event: Event) => {
    event.preventDefault();
    activates = JSON.stringify((event as CustomEvent).detail);
  };
  el.addEventListener('fc-activate', listener);
  button.click();
  el.removeEventListener('fc-activate', listener);
  // An activation makes the button ignore clicks for 3 s (the double-activation
  // guard); a page restored from the back/forward cache ends that, and so does this.
  window.dispatchEvent(new Event('pageshow'));
  return {
    disabled: button.disabled,
    label: button.getAttribute('aria-label'),
    width: button.getBoundingClientRect().width,
    background: hex(getComputedStyle(button).backgroundColor),
    activates,
  };
}

/** What observeButton must find for `state`. */
export function expectedButton(state: ButtonState) {
  // BASE holds plus false and variant login: ProConnect's case changes the provider alone.
  const pro = state.provider === 'proconnect';
  const brand = pro ? 'ProConnect' : state.plus ? 'FranceConnect+' : 'FranceConnect';
  return {
    disabled: state.disabled,
    label: `${state.variant === 'data' ? 'Récupérer ses données avec' : 'S’identifier avec'} ${brand}`,
    width: pro ? 214 : state.plus ? 245 : 209,
    background: SPEC_COLOURS[state.theme][state.disabled ? 'disabled' : 'static'].bg,
    activates: state.disabled ? 'nothing' : JSON.stringify({ href: new URL(state.href, location.href).href }),
  };
}

/** A value, short, for a step's name. */
function shown(value: unknown): string {
  return value !== null && typeof value === 'object' ? (value as FcIdentity).family_name ?? 'an object' : String(value);
}

/** A value as the attribute a page's script would write (null: removed). */
function asAttribute(value: unknown): string | null {
  if (typeof value === 'boolean') return value ? '' : null;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value == null ? null : String(value);
}

/** The page's own script writes `name` the other way than the framework's binding. */
export function writeOtherWay(el: Element, binding: 'property' | 'attribute', name: string, value: unknown) {
  if (binding === 'attribute') {
    (el as unknown as Record<string, unknown>)[name] = value;
    return;
  }
  const attr = asAttribute(value);
  if (attr === null) el.removeAttribute(name);
  else el.setAttribute(name, attr);
}

export interface Bound {
  el: Element;
  /** How the framework writes to it. */
  binding: 'property' | 'attribute';
}

export interface Framework {
  /** The framework's state changes one value (no re-render awaited). */
  set(name: string, value: unknown): void;
  /** Re-render, and let the elements update. */
  settle(): Promise<void>;
}

/**
 * The sequence every framework goes through for one property: a, b as framework
 * writes across frames (disabled true then false: clickable again); a, b, a in one
 * task; the page's script writing the other way, then the framework again. `check`
 * asserts what is seen after each step, given the value that must win.
 */
export async function roundTrip(
  framework: Framework,
  elements: Bound[],
  name: string,
  [a, b]: [unknown, unknown],
  check: (el: Element, value: unknown, step: string) => void,
) {
  const checkAll = async (value: unknown, step: string) => {
    await framework.settle();
    // A first ProConnect button loads its logo's file before it renders (Lit's updateComplete says when).
    for (const { el } of elements) await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    for (const { el } of elements) check(el, value, `${name}: ${step}`);
  };
  framework.set(name, a);
  await checkAll(a, `framework writes ${shown(a)}`);
  framework.set(name, b);
  await checkAll(b, `then ${shown(b)} (the next frame)`);
  framework.set(name, a);
  await framework.settle();
  framework.set(name, b);
  framework.set(name, a);
  await checkAll(a, 'a, b, a in one task');
  for (const { el, binding } of elements) writeOtherWay(el, binding, name, b);
  await checkAll(b, `the page writes ${shown(b)} the other way`);
  framework.set(name, b);
  await checkAll(b, 'the framework agrees');
  framework.set(name, a);
  await checkAll(a, 'the framework writes again');
  framework.set(name, b);
  await checkAll(b, 'and back');
}

/**
 * roundTrip for each of the button's properties, from BASE. Every property is tried
 * and every failure listed (after one, the property is set back to BASE).
 */
export async function buttonRoundTrips(framework: Framework, elements: Bound[]) {
  const failures: string[] = [];
  for (const [name, value] of BUTTON_CASES) {
    try {
      await roundTrip(framework, elements, name, [value, BASE[name]], (el, now, step) => {
        expect(observeButton(el), `#${el.id} ${step}`).to.deep.equal(expectedButton({ ...BASE, [name]: now }));
      });
    } catch (error) {
      failures.push(String(error));
      for (const { el } of elements) (el as unknown as Record<string, unknown>)[name] = BASE[name];
      framework.set(name, BASE[name]);
      await framework.settle();
    }
  }
  expect(failures).to.deep.equal([]);
}

/** What a user sees of an <fc-profile-form>'s identity: the locked names, or editable fields. */
export function observeProfile(el: Element) {
  const root = el.shadowRoot!;
  const shown = (claim: string) => root.querySelector(`[data-locked="${claim}"] > span`)?.textContent ?? 'editable';
  return {
    family_name: (el as unknown as { identity: FcIdentity | null }).identity?.family_name ?? null,
    shown: [shown('family_name'), shown('given_name')],
  };
}

export function expectedProfile(identity: FcIdentity | null) {
  return {
    family_name: identity?.family_name ?? null,
    shown: identity ? [identity.family_name, identity.given_name] : ['editable', 'editable'],
  };
}

/** identity to another person and back, then to none and back, from `initial`. */
export async function identityRoundTrips(
  framework: Framework,
  elements: Bound[],
  name: string,
  other: FcIdentity,
  initial: FcIdentity,
) {
  for (const a of [other, null]) {
    await roundTrip(framework, elements, name, [a, initial], (el, now, step) => {
      expect(observeProfile(el), `#${el.id} ${step}`).to.deep.equal(expectedProfile(now as FcIdentity | null));
    });
  }
}

/** Two timer turns and two frames: what a framework's scheduler needs to flush, and the elements to update. */
export async function frames() {
  for (let i = 0; i < 2; i += 1) {
    await new Promise((r) => setTimeout(r));
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/**
 * Every round trip on a framework's test page, whose elements are `#<prefix>-block`,
 * `-button`, `-button-attr`, `-block-attr` (disabled, plus, variant, theme, href) and
 * `-profile`, `-profile-attr` (identity: to `other` and back to `initial`).
 */
export async function pageRoundTrips(framework: Framework, container: Element, prefix: string, other: FcIdentity, initial: FcIdentity) {
  const bound = (id: string, binding: Bound['binding']): Bound => ({ el: container.querySelector(`#${prefix}-${id}`)!, binding });
  await framework.settle();
  await buttonRoundTrips(framework, [bound('block', 'property'), bound('button', 'property'), bound('button-attr', 'attribute'), bound('block-attr', 'attribute')]);
  await identityRoundTrips(framework, [bound('profile', 'property'), bound('profile-attr', 'attribute')], 'identity', other, initial);
}
