/**
 * docs/qualification.md#rule-7: "Le bouton FranceConnect n'est pas positionné près de liens,
 * d'icônes ou de services d'identification proposés par des réseaux sociaux et
 * autres services privés." Rule 13: "Les fenêtres pop-ups et iframes sont interdites."
 *
 * One detector, shared by `<fc-login-block>` (its `complianceWarnings`, over the
 * slotted content) and by the page audit (`franceconnect-elements/audit`, over the
 * button's section and the whole page), so that both always agree.
 */

/**
 * Providers and the words or hosts that give them away, as `Name:word|word`, each
 * word matched whole and case-blind. g_id_…: Google Identity Services' markup
 * (`<div id="g_id_onload">`, `<div class="g_id_signin">`). Kept as one string: it is
 * shipped with every page that loads `<fc-login-block>`.
 */
const PROVIDERS = (
  'Google:google|gmail|g_id_\\w+,Facebook:facebook|fb\\.com,Apple:apple,' +
  'Microsoft:microsoft|login\\.live\\.com|outlook|azure,LinkedIn:linked[\\s-]?in,GitHub:github,' +
  'GitLab:gitlab,X (Twitter):twitter|x\\.com|(?:avec|with|via)\\s+x,Amazon:amazon,Yahoo:yahoo,' +
  'Instagram:instagram,TikTok:tiktok,Snapchat:snapchat,Discord:discord,PayPal:paypal'
)
  .split(',')
  .map((entry): [string, RegExp] => {
    const [name, words] = entry.split(/:(.+)/);
    return [name, new RegExp(`\\b(?:${words})\\b`, 'i')];
  });

/**
 * Elements through which a user signs in: links, buttons, forms, anything made
 * clickable by a role or an onclick, and Google Identity Services' placeholders;
 * then icons and images, which rule 7 forbids even outside a link ("d'icônes").
 */
/** Controls, whose text and inner images name the destination too. */
const CONTROLS = 'a,button,input,[role=button],[role=link],[onclick]';
const CANDIDATES = `${CONTROLS},form,[id^=g_id_],[class*=g_id_],img,svg,use,i,[role=img]`;

/**
 * What `<fc-login-block>` watches for changes (with `role` and `type`): first the
 * attributes a machine wrote, where a provider's name is a sign-in (or its icon), then
 * those a person reads, where it counts only in a sign-in phrase.
 */
export const CLUE_ATTRIBUTES = 'href action formaction src onclick class id data-provider aria-label title alt value'.split(' ');
const MACHINE = CLUE_ATTRIBUTES.slice(0, 8);
const HUMAN = CLUE_ATTRIBUTES.slice(8);

/**
 * Words of a sign-in offer, "Se connecter avec Google", "Connexion Microsoft", "Google Login",
 * and of where one goes (github.com/login/oauth/authorize, /auth/google). FranceConnect's
 * own name is left out first: github.com/france-connect is its source code, not a sign-in.
 */
const signsIn = (text: string) =>
  /\b(?:avec|with|via)\b|conne(?:ct|xion)|auth|(?:log|sign)[\s_-]?(?:in|up)|identifi|inscri|continu/i.test(
    text.replace(/france[\s_-]*connect/gi, ''),
  );

/** An e-mail address names a mailbox, not a sign-in: "prenom.nom@gmail.com". */
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export interface PrivateSignInFinding {
  /** The rule broken (docs/qualification.md): 7, a social or private sign-in. */
  readonly rule: 7;
  /** The provider recognised, e.g. "Google". */
  readonly provider: string;
  /** The link, button, form or icon that offers it. */
  readonly element: Element;
}

export interface FrameFinding {
  /** The rule broken (docs/qualification.md): 13, no iframes. */
  readonly rule: 13;
  readonly provider?: undefined;
  /** The `<iframe>` (or `<frame>`). */
  readonly element: Element;
}

export type ComplianceFinding = PrivateSignInFinding | FrameFinding;

/** The provider named in `text`, if any; `human` text needs a sign-in phrase or few words. */
function named(text: string, human?: boolean): string | undefined {
  text = text.replace(EMAIL, ' ').trim();
  // signInWithGoogle(), btn_google_signin.png: split the words a programmer glued.
  const words = `${text} ${text.replace(/([a-z])([A-Z])|_/g, '$1 $2')}`;
  const hit = PROVIDERS.find(([, pattern]) => pattern.test(words));
  // A help text that mentions Google is not an offer to sign in with it.
  if (hit && (!human || signsIn(text) || text.split(/\s+/).length < 4)) return hit[0];
  return undefined;
}

/**
 * The provider an element offers, from its own attributes and, for a control, its content;
 * null for a link that leads elsewhere: a link is a sign-in when it signs in, not when it
 * names a provider's site (« Voir le code source » on github.com, its icon included).
 * An e-mail address in a mailto: link is a mailbox (`named` leaves it out).
 */
function offered(el: Element): string | null | undefined {
  const control = el.matches(CONTROLS);
  const all = control ? [el, ...el.querySelectorAll('*')] : [el];
  const read = (names: string[]) => all.flatMap((e) => names.map((name) => e.getAttribute(name) ?? ''));
  const texts = read(HUMAN);
  // A form's text is its fields and labels, the user's business: only a control's counts.
  if (control) texts.push(el.textContent ?? '');
  // A real address (a path: not "#", not javascript:) that is no sign-in, under words that are none.
  const href = el.localName == 'a' && el.getAttribute('href');
  if (href && href.includes('/') && !signsIn(href + texts)) return null;
  return read(MACHINE).map((text) => named(text)).find(Boolean) ?? texts.map((text) => named(text, true)).find(Boolean);
}

/**
 * The social or private sign-ins (rule 7) and the iframes (rule 13) in and under
 * `roots`, open shadow roots included, in document order.
 */
export function findForbidden(roots: Iterable<Element>): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const visit = (el: Element) => {
    if (/^i?frame$/.test(el.localName)) {
      findings.push({ rule: 13, element: el });
      return;
    }
    const provider = el.matches(CANDIDATES) ? offered(el) : undefined;
    // A sign-in's content is part of the same offer: one finding. A link that leads
    // elsewhere takes its icons with it.
    if (provider !== undefined) {
      if (provider) findings.push({ rule: 7, provider, element: el });
      return;
    }
    // A sign-in button may live in a slotted element's own (open) shadow root.
    for (const child of [...(el.shadowRoot?.children ?? []), ...el.children]) visit(child);
  };
  for (const root of roots) visit(root);
  return findings;
}
