/**
 * Attributes never throw (a throw from HTML is invisible to the page's author):
 * a bad value is reported once per element and value, naming the element, the
 * value and what was used instead, and the element falls back to the compliant default.
 */
const reported = new WeakMap<Element, Set<string>>();

function once(el: Element, key: string): boolean {
  let keys = reported.get(el);
  if (!keys) reported.set(el, (keys = new Set()));
  if (keys.has(key)) return false;
  keys.add(key);
  return true;
}

const tag = (el: Element) => `<${el.localName}>`;

/** A value the element cannot honour; it uses a compliant default instead. */
export function warnOnce(el: Element, key: string, message: string): void {
  if (once(el, `warn:${key}`)) {
    console.warn(`${tag(el)}: ${message} See the README of franceconnect-elements.`, el);
  }
}

/** A value refused for safety: always reported (once per value), never dev-only. */
export function errorOnce(el: Element, key: string, message: string): void {
  if (once(el, `error:${key}`)) console.error(`${tag(el)}: ${message}`, el);
}

/**
 * Returns `value` when it is one of `allowed`, else warns once and returns the
 * first allowed value (the compliant default).
 */
export function oneOf<T extends string>(
  el: Element,
  name: string,
  value: string | null | undefined,
  allowed: readonly T[],
): T {
  const fallback = allowed[0];
  if (value == null || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnOnce(
    el,
    `${name}=${value}`,
    `unknown ${name} "${value}"; using "${fallback}". Allowed: ${allowed.join(', ')}.`,
  );
  return fallback;
}
