/**
 * DOM helpers for the audit: walking a page through its open shadow roots, reading
 * what a visitor sees (boxes, drawn text, images, colours, names), without any dependency.
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

/** `a` is `b` or one of its ancestors in the rendered tree (across shadow roots and slots). */
export const contains = (a: Element, b: Element) => [...lineage(b)].includes(a);

/** Where a page's author puts site-wide navigation, not ways to log in. */
export const CHROME = 'header,nav,footer,[role=banner],[role=navigation],[role=contentinfo]';

/** In the site's header, navigation or footer. */
export const inChrome = (el: Element) => [...lineage(el)].some((e) => e.matches(CHROME));

export const style = (el: Element, pseudo?: string) => el.ownerDocument.defaultView!.getComputedStyle(el, pseudo);

export const box = (el: Element) => el.getBoundingClientRect();

/** A box as plain numbers, one that can be grown or cut. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export function rect(left: number, top: number, right: number, bottom: number): Box {
  return { left, top, right, bottom, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** The smallest box holding all of `boxes` (the empty ones left out). */
export function union(boxes: Iterable<Box>): Box | undefined {
  let out: Box | undefined;
  for (const b of boxes) {
    if (b.width <= 0 && b.height <= 0) continue;
    out = out
      ? rect(Math.min(out.left, b.left), Math.min(out.top, b.top), Math.max(out.right, b.right), Math.max(out.bottom, b.bottom))
      : rect(b.left, b.top, b.right, b.bottom);
  }
  return out;
}

export const intersect = (a: Box, b: Box) =>
  rect(Math.max(a.left, b.left), Math.max(a.top, b.top), Math.min(a.right, b.right), Math.min(a.bottom, b.bottom));

/** The children of `node` in the rendered tree: a host's shadow tree, a slot's assigned nodes. */
export function renderedChildren(node: Node): Node[] {
  const el = node as Element;
  if (el.shadowRoot) return [...el.shadowRoot.childNodes];
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes({ flatten: true });
    return assigned.length ? assigned : [...el.childNodes];
  }
  return [...node.childNodes];
}

/**
 * The box an element takes in the layout: its own, or for an element that draws no box of
 * its own (`display: contents`, a slot), the union of its rendered children's.
 */
export function layoutBox(el: Element): Box {
  const own = box(el);
  if (own.width > 0 || own.height > 0) return own;
  const kids = renderedChildren(el).filter((n): n is Element => n.nodeType === 1);
  return union(kids.map(layoutBox)) ?? own;
}

/** `rgba(…, 0)`, `transparent`. */
export const isTransparent = (colour: string) => hex(colour) === 'transparent' || colour === 'transparent';

/** Clips an element puts on what it holds: `overflow` other than visible, `clip`, `clip-path`. */
function clips(el: Element): boolean {
  const cs = style(el);
  return cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || (cs.clip !== 'auto' && cs.clip !== '') || cs.clipPath !== 'none';
}

/**
 * The text a visitor sees drawn on `el`: its text nodes (SVG text included) that are inside
 * its box and not clipped away on the way, not transparent, not zero-sized, not hidden.
 * Text pushed out by `text-indent`, a visually hidden label, `color: transparent` and
 * `font-size: 0` are left out: such a control shows an image, not its text.
 */
export function visibleText(el: Element): string {
  // A button input draws its value, unless its text is hidden the same ways.
  if (el.matches('input[type=submit],input[type=button],input[type=reset]')) {
    const cs = style(el);
    const hidden = parseFloat(cs.fontSize) < 1 || isTransparent(cs.color) || Math.abs(parseFloat(cs.textIndent) || 0) >= box(el).width;
    return hidden ? '' : norm((el as HTMLInputElement).value);
  }
  const doc = el.ownerDocument;
  const range = doc.createRange();
  const parts: string[] = [];
  const visit = (node: Node, clip: Box) => {
    if (node.nodeType === 3) {
      if (!norm(node.textContent)) return;
      const parent = node.parentElement;
      if (!parent) return;
      const cs = style(parent);
      if (cs.visibility === 'hidden' || parseFloat(cs.fontSize) < 1 || isTransparent(cs.color) || Number(cs.opacity) === 0) return;
      range.selectNodeContents(node);
      const shown = [...range.getClientRects()].some((q) => {
        const cut = intersect(q, clip);
        return cut.width > 2 && cut.height > 2;
      });
      if (shown) parts.push(node.textContent ?? '');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const e = node as Element;
    if (node.nodeType === 1) {
      if (/^(?:style|script|template|title|desc)$/.test(e.localName)) return;
      if (style(e).display === 'none' || Number(style(e).opacity) === 0) return;
      if (e !== el && clips(e)) clip = intersect(clip, box(e));
    }
    for (const child of renderedChildren(node)) visit(child, clip);
  };
  visit(el, box(el));
  return norm(parts.join(' '));
}

/** The URLs of an element's `background-image` layers. */
export function backgroundUrls(el: Element, pseudo?: string): string[] {
  return [...style(el, pseudo).backgroundImage.matchAll(/url\(\s*(["']?)(.*?)\1\s*\)/g)].map((m) => m[2]);
}

/** An image, loaded (or not: undefined) within a few seconds. */
export function loadImage(doc: Document, url: string): Promise<HTMLImageElement | undefined> {
  const view = doc.defaultView!;
  return new Promise((resolve) => {
    const img = new view.Image();
    const timer = view.setTimeout(() => resolve(undefined), 3000);
    img.onload = () => {
      view.clearTimeout(timer);
      resolve(img.naturalWidth ? img : undefined);
    };
    img.onerror = () => {
      view.clearTimeout(timer);
      resolve(undefined);
    };
    img.src = url;
  });
}

/**
 * The pixels of an image drawn at most `max` px wide, or undefined when the browser will
 * not tell (an image from another origin taints the canvas).
 */
export function pixels(img: HTMLImageElement, max = 420): { data: Uint8ClampedArray; width: number; height: number } | undefined {
  const scale = Math.min(1, max / Math.max(1, img.naturalWidth));
  const width = Math.max(1, Math.round(img.naturalWidth * scale));
  const height = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = img.ownerDocument.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  try {
    context.drawImage(img, 0, 0, width, height);
    return { data: context.getImageData(0, 0, width, height).data, width, height };
  } catch {
    return undefined;
  }
}

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
  // A field is named by its labels; a submit button by its value.
  const labels = (el as HTMLInputElement).labels;
  if (labels?.length && !el.matches('input[type=submit],input[type=button],input[type=reset]')) {
    return norm([...labels].map((l) => l.textContent).join(' '));
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
