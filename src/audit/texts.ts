/**
 * The texts of rules 1 to 4 (docs/qualification.md#texts): the explanatory sentence above
 * the button, the button's label, and the « Qu’est-ce que FranceConnect ? » link under it.
 *
 * A sentence that differs is not absent: the audit quotes what the page says and what the
 * checklist says. Which wordings pass is decided in docs/qualification.md#audit-sentence:
 * the checklist's own sentence, whatever its apostrophes, spaces, line breaks and final
 * full stop; any other wording fails as « différente ».
 */
import {
  BRAND,
  BRAND_PLUS,
  BRAND_PRO,
  DATA,
  INFO_LINK,
  INFO_LINK_PLUS,
  INFO_LINK_PRO,
  INFO_URL,
  INFO_URL_PLUS,
  INFO_URL_PRO,
  LOGIN,
  NEW_WINDOW,
  SENTENCE,
  SENTENCE_PLUS,
} from '../shared/texts.js';
import { authored, box, contains, describe, hex, nameOf, norm, px, renderedChildren, seen, style, type Box } from './dom.js';
import type { Drawn } from './geometry.js';
import { content } from './layout.js';
import { THEMES, buttonRule, linkRule, type Button, type Findings } from './types.js';

/** The exact labels (docs/qualification.md#texts): the button's two lines read as one. */
export const LABELS = [LOGIN, DATA].flatMap((first) => [`${first} ${BRAND}`, `${first} ${BRAND_PLUS}`]);
/** ProConnect's one label (bouton_proconnect.md): « S’identifier avec » / « ProConnect ». */
export const LABEL_PRO = `${LOGIN} ${BRAND_PRO}`;
/**
 * The addresses ProConnect's link may have: its button page's (with `www`, which the
 * elements use) and the DSFR 1.15 `fr-connect--pro` component's, without it
 * (docs/qualification.md#proconnect-decisions).
 */
export const INFO_URLS_PRO = [INFO_URL_PRO, 'https://proconnect.gouv.fr/'];
/** How far under a ProConnect button its link may stand: ProConnect gives no figure (docs/qualification.md#proconnect-audit). */
export const PRO_GAP_MAX = 24;

/** A text compared letter for letter, but for white space, the kind of apostrophe, quotes and a final full stop. */
export const key = (text: string) =>
  norm(text)
    .replace(/'/g, '’')
    .replace(/^[«"“]\s*|\s*[»"”]$/g, '')
    .replace(/\.$/, '');

const isInfoLinkText = (text: string, pro = false) => (pro ? /^qu['’]est[\s-]ce que pro\s*connect/i : /^qu['’]est-ce que france\s*connect/i).test(norm(text));

/** The words of a text, for comparing wordings. */
const words = (text: string) =>
  key(text)
    .toLowerCase()
    .replace(/[’']/g, '’ ')
    .split(/[\s.,;:!?()«»"]+/)
    .filter(Boolean);

/** How much of two wordings is common: the longest common run of words, over the longer one. */
function likeness(a: string[], b: string[]): number {
  const row = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j += 1) {
      const up = row[j];
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = up;
    }
  }
  return row[b.length] / Math.max(a.length, b.length, 1);
}

/** Paragraphs of `region`: elements with text of their own, read whole, outside the button. */
function paragraphs(region: Element, button: Element): Element[] {
  const out = new Set<Element>();
  for (const e of content(region)) {
    if (contains(e, button) || contains(button, e) || e.closest('a,button')) continue;
    if (!renderedChildren(e).some((n) => n.nodeType === 3 && norm(n.textContent))) continue;
    // An inline element's paragraph is its block.
    let block: Element = e;
    while (style(block).display.startsWith('inline') && block.parentElement && !contains(block.parentElement, button)) block = block.parentElement;
    out.add(block);
  }
  return [...out];
}

/** Rules 1 / 3: the explanatory sentence, above the button. */
export function checkSentence(b: Button, d: Drawn, out: Findings): void {
  const rule = buttonRule(b);
  const element = authored(b.el);
  const official = b.plus ? SENTENCE_PLUS : SENTENCE;
  const wanted = key(official);
  const above = (e: Element) => box(e).bottom <= d.box.top + 1;
  const found = paragraphs(b.region, b.el).map((e) => ({ e, text: seen(e) }));
  const exact = found.filter((p) => key(p.text).includes(wanted));
  if (exact.some((p) => above(p.e))) {
    out.push({ rule, status: 'pass', message: `Phrase explicative présente au-dessus du bouton ${describe(b.el)}.`, element });
    return;
  }
  if (exact.length) {
    out.push({ rule, status: 'fail', message: `Phrase explicative sous le bouton ${describe(b.el)} ; la règle ${rule} la demande au-dessus : « ${official} »`, element });
    return;
  }
  // The closest wording that speaks of FranceConnect: a different sentence, not an absent one.
  const target = words(official);
  const near = found
    .map((p) => ({ ...p, score: likeness(words(p.text), target) }))
    .filter((p) => p.score >= 0.5)
    .sort((a, c) => c.score - a.score || Number(above(c.e)) - Number(above(a.e)))[0];
  if (near) {
    out.push({
      rule,
      status: 'fail',
      message: `Phrase explicative différente ${above(near.e) ? 'au-dessus du' : 'près du'} bouton ${describe(b.el)} : « ${near.text.slice(0, 240)} » ; la règle ${rule} demande, mot pour mot : « ${official} »`,
      element: authored(near.e),
    });
    return;
  }
  out.push({ rule, status: 'fail', message: `Phrase explicative absente ${describe(b.el)} ; la règle ${rule} demande au-dessus : « ${official} »`, element });
}

/** Rules 1 / 3: the exact label, seen and read (docs/qualification.md#texts); nothing added by CSS either. */
export function checkLabel(b: Button, d: Drawn, out: Findings): void {
  const rule = buttonRule(b);
  const element = authored(b.el);
  const name = nameOf(b.el);
  const pro = b.provider === 'proconnect';
  const labels = pro ? [LABEL_PRO] : LABELS;
  const wanted = pro ? `« ${LABEL_PRO} » (« ${BRAND_PRO} » en un seul mot)` : `« ${LABELS[b.plus ? 1 : 0]} »${b.plus ? '' : ` ou « ${LABELS[2]} »`}`;
  if (d.image && !d.text) {
    out.push({
      rule,
      status: 'warn',
      unjudged: true,
      message: `Libellé du bouton ${describe(b.el)} dessiné dans une image : l’audit ne peut pas le lire${name ? ` (son nom accessible est « ${name} »${labels.some((l) => key(l) === key(name)) ? '' : `, pas ${wanted}`})` : ' et il n’a pas de nom accessible'}. Comparez-le à l’œil : ${pro ? 'ProConnect' : `la règle ${rule}`} demande ${wanted}.`,
      element,
    });
    return;
  }
  const el = b.el;
  const added = [el, ...el.querySelectorAll('*')].some((e) =>
    ['::before', '::after'].some((p) => !/^(?:none|normal|""|"\+")$/.test(style(e, p).content)),
  );
  // FranceConnect+'s "+" may be drawn (the DSFR's ::after, our glyph) rather than written.
  const shown = d.text;
  const plain = (t: string) => key(t.replace(/\s*\+$/, ''));
  const exact = labels.some((label) => plain(label) === plain(shown)) && !added;
  if (!exact) {
    const split = pro && /pro\s+connect/i.test(shown) ? ' : « Pro Connect » en deux mots' : '';
    out.push({
      rule,
      status: 'fail',
      message: `Libellé « ${shown} »${added ? ', avec un texte ajouté par CSS' : ''}${split} ; ${pro ? 'ProConnect' : `la règle ${rule}`} demande exactement ${wanted}.`,
      element,
    });
  } else if (!labels.some((label) => plain(label) === plain(name))) {
    out.push({
      rule,
      status: 'warn',
      message: `Libellé affiché exact, « ${shown} », mais nom accessible « ${name} » : un lecteur d’écran annonce autre chose que ce qui est écrit ; donnez-lui le libellé affiché.`,
      element,
    });
  } else {
    out.push({ rule, status: 'pass', message: `Libellé exact : « ${name} ».`, element });
  }
}

/** Rules 2 / 4: the « Qu’est-ce que FranceConnect ? » link under the button. */
export function checkInfoLink(b: Button, d: Drawn, out: Findings): Element | undefined {
  const rule = linkRule(b);
  const r: Box = d.box;
  const pro = b.provider === 'proconnect';
  const expected = pro ? INFO_LINK_PRO : b.plus ? INFO_LINK_PLUS : INFO_LINK;
  const url = pro ? INFO_URL_PRO : b.plus ? INFO_URL_PLUS : INFO_URL;
  const urls = pro ? INFO_URLS_PRO : [url];
  const gapWanted = b.plus ? 12 : 8;
  const gapSaid = pro ? `à ${PRO_GAP_MAX} px au plus` : `à ${gapWanted} px`;
  const who = pro ? 'ProConnect' : `la règle ${rule}`;
  // The link by its words, or any link to the brand's site (whatever its words).
  const site = pro ? /^https?:\/\/(?:www\.)?proconnect\.gouv\.fr(?:\/|$)/i : /^https?:\/\/(?:www\.)?franceconnect\.gouv\.fr(?:\/|$)/i;
  const toSite = (e: Element) => e.localName === 'a' && site.test((e as HTMLAnchorElement).href);
  const links = [...content(b.region)].filter(
    (e) => (isInfoLinkText(nameOf(e), pro) || toSite(e)) && !e.querySelector('a') && (e.matches('a,[role=link],button') || !e.children.length),
  );
  const below = links
    .filter((e) => box(e).top >= r.bottom - 1 && box(e).left < r.right && box(e).right > r.left)
    .sort((a, c) => box(a).top - box(c).top);
  const link = below[0];
  if (!link) {
    out.push({
      rule,
      status: 'fail',
      message: `Lien « ${expected} » ${links.length ? 'pas sous' : 'absent sous'} le bouton ${describe(b.el)} ; ${who} le demande sous le bouton, ${gapSaid}, vers ${url}.`,
      element: authored(b.el),
    });
    return undefined;
  }
  const element = authored(link);
  const push = (status: 'pass' | 'fail' | 'warn', message: string) => out.push({ rule, status, message, element });
  const what = describe(link);

  // Text: the official words; a "nouvelle fenêtre" mention may follow.
  const text = seen(link);
  const rest = key(text).replace(key(expected), '');
  if (key(text).startsWith(key(expected)) && /^(?:\s*[-–—,(]?\s*(?:ouvre une )?nouvelle fenêtre\)?)?$/i.test(rest)) {
    push('pass', `Texte du lien exact : « ${expected} ».`);
  } else {
    push('fail', `Texte du lien « ${text} » ; ${who} demande « ${expected} ».`);
  }

  // Target: franceconnect.gouv.fr (FC+: its FranceConnect+ page).
  const href = link.localName === 'a' ? (link as HTMLAnchorElement).href : '';
  const same = (a: string, c: string) => a.replace(/\/$/, '') === c.replace(/\/$/, '');
  const target = urls.find((u) => href && same(href, u));
  if (!href) {
    push('fail', `${what} n’est pas un lien (<a href>) ; ${who} demande un vrai lien vers ${url}.`);
  } else if (target) {
    push('pass', `Le lien pointe vers ${target}${pro && target !== url ? ' (l’adresse du composant DSFR 1.15 ; la page du bouton ProConnect donne ' + url + ')' : ''}.`);
  } else {
    push('fail', `Le lien pointe vers ${href} ; ${who} demande ${url}${pro ? ` (ou ${urls[1]}, l’adresse du composant DSFR 1.15)` : ''}.`);
  }

  // Distance: 8 px under the FranceConnect button, 12 px under the FranceConnect+ one;
  // close under ProConnect's, which gives no figure (docs/qualification.md#proconnect-audit).
  const gap = box(link).top - r.bottom;
  if (pro) {
    if (gap >= -1 && gap <= PRO_GAP_MAX + 1) push('pass', `Lien à ${px(gap)} px sous le bouton (${PRO_GAP_MAX} px au plus).`);
    else push('fail', `Lien à ${px(gap)} px sous le bouton ProConnect ; il doit le suivre de près, à ${PRO_GAP_MAX} px au plus.`);
  } else if (Math.abs(gap - gapWanted) <= 1) {
    push('pass', `Lien à ${px(gap)} px sous le bouton (${gapWanted} px demandés).`);
  } else {
    push('fail', `Lien à ${px(gap)} px sous le bouton ; la règle ${rule} demande ${gapWanted} px${b.plus ? ' pour FranceConnect+' : ''}.`);
  }

  // Looks like a link: underlined, in the DSFR's link colour.
  const cs = style(link);
  const colour = hex(cs.color);
  const underlined = cs.textDecorationLine.includes('underline') || /gradient/.test(cs.backgroundImage) || cs.borderBottomStyle !== 'none';
  if (!underlined) {
    push('fail', `Lien ${what} non souligné ; ${who} demande l’aspect d’un lien.`);
  } else if (colour !== THEMES.clair.link && colour !== THEMES.sombre.link) {
    push('warn', `Lien souligné mais de couleur ${colour} ; le DSFR donne aux liens #000091 (thème clair) ou #8585f6 (thème sombre) : vérifiez qu’il se lit comme un lien.`);
  } else {
    push('pass', `Lien souligné, couleur ${colour}.`);
  }

  // A new window is announced (docs/qualification.md#texts: "nouvelle fenêtre" in its name or title).
  if (link.getAttribute('target') !== '_blank') {
    // ProConnect's button page opens it in a new window, and says so (bouton_proconnect.md).
    if (pro) push('fail', `Le lien s’ouvre dans la même fenêtre ; ProConnect le demande dans une nouvelle fenêtre (target="_blank"), annoncée par « - ${NEW_WINDOW} » dans son titre ou son nom.`);
    else push('pass', 'Le lien s’ouvre dans la même fenêtre.');
  } else if ([nameOf(link), link.getAttribute('title') ?? ''].some((t) => key(t).toLowerCase().includes(NEW_WINDOW))) {
    push('pass', 'Le lien s’ouvre dans une nouvelle fenêtre et l’annonce.');
  } else {
    push('fail', `Le lien s’ouvre dans une nouvelle fenêtre sans l’annoncer ; ajoutez « - ${NEW_WINDOW} » à son nom ou à son titre.`);
  }
  return link;
}
