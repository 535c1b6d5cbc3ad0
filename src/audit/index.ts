/**
 * franceconnect-elements/audit: the qualification's own recipe ("effectuer votre
 * propre recette interne", docs/qualification.md) as pure functions over a page. It finds the
 * FranceConnect buttons however they are built (our elements, the DSFR's
 * `.fr-connect`, any control whose accessible name is an official label) and checks
 * each against rules 1 to 7 and 13 (docs/qualification.md), and the page's identity fields against
 * rules 15 and 16. What a page cannot tell is a `warn` that says how to check by hand.
 */
import { findForbidden } from '../shared/private-sign-in.js';
import {
  BRAND,
  BRAND_PLUS,
  DATA,
  INFO_LINK,
  INFO_LINK_PLUS,
  INFO_URL,
  INFO_URL_PLUS,
  LOGIN,
  NEW_WINDOW,
  SENTENCE,
  SENTENCE_PLUS,
} from '../shared/texts.js';
import { authored, box, describe, hex, lineage, nameOf, norm, px, seen, style, visible, walk } from './dom.js';

export interface AuditFinding {
  /** The rule checked, numbered as in docs/qualification.md (1 to 22). */
  rule: number;
  status: 'pass' | 'fail' | 'warn' | 'not-applicable';
  /** In French: what was measured, and what the rule wants. */
  message: string;
  /** The element concerned, as the page's author wrote it (a shadow host, not its insides). */
  element?: Element;
}

export interface AuditReport {
  /** False when any finding fails. */
  ok: boolean;
  findings: AuditFinding[];
}

/** docs/qualification.md#colours: the static colours of the button, per DSFR theme. */
const THEMES = {
  clair: { bg: '#000091', fg: '#f5f5fe', hover: '#1212ff', link: '#000091' },
  sombre: { bg: '#8585f6', fg: '#000091', hover: '#b1b1f9', link: '#8585f6' },
} as const;

/** The exact labels (docs/qualification.md#texts): the button's two lines read as one. */
const LABELS = [LOGIN, DATA].flatMap((first) => [`${first} ${BRAND}`, `${first} ${BRAND_PLUS}`]);

/** Controls that can be a FranceConnect button. */
const CONTROLS = 'button,a[href],[role=button],[role=link],input[type=submit],input[type=button],input[type=image],img';

/** Where a page's author puts site-wide navigation, not ways to log in. */
const CHROME = 'header,nav,footer,[role=banner],[role=navigation],[role=contentinfo]';

/** Words of another way in (rules 5 and 6). */
const WAY_IN =
  /se connecter|connexion|s['’]identifier|identifiez|\blog ?in\b|\bsign ?in\b|cr[ée]er (?:mon|un|votre) compte|s['’]inscrire|^inscription/i;

/** A text compared letter for letter, but for white space and the kind of apostrophe. */
const key = (text: string) => norm(text).replace(/'/g, '’').replace(/\.$/, '');

const isInfoLinkText = (text: string) => /^qu['’]est-ce que franceconnect/i.test(norm(text));

interface Button {
  el: Element;
  plus: boolean;
  /** Built by this library: its hover, size clamp and navigation are by construction. */
  ours: boolean;
  /** Sign-up section (rules 3 and 4) rather than login (rules 1 and 2). */
  signUp: boolean;
  section: Element;
}

/** Waits for custom elements (ours or others) to be defined and rendered, and for fonts. */
async function settle(doc: Document): Promise<void> {
  const view = doc.defaultView!;
  const soon = (ms: number) => new Promise((resolve) => view.setTimeout(resolve, ms));
  for (let pass = 0; pass < 4; pass += 1) {
    const pending: Promise<unknown>[] = [];
    for (const el of walk(doc)) {
      if (!el.localName.includes('-')) continue;
      if (!view.customElements.get(el.localName)) pending.push(view.customElements.whenDefined(el.localName));
      const update = (el as { updateComplete?: Promise<unknown> }).updateComplete;
      if (update) pending.push(update);
    }
    if (!pending.length) break;
    await Promise.race([Promise.all(pending), soon(3000)]);
  }
  await Promise.race([doc.fonts?.ready, soon(3000)]);
  // Layout after the last render.
  await Promise.race([new Promise((resolve) => view.requestAnimationFrame(() => resolve(0))), soon(100)]);
}

/** Is this element a FranceConnect button (and not the "Qu’est-ce que FranceConnect ?" link)? */
function isFranceConnectButton(el: Element): boolean {
  if (el.matches('.fr-connect')) return true;
  if (!el.matches(CONTROLS)) return false;
  const name = nameOf(el);
  if (!/france\s*connect/i.test(name) || isInfoLinkText(name)) return false;
  const href = el.getAttribute('href') ?? '';
  return !/^https?:\/\/(?:www\.)?franceconnect\.gouv\.fr/i.test(href);
}

/** The part of the page the button belongs to: its section, article or main region. */
function sectionOf(el: Element): Element {
  for (const e of lineage(el)) {
    if (e !== el && e.matches('section,article,main,aside,[role=region],[role=main],dialog,body')) return e;
  }
  return el.ownerDocument.body ?? el.ownerDocument.documentElement;
}

/** The last heading above the button in its section says whether it signs up or logs in. */
function isSignUp(el: Element, section: Element): boolean {
  const top = box(el).top;
  let last = '';
  for (const e of walk(section)) {
    if (e.matches('h1,h2,h3,h4,h5,h6,[role=heading]') && visible(e) && box(e).bottom <= top + 1) last = seen(e);
  }
  for (const e of lineage(el)) {
    if (e.localName === 'fc-login-block') return e.getAttribute('section') === 'inscription';
  }
  return /inscri|cr[ée]e[rz]? (?:un |mon |votre )?compte|sign ?up/i.test(last);
}

function findButtons(root: Element | Document): Button[] {
  const found: Element[] = [];
  for (const el of walk(root)) {
    if (!visible(el) || !isFranceConnectButton(el)) continue;
    // One button, one finding: an image inside a FranceConnect link is the link.
    if (found.some((outer) => [...lineage(el)].includes(outer))) continue;
    found.push(el);
  }
  return found.map((el) => {
    const host = authored(el);
    const section = sectionOf(el);
    return {
      el,
      plus: /franceconnect\+/i.test(nameOf(el)) || el.matches('.fr-connect--plus'),
      ours: host !== el && /^fc-/.test(host.localName),
      signUp: isSignUp(el, section),
      section,
    };
  });
}

/** Elements of `section` a visitor sees, outside site navigation. */
function* content(section: Element): Generator<Element> {
  for (const el of walk(section)) {
    if (visible(el) && ![...lineage(el)].some((e) => e.matches(CHROME))) yield el;
  }
}

/** Rules 1 / 3: the sentence above; size; colours; label. */
function checkButton(b: Button, out: AuditFinding[]): void {
  const rule = b.signUp ? 3 : 1;
  const { el } = b;
  const element = authored(el);
  const what = describe(el);
  const r = box(el);
  const push = (status: AuditFinding['status'], message: string) => out.push({ rule, status, message, element });

  // The explanatory sentence, above the button (docs/qualification.md#rule-1, #rule-3).
  const sentence = key(b.plus ? SENTENCE_PLUS : SENTENCE);
  const holders = [...content(b.section)].filter(
    (e) => key(e.textContent ?? '').includes(sentence) && !e.contains(el),
  );
  if (holders.some((e) => box(e).bottom <= r.top + 1)) {
    push('pass', `Phrase explicative présente au-dessus du bouton ${what}.`);
  } else {
    push(
      'fail',
      `${holders.length ? 'Phrase explicative sous le bouton' : 'Phrase explicative absente'} ${what} ; la règle ${rule} demande au-dessus : « ${b.plus ? SENTENCE_PLUS : SENTENCE} »`,
    );
  }

  // Size: 209 × 56 (245 × 56 for FranceConnect+), or larger by exact homothety (docs/qualification.md#geometry).
  const [w, h] = [b.plus ? 245 : 209, 56];
  const size = `${px(r.width)} × ${px(r.height)} px`;
  if (r.width < w - 0.5 || r.height < h - 0.5) {
    push('fail', `Bouton ${what} de ${size} ; la règle ${rule} demande ${w} × ${h} px, jamais moins.`);
  } else if (Math.abs(r.width - (r.height * w) / h) > 1) {
    push(
      'fail',
      `Bouton ${what} déformé : ${size}, rapport ${px(r.width / r.height)} ; la règle ${rule} demande ${w} × ${h} px ou un agrandissement homothétique (rapport ${px(w / h)}).`,
    );
  } else {
    push('pass', `Bouton ${what} de ${size} (${w} × ${h} px demandés${r.height > h + 0.5 ? ', agrandi par homothétie' : ''}).`);
  }

  // Static colours of one DSFR theme (docs/qualification.md#colours); the text of every line counts.
  const image = el.localName === 'img' || el.localName === 'input' || (!seen(el) && !!el.querySelector('img'));
  const cs = style(el);
  if (image) {
    push('warn', `Bouton ${what} fait d’une image : ses couleurs ne se lisent pas ; comparez-le à l’œil au bouton officiel (fond #000091, texte #f5f5fe en thème clair).`);
  } else if (el.matches(':disabled,[aria-disabled=true]')) {
    push('warn', `Bouton ${what} désactivé : ses couleurs statiques ne se mesurent pas ; auditez la page quand il est actif.`);
  } else {
    const bg = hex(cs.backgroundColor);
    const texts = [el, ...el.querySelectorAll('*')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && norm(n.textContent)))
      .map((e) => hex(style(e).color));
    const fg = texts.find((c) => c !== texts[0]) ? texts.join(', ') : (texts[0] ?? hex(cs.color));
    const theme = (Object.keys(THEMES) as Array<keyof typeof THEMES>).find(
      (t) => THEMES[t].bg === bg && THEMES[t].fg === fg,
    );
    // A background image or gradient, a filter or transparency repaint the button too.
    const filter = cs.filter !== 'none' || /(?:url|gradient)\(/.test(cs.backgroundImage) || Number(cs.opacity) < 1;
    if (theme && !filter) {
      push('pass', `Couleurs statiques du thème ${theme} du DSFR : fond ${bg}, texte ${fg}.`);
    } else {
      push(
        'fail',
        `Bouton ${what} recoloré : fond ${bg}, texte ${fg}${filter ? ', avec filtre, image de fond ou transparence' : ''} ; la règle ${rule} demande fond #000091 et texte #f5f5fe (thème clair) ou fond #8585f6 et texte #000091 (thème sombre).`,
      );
    }
  }
  // Hover (docs/qualification.md#colours: "le changement d'état au survol"): a page cannot hover itself.
  if (b.ours) {
    push('pass', `Survol de ${what} : assuré par l’élément (fond #1212ff en thème clair, #b1b1f9 en thème sombre).`);
  } else {
    push('warn', `Survol de ${what} non mesurable depuis la page : survolez-le, le fond doit devenir #1212ff (thème clair) ou #b1b1f9 (thème sombre).`);
  }

  // The exact label, read and seen (docs/qualification.md#texts): nothing added by CSS either.
  const name = nameOf(el);
  const shown = image ? name : seen(el);
  const added = [el, ...el.querySelectorAll('*')].some((e) =>
    ['::before', '::after'].some((p) => !/^(?:none|normal|""|"\+")$/.test(style(e, p).content)),
  );
  // FranceConnect+'s "+" may be drawn (the DSFR's ::after, our glyph) rather than written.
  const exact = LABELS.includes(name) && key(shown.replace(/\+$/, '')) === key(name.replace(/\+$/, '')) && !added;
  if (exact) {
    push('pass', `Libellé exact : « ${name} ».`);
  } else {
    push(
      'fail',
      `Libellé « ${name} »${shown !== name ? ` (affiché : « ${shown} »)` : ''}${added ? ', avec un texte ajouté par CSS' : ''} ; la règle ${rule} demande exactement « ${LABELS[b.plus ? 1 : 0]} »${b.plus ? '' : ` ou « ${LABELS[2]} »`}.`,
    );
  }
}

/** Rules 2 / 4: the "Qu’est-ce que FranceConnect ?" link under the button. */
function checkInfoLink(b: Button, out: AuditFinding[]): Element | undefined {
  const rule = b.signUp ? 4 : 2;
  const r = box(b.el);
  const expected = b.plus ? INFO_LINK_PLUS : INFO_LINK;
  const url = b.plus ? INFO_URL_PLUS : INFO_URL;
  const gapWanted = b.plus ? 12 : 8;
  const links = [...content(b.section)].filter(
    (e) => isInfoLinkText(nameOf(e)) && !e.querySelector('a') && (e.matches('a,[role=link],button') || !e.children.length),
  );
  const below = links
    .filter((e) => box(e).top >= r.bottom - 1 && box(e).left < r.right && box(e).right > r.left)
    .sort((a, c) => box(a).top - box(c).top);
  const link = below[0];
  if (!link) {
    out.push({
      rule,
      status: 'fail',
      message: `Lien « ${expected} » ${links.length ? 'pas sous' : 'absent sous'} le bouton ${describe(b.el)} ; la règle ${rule} le demande sous le bouton, à ${gapWanted} px, vers ${url}.`,
      element: authored(b.el),
    });
    return undefined;
  }
  const element = authored(link);
  const push = (status: AuditFinding['status'], message: string) => out.push({ rule, status, message, element });
  const what = describe(link);

  // Text: the official words; a "nouvelle fenêtre" mention may follow.
  const text = seen(link);
  const rest = key(text).replace(key(expected), '');
  if (key(text).startsWith(key(expected)) && /^(?:\s*[-–—,(]?\s*(?:ouvre une )?nouvelle fenêtre\)?)?$/i.test(rest)) {
    push('pass', `Texte du lien exact : « ${expected} ».`);
  } else {
    push('fail', `Texte du lien « ${text} » ; la règle ${rule} demande « ${expected} ».`);
  }

  // Target: franceconnect.gouv.fr (FC+: its FranceConnect+ page).
  const href = link.localName === 'a' ? (link as HTMLAnchorElement).href : '';
  const same = (a: string, c: string) => a.replace(/\/$/, '') === c.replace(/\/$/, '');
  if (!href) {
    push('fail', `${what} n’est pas un lien (<a href>) ; la règle ${rule} demande un vrai lien vers ${url}.`);
  } else if (same(href, url)) {
    push('pass', `Le lien pointe vers ${url}.`);
  } else {
    push('fail', `Le lien pointe vers ${href} ; la règle ${rule} demande ${url}.`);
  }

  // Distance: 8 px under the FranceConnect button, 12 px under the FranceConnect+ one.
  const gap = box(link).top - r.bottom;
  if (Math.abs(gap - gapWanted) <= 1) {
    push('pass', `Lien à ${px(gap)} px sous le bouton (${gapWanted} px demandés).`);
  } else {
    push(
      'fail',
      `Lien à ${px(gap)} px sous le bouton ; la règle ${rule} demande ${gapWanted} px${b.plus ? ' pour FranceConnect+' : ''}.`,
    );
  }

  // Looks like a link: underlined, in the DSFR's link colour.
  const cs = style(link);
  const colour = hex(cs.color);
  const underlined = cs.textDecorationLine.includes('underline') || /gradient/.test(cs.backgroundImage) || cs.borderBottomStyle !== 'none';
  if (!underlined) {
    push('fail', `Lien ${what} non souligné ; la règle ${rule} demande l’aspect d’un lien.`);
  } else if (colour !== THEMES.clair.link && colour !== THEMES.sombre.link) {
    push('warn', `Lien souligné mais de couleur ${colour} ; le DSFR donne aux liens #000091 (thème clair) ou #8585f6 (thème sombre) : vérifiez qu’il se lit comme un lien.`);
  } else {
    push('pass', `Lien souligné, couleur ${colour}.`);
  }

  // A new window is announced (docs/qualification.md#texts: "nouvelle fenêtre" in its name or title).
  if (link.getAttribute('target') !== '_blank') {
    push('pass', 'Le lien s’ouvre dans la même fenêtre.');
  } else if ([nameOf(link), link.getAttribute('title') ?? ''].some((t) => key(t).toLowerCase().includes(NEW_WINDOW))) {
    push('pass', 'Le lien s’ouvre dans une nouvelle fenêtre et l’annonce.');
  } else {
    push('fail', `Le lien s’ouvre dans une nouvelle fenêtre sans l’annoncer ; ajoutez « - ${NEW_WINDOW} » à son nom ou à son titre.`);
  }
  return link;
}

/** Rules 5, 6 and 7 around one button. */
function checkNeighbours(b: Button, link: Element | undefined, buttons: Button[], out: AuditFinding[]): void {
  const element = authored(b.el);
  const r = box(b.el);
  const bottom = link ? box(link).bottom : r.bottom;

  // Rule 7: the shared detector, over the button's section.
  const privates = findForbidden([b.section]).filter((f) => f.rule === 7);
  for (const f of privates) {
    out.push({
      rule: 7,
      status: 'fail',
      message: `${describe(f.element)} propose ${f.provider} près du bouton FranceConnect ; la règle 7 interdit les connexions par réseau social ou service privé.`,
      element: authored(f.element),
    });
  }
  if (!privates.length) {
    out.push({ rule: 7, status: 'pass', message: 'Aucune connexion par réseau social ou service privé près du bouton.', element });
  }

  // Other ways in: password and e-mail fields, "Se connecter" or "Créer un compte" controls.
  const ours = buttons.map((x) => x.el);
  const skip = [...ours, ...privates.map((f) => f.element), ...(link ? [link] : [])];
  const ways = [...content(b.section)].filter(
    (e) =>
      !skip.some((s) => [...lineage(e)].includes(s)) &&
      (e.matches('input[type=password],input[type=email],input[autocomplete~=username]') ||
        (e.matches('button,a[href],[role=button],input[type=submit],input[type=button]') &&
          WAY_IN.test(nameOf(e)) &&
          !/france\s*connect/i.test(nameOf(e)))),
  );

  // Rule 5: FranceConnect first, above every other way in.
  const above = ways.find((e) => box(e).bottom <= r.top + 1);
  out.push(
    above
      ? {
          rule: 5,
          status: 'fail',
          message: `${describe(above)} est au-dessus du bouton FranceConnect ; la règle 5 veut FranceConnect en premier mode de connexion.`,
          element: authored(above),
        }
      : { rule: 5, status: 'pass', message: 'Aucun autre moyen de connexion au-dessus du bouton.', element },
  );

  // Rule 6: a separator reading "ou" between FranceConnect and the other ways.
  if (!ways.length) {
    out.push({ rule: 6, status: 'not-applicable', message: 'Aucun autre moyen de connexion dans la section : pas de séparateur « OU » à vérifier.', element });
    return;
  }
  const separators = [...content(b.section)].filter((e) => /^ou$/i.test(norm(e.textContent)) && !e.children.length);
  const between = (top: number, end: number) => separators.some((s) => box(s).top >= top - 1 && box(s).bottom <= end + 1);
  const wrong = ways.find((e) => {
    const w = box(e);
    if (w.top >= bottom - 1) return !between(bottom, w.top);
    if (w.bottom <= r.top + 1) return !between(w.bottom, r.top);
    return true; // beside the button: nothing can stand between.
  });
  out.push(
    wrong
      ? {
          rule: 6,
          status: 'fail',
          message: `Pas de séparateur « OU » entre le bouton FranceConnect et ${describe(wrong)} ; la règle 6 demande une séparation portant « OU ».`,
          element: authored(wrong),
        }
      : { rule: 6, status: 'pass', message: 'Un séparateur « OU » sépare FranceConnect des autres moyens de connexion.', element },
  );
}

/** Rule 13: no iframe, no pop-up, no modal. */
function checkFrames(root: Element | Document, buttons: Button[], out: AuditFinding[]): void {
  const top = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const frames = findForbidden([top]).filter((f) => f.rule === 13);
  for (const f of frames) {
    out.push({
      rule: 13,
      status: 'fail',
      message: `Iframe sur la page ${describe(f.element)}${f.element.getAttribute('src') ? ` (${f.element.getAttribute('src')!.slice(0, 80)})` : ''} ; la règle 13 interdit les iframes.`,
      element: authored(f.element),
    });
  }
  if (!frames.length) out.push({ rule: 13, status: 'pass', message: 'Aucune iframe sur la page.' });
  for (const b of buttons) {
    const element = authored(b.el);
    const what = describe(b.el);
    const form = (b.el as HTMLButtonElement).form;
    const opens =
      b.el.getAttribute('target') === '_blank' ||
      b.el.getAttribute('formtarget') === '_blank' ||
      (form?.getAttribute('target') === '_blank' && !b.el.hasAttribute('formtarget')) ||
      /\bopen\s*\(/.test(b.el.getAttribute('onclick') ?? '');
    const modal = [...lineage(b.el)].find((e) => e.matches('dialog,[role=dialog],[aria-modal=true]'));
    if (opens || modal) {
      out.push({
        rule: 13,
        status: 'fail',
        message: `Le bouton ${what} ${modal ? 'est dans une fenêtre modale' : 'ouvre une nouvelle fenêtre'} ; la règle 13 interdit pop-ups et modales : il doit naviguer dans cette fenêtre.`,
        element,
      });
    } else if (b.ours) {
      out.push({ rule: 13, status: 'pass', message: `Le bouton ${what} navigue dans cette fenêtre (par construction).`, element });
    } else {
      out.push({
        rule: 13,
        status: 'warn',
        message: `Le bouton ${what} ne déclare pas de nouvelle fenêtre, mais un script peut en ouvrir une : cliquez-le et vérifiez que FranceConnect s’ouvre dans cet onglet, sans pop-up.`,
        element,
      });
    }
  }
}

/** The fields of rules 15 and 16, by their label. */
const PIVOT: Array<[string, RegExp]> = [
  ['Nom de naissance', /^nom de naissance/i],
  ['Prénoms', /^pr[ée]noms?\b/i],
  ['Date de naissance', /^date de naissance/i],
  ['Ville de naissance', /^(?:ville|commune|lieu) de naissance/i],
  ['Pays de naissance', /^pays de naissance/i],
  ['Sexe', /^(?:sexe|genre)\b/i],
];
const CONTACT: Array<[string, RegExp]> = [
  ['Nom d’usage', /^nom d['’]usage/i],
  ['Email', /^(?:e-?mail|courriel|adresse (?:e-?mail|électronique|de courriel))/i],
];

/** A field's label: aria-labelledby, aria-label, <label for>, a wrapping label, a group's legend. */
function labelOf(field: Element): string {
  const root = field.getRootNode() as Document | ShadowRoot;
  if (field.matches('input[type=radio],input[type=checkbox]')) {
    const legend = field.closest('fieldset')?.querySelector('legend');
    const group = field.closest('[role=radiogroup]');
    if (group) return nameOf(group);
    if (legend) return norm(legend.textContent);
  }
  const byName = field.hasAttribute('aria-labelledby') || field.hasAttribute('aria-label') ? nameOf(field) : '';
  if (byName) return byName;
  const forId = field.id ? root.querySelector?.(`label[for="${CSS.escape(field.id)}"]`) : null;
  const label = forId ?? field.closest('label');
  return norm(label?.textContent) || norm(field.getAttribute('placeholder')) || norm(field.getAttribute('title'));
}

function editable(field: Element): boolean {
  if (field.matches('input,select,textarea,button')) {
    return !field.matches(':disabled') && !(field as HTMLInputElement).readOnly;
  }
  if (field.getAttribute('aria-readonly') === 'true' || field.getAttribute('aria-disabled') === 'true') return false;
  return (field as HTMLElement).isContentEditable;
}

function filled(field: Element): boolean {
  if (field.matches('input[type=radio],input[type=checkbox]')) return (field as HTMLInputElement).checked;
  if (field.matches('input,select,textarea')) return (field as HTMLInputElement).value.trim() !== '';
  return norm(field.textContent) !== '';
}

/** Rules 15 and 16: pivot identity locked, e-mail and usage name editable. */
function checkFields(root: Element | Document, out: AuditFinding[]): void {
  const fields = [...walk(root)].filter(
    (e) =>
      e.matches('input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]),select,textarea,[contenteditable],[role=textbox],[role=combobox]') &&
      visible(e),
  );
  const groups = new Map<string, { rule: number; name: string; fields: Element[] }>();
  for (const field of fields) {
    const label = labelOf(field);
    for (const [rule, list] of [[15, PIVOT], [16, CONTACT]] as const) {
      const hit = list.find(([, pattern]) => pattern.test(label));
      if (!hit) continue;
      const entry = groups.get(hit[0]) ?? { rule, name: hit[0], fields: [] };
      entry.fields.push(field);
      groups.set(hit[0], entry);
    }
  }
  const empty: string[] = [];
  for (const { rule, name, fields: group } of groups.values()) {
    const element = authored(group[0]);
    const open = group.some(editable);
    if (rule === 16) {
      out.push(
        open
          ? { rule, status: 'pass', message: `Champ « ${name} » modifiable.`, element }
          : { rule, status: 'fail', message: `Champ « ${name} » non modifiable ; la règle 16 le veut modifiable.`, element },
      );
    } else if (!open) {
      out.push({ rule, status: 'pass', message: `Champ « ${name} » non modifiable.`, element });
    } else if (group.some(filled)) {
      out.push({
        rule,
        status: 'fail',
        message: `Champ « ${name} » pré-rempli et modifiable ; la règle 15 le veut non modifiable quand il vient de FranceConnect (readonly, ou affiché comme texte).`,
        element,
      });
    } else {
      empty.push(name);
    }
  }
  if (empty.length) {
    out.push({
      rule: 15,
      status: 'warn',
      message: `Champs vides et modifiables : ${empty.join(', ')}. Un formulaire rempli à la main peut les laisser modifiables ; s’ils sont remplis par FranceConnect, vérifiez qu’ils ne le sont plus.`,
    });
  }
  for (const rule of [15, 16]) {
    if (!out.some((f) => f.rule === rule)) {
      out.push({
        rule,
        status: 'not-applicable',
        message: `Aucun champ ${rule === 15 ? 'd’identité pivot (Nom de naissance, Prénoms, Date, Ville et Pays de naissance, Sexe)' : 'Email ou Nom d’usage'} sur la page.`,
      });
    }
  }
}

/**
 * Audits a page (or a part of it) against FranceConnect's qualification rules
 * (rules 1 to 7, 13, 15 and 16 of docs/qualification.md), in the page's current size and theme.
 * Waits for custom elements to be defined and rendered, and for fonts, first.
 */
export async function auditFranceConnect(root: Document | Element = document): Promise<AuditReport> {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  await settle(doc);
  const findings: AuditFinding[] = [];
  const buttons = findButtons(root);
  if (!buttons.length) {
    for (const rule of [1, 2, 3, 4, 5, 6, 7]) {
      findings.push({ rule, status: 'not-applicable', message: 'Aucun bouton FranceConnect sur cette page.' });
    }
  }
  for (const b of buttons) {
    checkButton(b, findings);
    const link = checkInfoLink(b, findings);
    checkNeighbours(b, link, buttons, findings);
  }
  if (buttons.length) {
    // The page shows one kind of section; the other kind lives on another page.
    const signUp = buttons.some((b) => b.signUp);
    const login = buttons.some((b) => !b.signUp);
    for (const [has, rules, where] of [[signUp, [3, 4], 'd’inscription'], [login, [1, 2], 'de connexion']] as const) {
      if (has) continue;
      for (const rule of rules) {
        findings.push({
          rule,
          status: 'warn',
          message: `Pas de section ${where} sur cette page : lancez aussi l’audit sur votre page ${where} (bouton, phrase et lien y sont exigés).`,
        });
      }
    }
  }
  checkFrames(root, buttons, findings);
  checkFields(root, findings);
  findings.sort((a, c) => a.rule - c.rule);
  return { ok: !findings.some((f) => f.status === 'fail'), findings };
}
