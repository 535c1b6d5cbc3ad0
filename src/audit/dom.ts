/**
 * DOM helpers for the audit: walking a page through its open shadow roots, reading
 * what a visitor sees (boxes, colours, names), without any dependency.
 */

/** Every element under `root`, open shadow roots included (a host's shadow tree first). */
export function* walk(root: Element | Document | ShadowRoot): Generator<Element> {
  for (const child of [...((root as Element).shadowRoot?.children ?? []), ...root.children]) {
    yield child;
    yield* walk(child);
  }
}

/** The parent in the rendered (flat) tree: a slotted element's slot, a shadow root's host. */
export function parentOf(el: Element): Element | null {
  return el.assignedSlot ?? el.parentElement ?? ((el.parentNode as ShadowRoot | null)?.host || null);
}

/** `el` and its ancestors in the rendered tree. */
export function* lineage(el: Element): Generator<Element> {
  for (let e: Element | null = el; e; e = parentOf(e)) yield e;
}

/** The element the page's author wrote: the outermost shadow host around `el`, else `el`. */
export function authored(el: Element): Element {
  let e = el;
  // A shadow root is a document fragment (node type 11) with a host.
  for (let root = e.getRootNode(); root.nodeType === 11; root = e.getRootNode()) e = (root as ShadowRoot).host;
  return e;
}

export const style = (el: Element, pseudo?: string) => el.ownerDocument.defaultView!.getComputedStyle(el, pseudo);

export const box = (el: Element) => el.getBoundingClientRect();

/** Shown on screen: a box, not hidden. */
export function visible(el: Element): boolean {
  const r = box(el);
  return r.width > 0 && r.height > 0 && style(el).visibility !== 'hidden';
}

/** Collapses white space, no-break spaces included. */
export const norm = (text: string | null | undefined) =>
  (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Text a visitor reads in `el` (CSS text-transform applied, hidden text left out). */
export const seen = (el: Element) => norm((el as HTMLElement).innerText ?? el.textContent);

/** Text of `el` without what is hidden from assistive technology. */
function spoken(node: Node): string {
  if (node.nodeType === 3) return node.textContent ?? '';
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  if (el.getAttribute('aria-hidden') === 'true' || el.localName === 'style' || el.localName === 'script') return '';
  if (el.localName === 'img') return el.getAttribute('alt') ?? '';
  // Block children are read as separate words.
  return [...el.childNodes].map(spoken).join(el.children.length ? ' ' : '');
}

/** The accessible name, computed the way browsers mostly do (aria-labelledby, aria-label, content, title). */
export function nameOf(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = el.getAttribute('aria-labelledby');
  if (ids) {
    const text = ids
      .split(/\s+/)
      .map((id) => root.getElementById?.(id) ?? null)
      .filter((e): e is HTMLElement => !!e)
      .map((e) => spoken(e))
      .join(' ');
    if (norm(text)) return norm(text);
  }
  const label = el.getAttribute('aria-label');
  if (norm(label)) return norm(label);
  if (el.localName === 'img' || (el.localName === 'input' && el.getAttribute('type') === 'image')) {
    return norm(el.getAttribute('alt'));
  }
  if (el.localName === 'input') return norm((el as HTMLInputElement).value);
  return norm(spoken(el)) || norm(el.getAttribute('title'));
}

/** `rgb(0, 0, 145)` → `#000091`; transparent → `transparent`. */
export function hex(colour: string): string {
  const m = colour.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/);
  if (!m) return colour;
  if (m[4] !== undefined && Number(m[4]) === 0) return 'transparent';
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

/** A number of CSS pixels, for messages: 12, 12.5. */
export const px = (n: number) => `${Math.round(n * 10) / 10}`;

/** `<button#id.class>` « name »: how a message points at an element. */
export function describe(el: Element): string {
  const host = authored(el);
  const id = host.id ? `#${host.id}` : '';
  const classes = [...host.classList].slice(0, 2).map((c) => `.${c}`).join('');
  const name = nameOf(el).slice(0, 60);
  return `${name ? `« ${name} » ` : ''}(<${host.localName}${id}${classes}>${host === el ? '' : ` › <${el.localName}>`})`;
}
