/**
 * Finding the FranceConnect buttons of a page, however they are built, by every signal a
 * page gives: the accessible name, `alt` and `title`, the images it draws (their file
 * names, and the FranceConnect logo in their pixels or in an inline SVG), class and id
 * names, where it leads (an OpenID Connect `authorize`, a FranceConnect login route), the
 * DSFR's `.fr-connect` and our own elements.
 *
 * A control whose signals are strong is a button, judged by the other modules. One whose
 * signals are weak and whose name does not say what it is (« Soumettre », none) is a
 * *likely* FranceConnect control: the audit says it could not judge it, and the page is
 * never « Conforme » by silence (docs/qualification.md#audit).
 *
 * FranceConnect's own sites (franceconnect.gouv.fr, its partners' documentation) and
 * links that read as documentation (« Documentation générale de FranceConnect ») are
 * never the button.
 */
import type { Provider } from '../shared/texts.js';
import { authored, backgroundUrls, box, inChrome, lineage, loadImage, nameOf, norm, pixels, style, visible, walk } from './dom.js';

/** The brand, however it is written: FranceConnect, France Connect, france-connect, franceconnect. */
export const FC_NAME = /france[\s_-]*connect/i;
const FC_PLUS = /france[\s_-]*connect\s*(?:\+|plus\b)/i;
/**
 * ProConnect, however it is written, and AgentConnect, its former name, which its
 * production host still carries (proconnect-gouv/proconnect-espace-partenaires,
 * src/pages/docs/ressources/valeur_ac_domain.md: auth.agentconnect.gouv.fr).
 */
export const PC_NAME = /pro[\s_-]*connect|agent[\s_-]*connect/i;
/** ProConnect's hosts: its site, its partners' space, its authorize (Internet and RIE, production and integration). */
const PC_SITE = /(?:^|\.)(?:(?:pro|agent)connect(?:\.rie)?\.gouv\.fr|dev-(?:pro|agent)connect\.fr)$/i;
/** Either brand. */
const ANY_NAME = new RegExp(`${FC_NAME.source}|${PC_NAME.source}`, 'i');

/** Words of a link about FranceConnect rather than a way to use it (docs/qualification.md#audit). */
const ABOUT = new RegExp(
  [
    'qu[’\']est[\\s-]*ce',
    'c[’\']est quoi',
    'documentation',
    '\\bdocs?\\b',
    'en savoir plus',
    '\\baide\\b',
    'd[ée]couvr',
    '\\bcomment\\b',
    '\\bguides?\\b',
    '\\bfaq\\b',
    'mentions',
    'politique',
    'conditions',
    'partenaires?',
    'code source',
    'presse',
    'actualit',
    '\\bsupport\\b',
    '\\bcontact',
    '\\bblog\\b',
    'accessibilit',
    'tutoriel',
    'vid[ée]o',
    'statistiques',
    'fonctionnement',
  ].join('|'),
  'i',
);

/** FranceConnect's own hosts: information and documentation, unless the path is its authorize. */
const FC_SITE = /(?:^|\.)(?:franceconnect\.gouv\.fr|franceconnect\.fr|dev-franceconnect\.fr)$/i;
/**
 * FranceConnect's authorize endpoint, v2 or the closed v1, on any host. Another
 * provider's authorize is no signal: it may be a private sign-in (rule 7) or the
 * service's own broker, which then sends the visitor on to FranceConnect.
 */
export const AUTHORIZE = /\/api\/v[12]\/authorize\/?$/i;

/** Ways out: a logout route, FranceConnect's session/end. */
const LOGOUT = /log[-_]?out|sign[-_]?out|d[ée]connex|deconnect|session\/end|end[-_]?session/i;
/** Words of a login route. */
const LOGIN_PATH = /auth|log[-_]?in|sign[-_]?in|connexion|connect|oidc|openid|sso|identification|callback|idp/i;

/** Names that do not say what a control does: an image's alt copied from a template. */
const GENERIC =
  /^(?:|ok|go|valider|soumettre|submit|envoyer|send|entrer|continuer|suivant|connexion|se connecter|s['’]identifier|login|log in|sign in|acc[ée]der|image|img|bouton|button|btn|lien|link|logo|icon|ic[oô]ne|cliquez ici|click here|\W*)$/i;

/** Controls a visitor activates. */
const PRIMARY = 'a[href],button,input[type=submit],input[type=button],input[type=image],[role=button],[role=link]';
/** Elements a script makes clickable. */
const SECONDARY = '[onclick],[tabindex]:not([tabindex="-1"])';

/** The logo's colours (DSFR src/dsfr/component/connect/mockup/logo.svg): dark blue, red, blue. */
const LOGO_COLOURS: Array<[number, number, number]> = [
  [0x2a, 0x2f, 0x82],
  [0xdf, 0x1f, 0x26],
  [0x2e, 0x65, 0xb0],
];
/**
 * ProConnect's logo's colours (the file its button page publishes, proconnect-gouv/
 * proconnect-espace-partenaires, src/pages/docs/fournisseur-service/bouton_proconnect.md):
 * its yellow, its blue and its #000091, all three needed (the DSFR's info blue is #0063cb too).
 */
const PC_LOGO_COLOURS: Array<[number, number, number]> = [
  [0xfc, 0xc6, 0x3a],
  [0x00, 0x63, 0xcb],
  [0x00, 0x00, 0x91],
];

/** Signals collected for each brand before one is chosen. */
interface Signals {
  strong: string[];
  weak: string[];
}

export interface Candidate {
  el: Element;
  /** Signals that make it a FranceConnect (or ProConnect) button. */
  strong: string[];
  /** Signals that make it a likely one. */
  weak: string[];
  /** Whose button it is: FranceConnect's, or ProConnect's (docs/qualification.md#proconnect-audit). */
  provider: Provider;
  /** ProConnect's signals, while they are collected. */
  pro?: Signals;
}

/** Words of a file name, a class, an id or a path: "btn_fc-Bouton.svg" → btn fc bouton svg. */
const tokens = (text: string) =>
  text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

/** "fc" next to a word of buttons, logos or logins: fc-btn, bouton_fc, fcLogin. */
const fcShort = (text: string) => {
  const words = tokens(text);
  return (
    words.includes('fc') &&
    words.some((w) => /^(?:btn|button|bouton|login|connect|connexion|logo|plus|signin|auth|oidc|sso|identification)$/.test(w))
  );
};

/** The last part of a URL's path, for messages. */
const fileName = (url: string) => {
  try {
    return decodeURIComponent(new URL(url, 'http://x/').pathname.split('/').filter(Boolean).pop() ?? url).slice(0, 60);
  } catch {
    return url.slice(0, 60);
  }
};

/** A link about FranceConnect (its site, its documentation), never the button. */
export function isAboutLink(el: Element): boolean {
  const href = el.localName === 'a' ? (el as HTMLAnchorElement).href : '';
  if (href) {
    try {
      const url = new URL(href);
      if ((FC_SITE.test(url.hostname) || PC_SITE.test(url.hostname)) && !AUTHORIZE.test(url.pathname)) return true;
      if (/(?:^|\.)github\.com$/i.test(url.hostname) && /france-?connect/i.test(url.pathname)) return true;
    } catch {
      // not a URL: judged by its name
    }
  }
  const name = nameOf(el);
  return ANY_NAME.test(name) && ABOUT.test(name);
}

/** Signals of where a control leads: its href, its form's action, its formaction. */
function destinationSignals(el: Element, out: Candidate): void {
  const form = (el as HTMLButtonElement).form as HTMLFormElement | null | undefined;
  const targets = [
    el.localName === 'a' ? (el as HTMLAnchorElement).href : '',
    el.getAttribute('formaction') ? (el as HTMLButtonElement).formAction : form?.action && el.matches('button,input') ? form.action : '',
    el.getAttribute('onclick') ?? '',
  ];
  for (const target of targets.filter(Boolean)) {
    let path = target;
    try {
      const url = new URL(target);
      path = `${url.pathname}${url.search}`;
      if (AUTHORIZE.test(url.pathname)) {
        // ProConnect's authorize has FranceConnect's path: its host tells them apart.
        (PC_SITE.test(url.hostname) ? out.pro! : out).strong.push(`mène à ${PC_SITE.test(url.hostname) ? url.host : ''}${url.pathname}`);
        continue;
      }
    } catch {
      // an onclick: its text is read as is
    }
    // A way out (logout) or a page about FranceConnect is no way in.
    if (LOGOUT.test(path) || ABOUT.test(path.replace(/[-_/]+/g, ' '))) continue;
    // A login route names FranceConnect and logging in: /auth/franceconnect, /login?idp=franceconnect.
    if (FC_NAME.test(path)) out.strong.push(`${LOGIN_PATH.test(path.replace(FC_NAME, '')) ? 'mène à' : 'adresse'} ${path.slice(0, 60)}`);
    else if (PC_NAME.test(path)) out.pro!.strong.push(`${LOGIN_PATH.test(path.replace(PC_NAME, '')) ? 'mène à' : 'adresse'} ${path.slice(0, 60)}`);
    else if (fcShort(path)) out.weak.push(`mène à ${path.slice(0, 60)}`);
  }
}

/** How close a pixel is to a colour (largest channel difference). */
const near = (d: Uint8ClampedArray, i: number, [r, g, b]: [number, number, number], tolerance = 24) =>
  Math.max(Math.abs(d[i] - r), Math.abs(d[i + 1] - g), Math.abs(d[i + 2] - b)) <= tolerance && d[i + 3] > 200;

/**
 * The logo an image's pixels draw: FranceConnect's (its red and one of its blues, each on a
 * few dozen pixels) or ProConnect's (its yellow, its blue and its #000091).
 */
async function drawsLogo(doc: Document, url: string): Promise<Provider | undefined> {
  const img = await loadImage(doc, url);
  const p = img && pixels(img);
  if (!p) return undefined;
  const colours = [...LOGO_COLOURS, ...PC_LOGO_COLOURS];
  const counts = colours.map(() => 0);
  for (let i = 0; i < p.data.length; i += 4) {
    colours.forEach((colour, k) => {
      if (near(p.data, i, colour)) counts[k] += 1;
    });
  }
  // The logo is 40 × 48 in a 209 × 56 button: its red alone covers about 60 pixels.
  const min = Math.max(12, (p.width * p.height) / 2000);
  if (counts.slice(0, 3).filter((n) => n >= min).length >= 2 && counts[1] >= min) return 'franceconnect';
  if (counts.slice(3).every((n) => n >= min)) return 'proconnect';
  return undefined;
}

/** The logo drawn by an inline SVG, paths filled with its colours: FranceConnect's or ProConnect's. */
function svgLogo(svg: Element): Provider | undefined {
  const fills = new Set<number>();
  const colours = [...LOGO_COLOURS, ...PC_LOGO_COLOURS];
  for (const shape of svg.querySelectorAll('path,polygon,rect,circle')) {
    const fill = style(shape).fill;
    const m = fill.match(/rgb\((\d+),\s*(\d+),\s*(\d+)\)/);
    if (!m) continue;
    colours.forEach(([r, g, b], k) => {
      if (Math.max(Math.abs(+m[1] - r), Math.abs(+m[2] - g), Math.abs(+m[3] - b)) <= 8) fills.add(k);
    });
  }
  if ([0, 1, 2].filter((k) => fills.has(k)).length >= 2 && fills.has(1)) return 'franceconnect';
  if (fills.has(3) && fills.has(4) && fills.has(5)) return 'proconnect';
  return undefined;
}

/** Signals of what a control draws: its images, its SVG, its background. */
async function imageSignals(el: Element, out: Candidate): Promise<void> {
  const doc = el.ownerDocument;
  const inside = [el, ...el.querySelectorAll('*')];
  // Only a button-sized control's pixels are read: not every picture a page links.
  const r = box(el);
  const buttonSized = r.width >= 100 && r.width <= 800 && r.height >= 24 && r.height <= 240;
  const urls: string[] = [];
  for (const e of inside) {
    if (e.localName === 'img') urls.push((e as HTMLImageElement).currentSrc || (e as HTMLImageElement).src);
    if (e.localName === 'input' && (e as HTMLInputElement).type === 'image') urls.push((e as HTMLInputElement).src);
    if (e.localName === 'image' || e.localName === 'use') {
      const href = e.getAttribute('href') ?? e.getAttribute('xlink:href');
      if (href && !href.startsWith('#')) urls.push(new URL(href, doc.baseURI).href);
    }
    for (const pseudo of [undefined, '::before', '::after']) urls.push(...backgroundUrls(e, pseudo));
    for (const attribute of ['alt', 'title', 'aria-label']) {
      const text = e === el ? '' : norm(e.getAttribute(attribute));
      if (FC_NAME.test(text) && !ABOUT.test(text)) out.strong.push(`${attribute} « ${text.slice(0, 60)} »`);
      else if (PC_NAME.test(text) && !ABOUT.test(text)) out.pro!.strong.push(`${attribute} « ${text.slice(0, 60)} »`);
    }
    if (e.localName === 'svg') {
      const logo = svgLogo(e);
      if (logo === 'franceconnect') out.strong.push('logo FranceConnect dessiné en SVG');
      if (logo === 'proconnect') out.pro!.strong.push('logo ProConnect dessiné en SVG');
      const drawn = norm([...e.querySelectorAll('text,title')].map((t) => t.textContent).join(' '));
      if (FC_NAME.test(drawn)) out.strong.push(`SVG « ${drawn.slice(0, 60)} »`);
      else if (PC_NAME.test(drawn)) out.pro!.strong.push(`SVG « ${drawn.slice(0, 60)} »`);
    }
  }
  for (const url of [...new Set(urls.filter(Boolean))]) {
    // data: URLs have no file name; their SVG text is read as is.
    let name = fileName(url);
    if (url.startsWith('data:')) {
      try {
        // A base64 SVG (ProConnect's button page publishes one) is read as its text.
        const base64 = /^data:image\/svg\+xml;base64,/i.exec(url);
        name = base64 ? doc.defaultView!.atob(url.slice(base64[0].length, base64[0].length + 40000)) : decodeURIComponent(url.slice(0, 4000));
      } catch {
        name = url.slice(0, 4000);
      }
    }
    const own = url.startsWith('data:') ? '' : url;
    const where = url.startsWith('data:') ? 'intégrée' : name;
    if (FC_NAME.test(name) || FC_NAME.test(own)) {
      out.strong.push(`image ${where}`);
    } else if (PC_NAME.test(name) || PC_NAME.test(own)) {
      out.pro!.strong.push(`image ${where}`);
    } else if (url.startsWith('data:image/svg') && /#df1f26|%23df1f26/i.test(name)) {
      out.strong.push('logo FranceConnect dans une image intégrée');
    } else if (url.startsWith('data:image/svg') && ['fcc63a', '0063cb', '000091'].every((c) => new RegExp(`(?:#|%23)${c}`, 'i').test(name))) {
      out.pro!.strong.push('logo ProConnect dans une image intégrée');
    } else {
      const logo = buttonSized ? await drawsLogo(doc, url) : undefined;
      if (logo) (logo === 'proconnect' ? out.pro! : out).strong.push(`logo ${logo === 'proconnect' ? 'ProConnect' : 'FranceConnect'} dans l’image ${where}`);
      else if (fcShort(name)) out.weak.push(`image ${name}`);
    }
  }
}

/** Signals of a control's own name, classes and id. */
function nameSignals(el: Element, out: Candidate): void {
  const name = nameOf(el);
  if (el.matches('.fr-connect')) out.strong.push('classe .fr-connect du DSFR');
  // DSFR 1.15's ProConnect button (docs/qualification.md#proconnect).
  if (el.matches('.fr-connect--pro')) out.pro!.strong.push('classe .fr-connect--pro du DSFR');
  const host = authored(el);
  const ours = host !== el && /^fc-(?:button|login-block)$/.test(host.localName);
  if (FC_NAME.test(name)) {
    // Our own button, inside <fc-button> or <fc-login-block>.
    if (ours) out.strong.push(`élément <${host.localName}>`);
    out.strong.push(`nom accessible « ${name.slice(0, 60)} »`);
  } else if (PC_NAME.test(name)) {
    if (ours) out.pro!.strong.push(`élément <${host.localName} provider="${host.getAttribute('provider')}">`);
    out.pro!.strong.push(`nom accessible « ${name.slice(0, 60)} »`);
  }
  for (const e of [el, host]) {
    const names = `${e.id} ${e.getAttribute('class') ?? ''}`;
    if (FC_NAME.test(names)) out.strong.push(`classe ou identifiant « ${norm(names).slice(0, 60)} »`);
    else if (PC_NAME.test(names)) out.pro!.strong.push(`classe ou identifiant « ${norm(names).slice(0, 60)} »`);
    else if (fcShort(names)) out.weak.push(`classe ou identifiant « ${norm(names).slice(0, 60)} »`);
  }
}

/**
 * Whose button it is. Its accessible name first (a ProConnect button is never judged by
 * FranceConnect's rules, nor the reverse), then the DSFR's `fr-connect--pro` or our
 * element's provider, then the brand more of its signals name; FranceConnect on a tie.
 */
function chooseProvider(el: Element, out: Candidate): Provider {
  const name = nameOf(el);
  const fc = FC_NAME.test(name);
  const pc = PC_NAME.test(name);
  if (fc !== pc) return pc ? 'proconnect' : 'franceconnect';
  if (el.matches('.fr-connect--pro') || authored(el).getAttribute('provider') === 'proconnect') return 'proconnect';
  const pro = out.pro!;
  if (pro.strong.length !== out.strong.length) return pro.strong.length > out.strong.length ? 'proconnect' : 'franceconnect';
  return pro.weak.length > out.weak.length ? 'proconnect' : 'franceconnect';
}

/** The signals of one element, or undefined when it is no FranceConnect control. */
async function signalsOf(el: Element): Promise<Candidate | undefined> {
  if (isAboutLink(el)) return undefined;
  const collected: Candidate = { el, strong: [], weak: [], provider: 'franceconnect', pro: { strong: [], weak: [] } };
  nameSignals(el, collected);
  destinationSignals(el, collected);
  await imageSignals(el, collected);
  const provider = chooseProvider(el, collected);
  const chosen = provider === 'proconnect' ? collected.pro! : collected;
  const out: Candidate = { el, strong: chosen.strong, weak: chosen.weak, provider };
  out.strong = [...new Set(out.strong)];
  out.weak = [...new Set(out.weak)].filter((w) => !out.strong.includes(w));
  if (out.strong.length) {
    // A name that says it is something else wins over a class or an image: « Voir mon profil »
    // in a .fc-header. Strong signals of the name itself, a destination or the DSFR stand.
    const name = nameOf(el);
    const decisive = out.strong.some((s) => /^(?:nom accessible|classe \.fr-connect|élément|mène à|alt|aria-label|SVG|logo)/.test(s));
    if (!decisive && name && !GENERIC.test(name) && !ANY_NAME.test(name)) return undefined;
    return out;
  }
  // Weak signals: a likely FranceConnect control only if its name does not say what it is.
  if (out.weak.length && GENERIC.test(nameOf(el))) return out;
  return undefined;
}

/**
 * The FranceConnect controls under `root`, outermost first: an image inside a link is the
 * link; a script's clickable wrapper around a real button is the button.
 */
export async function findCandidates(root: Element | Document): Promise<Candidate[]> {
  const primary: Element[] = [];
  const secondary: Element[] = [];
  const pictures: Element[] = [];
  const order = new Map<Element, number>();
  for (const el of walk(root)) {
    order.set(el, order.size);
    if (!visible(el)) continue;
    if (el.matches(PRIMARY)) primary.push(el);
    else if (el.matches(SECONDARY) || (style(el).cursor === 'pointer' && !style(el.parentElement ?? el).cursor.includes('pointer'))) secondary.push(el);
    else if (el.matches('img,svg')) pictures.push(el);
  }
  const found: Candidate[] = [];
  const taken = (el: Element) => found.some((c) => [...lineage(el)].includes(c.el) || [...lineage(c.el)].includes(el));
  for (const el of primary) {
    if (found.some((c) => [...lineage(el)].includes(c.el))) continue;
    const candidate = await signalsOf(el);
    if (!candidate) continue;
    // An outer control found later takes the inner one's place.
    for (let i = found.length - 1; i >= 0; i -= 1) if ([...lineage(found[i].el)].includes(el)) found.splice(i, 1);
    found.push(candidate);
  }
  for (const el of secondary) {
    if (taken(el) || primary.some((p) => [...lineage(p)].includes(el))) continue;
    const candidate = await signalsOf(el);
    if (candidate) found.push(candidate);
  }
  // A picture of a button, button-sized, that nothing makes clickable: a script may.
  for (const el of pictures) {
    if (taken(el) || inChrome(el) || [...primary, ...secondary].some((c) => [...lineage(el)].includes(c))) continue;
    const r = box(el);
    if (r.width < 120 || r.height < 30) continue;
    const candidate = await signalsOf(el);
    if (candidate) found.push({ ...candidate, strong: [], weak: [...candidate.strong, ...candidate.weak, 'image de la taille d’un bouton, sans lien ni bouton autour'] });
  }
  return found.sort((a, c) => order.get(a.el)! - order.get(c.el)!);
}

/** FranceConnect+ rather than FranceConnect: its name, the DSFR's modifier, its image. */
export function isPlus(c: Candidate): boolean {
  return (
    c.provider === 'franceconnect' &&
    (FC_PLUS.test(nameOf(c.el)) ||
      c.el.matches('.fr-connect--plus') ||
      c.strong.some((s) => FC_PLUS.test(s) || /france[\s_-]*connect[\s_-]*(?:plus|\+)/i.test(s)))
  );
}
