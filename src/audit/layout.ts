/**
 * The page's layout as a visitor sees it: the other ways in (a password form, a « Créer un
 * compte » button, a private sign-in), the part of the page that is one choice of ways in
 * around a FranceConnect button, and where each way stands from the button: above, below,
 * to its left or to its right.
 *
 * A section is not the nearest `<section>`: on a page laid out in columns, FranceConnect
 * in one column and the password form in the next are one choice, whatever elements hold
 * them (docs/qualification.md#audit-sections).
 */
import { findForbidden } from '../shared/private-sign-in.js';
import { box, contains, inChrome, layoutBox, lineage, nameOf, norm, parentOf, renderedChildren, style, visible, walk, type Box } from './dom.js';
import { FC_NAME, isAboutLink } from './find.js';

/** Words of another way in (rules 5 and 6). */
export const WAY_IN =
  /se connecter|connexion|s['’]identifier|identifiez|\blog ?in\b|\bsign ?(?:in|up)\b|cr[ée]er (?:mon|un|votre) compte|s['’]inscrire|^inscription|recevoir un (?:lien|code)/i;

/** A form that logs in or signs up: its action, or its fields and submit say so. */
const LOGIN_ACTION = /log[-_]?in|sign[-_]?(?:in|up)|connexion|session|auth|inscription|register|compte|account/i;

export interface Way {
  el: Element;
  /** A social or private sign-in (rule 7), by provider. */
  provider?: string;
}

/** Elements under `root` a visitor sees, outside site navigation. */
export function* content(root: Element | Document): Generator<Element> {
  for (const el of walk(root)) if (visible(el) && !inChrome(el)) yield el;
}

/** An e-mail or identifier field that belongs to a login or sign-up, not to a newsletter or a search. */
function identifierField(field: HTMLInputElement): boolean {
  const form = field.form;
  if (!form) return true;
  if (form.querySelector('input[type=password]')) return true;
  if (LOGIN_ACTION.test(form.getAttribute('action') ?? '')) return true;
  return [...form.querySelectorAll('button,input[type=submit]')].some((b) => WAY_IN.test(nameOf(b)));
}

/**
 * The other ways in on the page: password and identifier fields, « Se connecter » or
 * « Créer un compte » controls, private sign-ins; never the FranceConnect controls
 * (`skip`) nor a link about FranceConnect.
 */
export function waysIn(root: Element | Document, skip: Element[]): Way[] {
  const top = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const privates = findForbidden([top]).filter((f) => f.rule === 7 && visible(f.element) && !inChrome(f.element));
  const outside = (e: Element) => !skip.some((s) => contains(s, e)) && !privates.some((p) => contains(p.element, e));
  const ways: Way[] = privates
    .filter((p) => !skip.some((s) => contains(s, p.element)))
    .map((p) => ({ el: p.element, provider: p.provider }));
  for (const e of content(root)) {
    if (!outside(e)) continue;
    if (e.matches('input[type=password]')) ways.push({ el: e });
    else if (e.matches('input[type=email],input[autocomplete~=username],input[autocomplete~=email]') && identifierField(e as HTMLInputElement)) ways.push({ el: e });
    else if (
      e.matches('button,a[href],[role=button],[role=link],input[type=submit],input[type=button]') &&
      WAY_IN.test(nameOf(e)) &&
      !FC_NAME.test(nameOf(e)) &&
      !isAboutLink(e)
    ) {
      ways.push({ el: e });
    }
  }
  return ways;
}

/** The element the page's main content lives in: `<main>`, a dialog, else `<body>`. */
export function boundaryOf(el: Element): Element {
  for (const e of lineage(el)) if (e.matches('main,[role=main],dialog,[role=dialog]')) return e;
  return el.ownerDocument.body ?? el.ownerDocument.documentElement;
}

/** Two boxes on one row: their heights overlap and they do not. */
const sideBySide = (a: Box, b: Box) =>
  a.width > 0 && b.width > 0 && b.top < a.bottom - 1 && b.bottom > a.top + 1 && (b.left >= a.right - 1 || b.right <= a.left + 1);

/**
 * The choice of ways in a FranceConnect button belongs to: the smallest part of the page
 * around it that holds another way in, widened to the columns beside it that hold one
 * too; the page's main content when there is no other way in.
 */
export function regionOf(button: Element, ways: Way[]): Element {
  const boundary = boundaryOf(button);
  const holds = (a: Element) => ways.some((w) => contains(a, w.el));
  let region = parentOf(button) ?? boundary;
  while (region !== boundary && !holds(region)) {
    const up = parentOf(region);
    if (!up) break;
    region = up;
  }
  // Columns: a row whose other cells hold ways in is one choice with this one, unless
  // this cell is a choice of its own already: it holds a form to log in or sign up
  // (« J’ai déjà un compte » beside « Je n’ai pas encore de compte »). A cell with
  // FranceConnect and a « Créer un compte » link is no whole choice.
  const fields = (a: Element) => ways.some((w) => !w.provider && w.el.matches('input,select,textarea') && contains(a, w.el));
  while (region !== boundary && !fields(region)) {
    const parent = parentOf(region);
    if (!parent) break;
    const me = layoutBox(region);
    const cells = renderedChildren(parent).filter((n): n is Element => n.nodeType === 1 && n !== region);
    if (!cells.some((cell) => sideBySide(me, layoutBox(cell)) && holds(cell))) break;
    region = parent;
  }
  return region;
}

export type Where = 'above' | 'below' | 'left' | 'right';

/**
 * Where `way` stands from the FranceConnect button, read on the page's layout: the two
 * branches of the page that hold them (the children of their closest common ancestor) are
 * either side by side, a row (left or right), or one above the other.
 */
export function whereIs(way: Element, button: Element, fc: Box): Where {
  const lb = [...lineage(button)];
  const lw = [...lineage(way)];
  const common = lb.find((e) => lw.includes(e));
  const branch = (line: Element[], self: Element) => (common ? (line[line.indexOf(common) - 1] ?? self) : self);
  const B = layoutBox(branch(lb, button));
  const W = layoutBox(branch(lw, way));
  if (sideBySide(B, W)) return W.right <= B.left + 1 ? 'left' : 'right';
  if (W.bottom <= B.top + 1) return 'above';
  if (W.top >= B.bottom - 1) return 'below';
  // Overlapping branches (positioned boxes): the elements themselves.
  const w = box(way);
  if (sideBySide(fc, w)) return w.right <= fc.left + 1 ? 'left' : 'right';
  return w.bottom <= fc.top + 1 ? 'above' : 'below';
}

/** Elements that read « ou » (or « — OU — »), text or CSS content: the separators of rule 6. */
export function separators(region: Element): Element[] {
  const or = (text: string) => /^[\s–—-]*ou[\s–—-]*$/i.test(text);
  return [...content(region)].filter((e) => {
    const own = [...renderedChildren(e)].some((n) => n.nodeType === 3 && norm(n.textContent));
    if (own && or(norm(e.textContent)) && !e.querySelector('a,button,input')) return true;
    return ['::before', '::after'].some((p) => or(style(e, p).content.replace(/^["']|["']$/g, '')));
  });
}

/** A separator stands between the FranceConnect group and a way in, in the direction the way lies. */
export function separated(seps: Element[], fc: Box, way: Box, where: Where): boolean {
  return seps.some((s) => {
    const r = box(s);
    const x = (r.left + r.right) / 2;
    const y = (r.top + r.bottom) / 2;
    switch (where) {
      case 'below':
        return y >= fc.bottom - 1 && y <= way.top + 1;
      case 'above':
        return y >= way.bottom - 1 && y <= fc.top + 1;
      case 'right':
        return x >= fc.right - 1 && x <= way.left + 1;
      default:
        return x >= way.right - 1 && x <= fc.left + 1;
    }
  });
}
