/**
 * What a button draws, and its size (rules 1 and 3, docs/qualification.md#geometry).
 *
 * The box measured is what a visitor sees: an inline link around a large image is that
 * image, not its 18 px line box; a link whose text is pushed away by `text-indent` and
 * whose look is a background image is that background image as drawn.
 *
 * The DSFR's own `.fr-connect` draws 208.4–208.9 × 55 px with Marianne (FranceConnect+:
 * 244.4 × 55), its size fixed by its content and not customisable. FranceConnect tells
 * services on the State's design system to use it: the component, unaltered, is accepted
 * as the reference implementation (docs/qualification.md#audit-dsfr). A hand-made button
 * keeps the strict 209 × 56 (245 × 56) at exact homothety.
 */
import { backgroundUrls, box, describe, intersect, isTransparent, loadImage, px, rect, style, union, visible, visibleText, walk, type Box } from './dom.js';
import { buttonRule, type Button, type Findings } from './types.js';

export interface Drawn {
  box: Box;
  /** Drawn by an image (an `<img>`, an SVG, a background image) rather than by text. */
  image: boolean;
  /** In French, how it was measured, when it is not the element's own box. */
  how?: string;
  /** The visible text drawn on it. */
  text: string;
}

const IMAGES = 'img,svg,picture,canvas,input[type=image],object,embed';

/** A length of `background-size` or `background-position` against a box length. */
function length(value: string, against: number, auto: number): number {
  if (value === 'auto' || value === '') return auto;
  if (value.endsWith('%')) return (parseFloat(value) / 100) * against;
  return parseFloat(value);
}

/** Where a background image is drawn on `el` (its first layer), cut to the element's box. */
async function drawnBackground(el: Element, url: string): Promise<Box | undefined> {
  const r = box(el);
  const cs = style(el);
  const img = await loadImage(el.ownerDocument, url);
  const naturalW = img?.naturalWidth || r.width;
  const naturalH = img?.naturalHeight || r.height;
  const size = cs.backgroundSize.split(',')[0].trim();
  let w: number;
  let h: number;
  if (size === 'cover' || size === 'contain') {
    const k = (size === 'cover' ? Math.max : Math.min)(r.width / naturalW, r.height / naturalH);
    [w, h] = [naturalW * k, naturalH * k];
  } else {
    const [sw = 'auto', sh = 'auto'] = size.split(/\s+/);
    w = length(sw, r.width, NaN);
    h = length(sh, r.height, NaN);
    if (Number.isNaN(w) && Number.isNaN(h)) [w, h] = [naturalW, naturalH];
    else if (Number.isNaN(w)) w = (h * naturalW) / naturalH;
    else if (Number.isNaN(h)) h = (w * naturalH) / naturalW;
  }
  const [px0 = '0%', py0 = '0%'] = cs.backgroundPosition.split(',')[0].trim().split(/\s+/);
  const offset = (value: string, free: number) => (value.endsWith('%') ? (parseFloat(value) / 100) * free : parseFloat(value) || 0);
  const left = r.left + offset(px0, r.width - w);
  const top = r.top + offset(py0, r.height - h);
  const repeat = cs.backgroundRepeat.split(',')[0].trim();
  const repeatX = !/no-repeat|repeat-y/.test(repeat) && repeat !== 'no-repeat';
  const repeatY = !/no-repeat|repeat-x/.test(repeat) && repeat !== 'no-repeat';
  const drawn = rect(repeatX ? r.left : left, repeatY ? r.top : top, repeatX ? r.right : left + w, repeatY ? r.bottom : top + h);
  const cut = intersect(drawn, r);
  return cut.width > 0 && cut.height > 0 ? cut : undefined;
}

/** What `el` draws: its box, its images', or its background image's. */
export async function drawnBox(el: Element): Promise<Drawn> {
  const text = visibleText(el);
  const cs = style(el);
  const own = box(el);
  if (el.matches('img,input[type=image]')) return { box: own, image: true, text: '' };
  if (text) {
    // An inline element's box is its line boxes; what it holds may be larger.
    if (cs.display === 'inline') {
      const inner = union([...el.getClientRects(), ...[...walk(el)].filter(visible).map(box)]);
      return { box: inner ?? own, image: false, text, how: inner && inner.height > own.height + 1 ? 'boîte de son contenu' : undefined };
    }
    return { box: own, image: false, text };
  }
  const painted = !isTransparent(cs.backgroundColor) || parseFloat(cs.borderTopWidth) > 0;
  const images = [...walk(el)].filter((e) => e.matches(IMAGES) && visible(e));
  if (images.length) {
    const inner = union(images.map(box))!;
    if (painted && cs.display !== 'inline') return { box: own, image: true, text };
    return { box: inner, image: true, text, how: 'image qu’il contient' };
  }
  const [url] = backgroundUrls(el);
  if (url) {
    const drawn = await drawnBackground(el, url);
    if (drawn && !painted) return { box: drawn, image: true, text, how: 'image de fond telle qu’elle est dessinée' };
    return { box: own, image: true, text };
  }
  return { box: own, image: false, text };
}

/** The DSFR's sizes at 16 px (src/dsfr/component/connect/style/module/_default.scss, _plus.scss). */
const DSFR_PADDING = [0.625, 0.75, 0.625, 4];
const DSFR_PLUS_RIGHT = 3;
/**
 * DSFR 1.15's `fr-connect--pro` (style/module/_pro.scss, as docs/qualification.md#proconnect
 * reads it): 4.4375em before the two lines, a 3.4375em-wide logo. 1.14.4, this project's
 * DSFR, has no such class.
 */
const DSFR_PRO_LEFT = 4.4375;
const DSFR_PRO_LOGO = 3.4375;

/** The box `el` takes when nothing sizes it: a copy of it, out of the flow, every size `auto`. */
function naturalBox(el: Element): Box {
  const copy = el.cloneNode(true) as HTMLElement;
  for (const e of [copy, ...copy.querySelectorAll('[id]')]) e.removeAttribute('id');
  copy.setAttribute('aria-hidden', 'true');
  copy.style.cssText +=
    ';width:auto!important;height:auto!important;min-width:0!important;min-height:0!important;max-width:none!important;max-height:none!important;' +
    'position:absolute!important;left:0!important;top:0!important;visibility:hidden!important;flex:none!important;transform:none!important;margin:0!important';
  el.after(copy);
  const r = box(copy);
  copy.remove();
  return r;
}

/**
 * The DSFR's `.fr-connect`, as its stylesheet draws it and unaltered: its padding, the
 * sizes of its two lines, its logo, Marianne loaded, nothing sizing it. Returns its box
 * as the DSFR draws it at 16 px, or why it is not the DSFR's unaltered component.
 */
export function dsfrComponent(el: Element, plus: boolean, pro = false): { box: Box } | { not: string } | undefined {
  if (!el.matches('.fr-connect')) return undefined;
  if (pro && !el.matches('.fr-connect--pro')) return { not: 'sans la classe .fr-connect--pro du DSFR 1.15' };
  const cs = style(el);
  const fs = parseFloat(cs.fontSize);
  const padding = [cs.paddingTop, cs.paddingRight, cs.paddingBottom, cs.paddingLeft].map(parseFloat);
  const wanted = DSFR_PADDING.map((k, i) => (i === 1 && plus ? DSFR_PLUS_RIGHT : i === 3 && pro ? DSFR_PRO_LEFT : k) * fs);
  if (padding.some((p, i) => Math.abs(p - wanted[i]) > 0.5)) return { not: 'marges intérieures modifiées' };
  const logo = style(el, '::before');
  if (!/url\(/.test(logo.backgroundImage) || Math.abs(parseFloat(logo.width) - (pro ? DSFR_PRO_LOGO : 2.5) * fs) > 0.5) return { not: 'logo modifié' };
  const login = el.querySelector('.fr-connect__login');
  const brand = el.querySelector('.fr-connect__brand');
  if (!login || !brand) return { not: 'sans ses deux lignes .fr-connect__login et .fr-connect__brand' };
  const sizes = [style(login).fontSize, style(brand).fontSize].map(parseFloat);
  if (Math.abs(sizes[0] - 1.0625 * fs) > 0.3 || Math.abs(sizes[1] - 1.125 * fs) > 0.3) return { not: 'taille du texte modifiée' };
  const family = style(brand).fontFamily.split(',')[0].replace(/["']/g, '').trim();
  const marianne = [...el.ownerDocument.fonts].some((f) => /^["']?marianne["']?$/i.test(f.family) && f.status === 'loaded');
  if (!/^marianne$/i.test(family) || !marianne) return { not: `police ${family}${/^marianne$/i.test(family) ? ' non chargée' : ''} au lieu de Marianne` };
  const natural = naturalBox(el);
  const r = box(el);
  if (Math.abs(natural.width - r.width) > 0.5 || Math.abs(natural.height - r.height) > 0.5) return { not: 'redimensionné par la page' };
  const k = 16 / fs;
  return { box: rect(0, 0, r.width * k, r.height * k) };
}

/**
 * DSFR 1.15's ProConnect component at 16 px with Marianne: 71 px before the text, 12 after,
 * its width following its text: 215.4 × 55 in Chromium, 219.6 × 55 in WebKitGTK, whose text is
 * wider (test/audit/pro/pc-dsfr.html).
 */
const PRO_DSFR_MIN = 212;
const PRO_DSFR_MAX = 222;

/**
 * The DSFR component's box at 16 px with Marianne, as the engines draw it: 208.4 × 55 in
 * Chromium, 208.3 × 55 in Firefox (FranceConnect+ 244.4 and 244.3 × 55), 212.6 × 55 in
 * WebKitGTK (248.6 × 55), whose text is wider. Its height is fixed by the DSFR (10 + 17 + 18 + 10 px); its width
 * follows the text, within these bounds.
 */
const DSFR_BOX = { width: [206, 214], plusWidth: [242, 250], proWidth: [PRO_DSFR_MIN, PRO_DSFR_MAX], height: [54.5, 56] };

/**
 * Rules 1 / 3: 209 × 56 (245 × 56 for FranceConnect+), or larger by exact homothety.
 * ProConnect's button: 214 × 56 (bouton_proconnect.md), the same way.
 */
export function checkSize(b: Button, d: Drawn, out: Findings): void {
  const rule = buttonRule(b);
  const element = b.el;
  const what = describe(b.el);
  const pro = b.provider === 'proconnect';
  let r = d.box;
  let measured = d.how ? ` (mesuré sur l’${d.how})` : '';
  // ProConnect's own CSS centres its 211 × 58 image, unscaled, in a 214 × 56 button
  // (bouton_proconnect.md): that image drawn across nearly all the button is the button.
  const own = box(b.el);
  if (pro && d.how?.startsWith('image de fond') && Math.abs(r.height - own.height) <= 0.5 && r.width >= own.width * 0.97) {
    r = own;
    measured = ' (boîte du bouton, que son image de fond couvre)';
  }
  const size = `${px(r.width)} × ${px(r.height)} px`;
  const [w, h] = [pro ? 214 : b.plus ? 245 : 209, 56];
  const who = pro ? 'ProConnect' : `la règle ${rule}`;
  const brand = pro ? 'ProConnect' : `FranceConnect${b.plus ? '+' : ''}`;
  const push = (status: 'pass' | 'fail', message: string) => out.push({ rule, status, message, element });

  const dsfr = dsfrComponent(b.el, b.plus, pro);
  if (dsfr && 'box' in dsfr) {
    const [lo, hi] = pro ? DSFR_BOX.proWidth : b.plus ? DSFR_BOX.plusWidth : DSFR_BOX.width;
    const fs = parseFloat(style(b.el).fontSize);
    const fits = dsfr.box.width >= lo && dsfr.box.width <= hi && dsfr.box.height >= DSFR_BOX.height[0] && dsfr.box.height <= DSFR_BOX.height[1];
    if (fits && fs >= 16 - 0.01) {
      push(
        'pass',
        `Bouton ${what} : composant ${brand} du DSFR (${pro ? '.fr-connect--pro' : '.fr-connect'}, non modifié), ${size}${fs > 16.01 ? `, agrandi par homothétie (police ${px(fs)} px au lieu de 16)` : ''} ; accepté comme implémentation de référence (un bouton fait main doit mesurer ${w} × ${h} px).`,
      );
      return;
    }
    if (fs < 16 - 0.01) {
      push('fail', `Bouton ${what} : composant DSFR réduit à ${size} (police ${px(fs)} px au lieu de 16) ; ${who} ne permet pas de le rapetisser.`);
      return;
    }
  }
  const note = dsfr && 'not' in dsfr ? ` Composant .fr-connect du DSFR, mais ${dsfr.not} : jugé comme un bouton fait main.` : '';
  if (r.width < w - 0.5 || r.height < h - 0.5) {
    push('fail', `Bouton ${what} de ${size}${measured} ; ${who} demande ${w} × ${h} px, jamais moins.${note}`);
  } else if (Math.abs(r.width - (r.height * w) / h) > 1) {
    push(
      'fail',
      `Bouton ${what} déformé : ${size}${measured}, rapport ${px(r.width / r.height)} ; ${who} demande ${w} × ${h} px ou un agrandissement homothétique (rapport ${px(w / h)}).${note}`,
    );
  } else {
    push('pass', `Bouton ${what} de ${size}${measured} (${w} × ${h} px demandés${r.height > h + 0.5 ? ', agrandi par homothétie' : ''}).`);
  }
}
