/**
 * Reads an element's `identity`: the FranceConnect claims given as an object (property)
 * or as JSON (attribute, or a string property). One reader for every element that
 * shows an identity, so that `<fc-profile-form>` and `<fc-account>` accept and refuse
 * exactly the same input.
 */
import type { PropertyDeclaration } from 'lit';
import { CLAIM_NAMES, FIELDS, formatProblem, type ClaimName, type FcIdentity, type ProClaimName } from './claims.js';
import { errorOnce, quote, warnOnce } from './warn.js';

/**
 * How an element declares `identity`: Lit maps the `identity` attribute (its text,
 * unconverted) to the property, takes over a value set before the element was
 * defined, and leaves the accessor to the element, whose setter calls readIdentity.
 */
export const IDENTITY: PropertyDeclaration = { noAccessor: true };

export interface IdentityReading {
  /** A frozen copy of the known claims, or null when there is none or it was refused. */
  readonly claims: Readonly<FcIdentity> | null;
  /** True when something was given but could not be read as claims (reported once). */
  readonly unreadable: boolean;
}

export interface ReadIdentityOptions {
  /** What the element does with an unreadable identity, for the error message. */
  readonly consequence: string;
  /** Warn about claims in a wrong format (dates, codes…): for elements that show them. */
  readonly checkFormats?: boolean;
  /** Claims read besides FranceConnect's (ProConnect's, for `<fc-account>`). */
  readonly extra?: readonly ProClaimName[];
}

const NONE: IdentityReading = { claims: null, unreadable: false };

function refuse(el: Element, key: string, what: string, options: ReadIdentityOptions): IdentityReading {
  // Never show half-read data as if FranceConnect had verified it.
  errorOnce(el, 'bad-identity', `identity=${key}`, `${what}; ${options.consequence}`);
  return { claims: null, unreadable: true };
}

/**
 * Never throws, whatever `value` is: null/undefined is "no identity"; a string is
 * parsed as JSON; anything but a plain object of claims is refused with one
 * `console.error`. Claim values are kept as text (numbers are written out), so that
 * markup in them is shown as text by Lit, never parsed.
 */
export function readIdentity(el: Element, value: unknown, options: ReadIdentityOptions): IdentityReading {
  if (value === null || value === undefined) return NONE;
  let source: unknown = value;
  if (typeof value === 'string') {
    try {
      source = JSON.parse(value);
    } catch {
      return refuse(el, quote(value), `the identity ("${quote(value)}") is not a JSON object of claims`, options);
    }
  }
  if (source === null || typeof source !== 'object' || Array.isArray(source)) {
    // `null` as JSON, an array, a number, a boolean: a value, but not an object of claims.
    const shown = quote(Array.isArray(value) ? `[${quote(value)}]` : value);
    return refuse(el, shown, `the identity ("${shown}") is not a JSON object of claims`, options);
  }
  const copy: FcIdentity = {};
  const names = [...CLAIM_NAMES, ...(options.extra ?? [])];
  try {
    for (const name of [...names, 'sub'] as const) {
      // A getter or a Proxy may throw: caught below, the identity is then refused.
      // Own keys only: `constructor` or a polluted Object.prototype is no claim.
      const raw: unknown = Object.hasOwn(source, name) ? (source as Record<string, unknown>)[name] : undefined;
      if (raw === undefined || raw === null) continue;
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        const shown = quote(raw);
        warnOnce(el, 'bad-identity', `claim:${name}=${shown}`, `claim ${name} "${shown}" is not text; it is left out.`);
        continue;
      }
      copy[name] = String(raw);
      if (name === 'sub' || !options.checkFormats) continue;
      const problem = formatProblem(name as ClaimName, copy[name]!);
      if (problem) {
        warnOnce(
          el, 'bad-identity',
          `claim:${name}=${quote(copy[name])}`,
          `claim ${name} "${quote(copy[name])}" ${problem}; it is shown as received${
            FIELDS.find((f) => f.name === name)!.locked ? ' and stays locked' : ''
          }.`,
        );
      }
    }
  } catch {
    return refuse(el, 'object', 'the identity could not be read', options);
  }
  if (!names.some((name) => name in copy)) {
    warnOnce(el, 'bad-identity', 'identity={}', 'the identity has none of the claims FranceConnect sends; nothing is shown as verified.');
  }
  return { claims: Object.freeze(copy), unreadable: false };
}
