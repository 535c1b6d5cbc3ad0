/**
 * Reads an element's `identity`: the FranceConnect claims given as an object (property)
 * or as JSON (attribute, or a string property). One reader for every element that
 * shows an identity, so that `<fc-profile-form>` and `<fc-account>` accept and refuse
 * exactly the same input.
 */
import { CLAIM_NAMES, FIELDS, formatProblem, type FcIdentity } from './claims.js';
import { errorOnce, warnOnce } from './warn.js';

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
}

const NONE: IdentityReading = { claims: null, unreadable: false };

function refuse(el: Element, key: string, what: string, options: ReadIdentityOptions): IdentityReading {
  // Never show half-read data as if FranceConnect had verified it.
  errorOnce(el, `identity=${key}`, `${what}; ${options.consequence}`);
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
      return refuse(el, value, 'the identity attribute is not a JSON object of claims', options);
    }
  }
  if (source === null || typeof source !== 'object' || Array.isArray(source)) {
    const shown = typeof value === 'string' ? value : typeof value;
    return refuse(el, shown, `the identity ${typeof value === 'string' ? 'attribute' : 'property'} is not a JSON object of claims`, options);
  }
  const copy: FcIdentity = {};
  try {
    for (const name of [...CLAIM_NAMES, 'sub'] as const) {
      // A getter or a Proxy may throw: caught below, the identity is then refused.
      const raw = (source as Record<string, unknown>)[name];
      if (raw === undefined || raw === null) continue;
      if (typeof raw !== 'string' && typeof raw !== 'number') {
        warnOnce(el, `claim:${name}:${typeof raw}`, `claim ${name} is a ${typeof raw}, not text; it is ignored.`);
        continue;
      }
      copy[name] = String(raw);
      if (name === 'sub' || !options.checkFormats) continue;
      const problem = formatProblem(name, copy[name]!);
      if (problem) {
        warnOnce(
          el,
          `claim:${name}=${copy[name]}`,
          `claim ${name} ${JSON.stringify(copy[name])} ${problem}; it is shown as received${
            FIELDS.find((f) => f.name === name)!.locked ? ' and stays locked' : ''
          }.`,
        );
      }
    }
  } catch {
    return refuse(el, 'object', 'the identity could not be read', options);
  }
  return { claims: Object.freeze(copy), unreadable: false };
}
