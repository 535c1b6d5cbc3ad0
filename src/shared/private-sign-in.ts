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

/** Attributes a machine wrote: a provider's name there is a sign-in (or its icon). */
const MACHINE = ['href', 'action', 'formaction', 'src', 'onclick', 'class', 'id', 'data-provider'];
/** Attributes a person reads: a provider's name there counts only in a sign-in phrase. */
const HUMAN = ['aria-label', 'title', 'alt', 'value'];

/** What `<fc-login-block>` watches for changes (with `role` and `type`). */
export const CLUE_ATTRIBUTES = [...MACHINE, ...HUMAN];

/** Words of a sign-in offer: "Se connecter avec Google", "Connexion Microsoft", "Google Login". */
const SIGN_IN_WORDS = /\b(?:avec|with|via|using)\b|connexion|connect|log[\s-]?in|sign[\s-]?(?:in|up)|identifi|inscri|continu/i;

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
  const words = `${text} ${text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ')}`;
  const hit = PROVIDERS.find(([, pattern]) => pattern.test(words));
  // A help text that mentions Google is not an offer to sign in with it.
  if (hit && (!human || SIGN_IN_WORDS.test(text) || text.split(/\s+/).length < 4)) return hit[0];
  return undefined;
}

/** The provider an element offers, from its own attributes and, for a control, its content. */
function offered(el: Element): string | undefined {
  const all = el.matches(CONTROLS) ? [el, ...el.querySelectorAll('*')] : [el];
  const texts: string[] = [];
  for (const e of all) {
    for (const name of MACHINE) {
      const value = e.getAttribute(name) ?? '';
      // mailto: and tel: links reach a person, not a sign-in.
      const found = /^\s*(?:mailto|tel):/i.test(value) ? undefined : named(value);
      if (found) return found;
    }
    texts.push(...HUMAN.map((name) => e.getAttribute(name) ?? ''));
  }
  // A form's text is its fields and labels, the user's business: only its attributes count.
  if (el.localName !== 'form' && el.matches(CONTROLS)) texts.push(el.textContent ?? '');
  for (const text of texts) {
    const found = named(text, true);
    if (found) return found;
  }
  return undefined;
}

/**
 * The social or private sign-ins (rule 7) and the iframes (rule 13) in and under
 * `roots`, open shadow roots included, in document order.
 */
export function findForbidden(roots: Iterable<Element>): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const visit = (el: Element) => {
    if (el.localName === 'iframe' || el.localName === 'frame') {
      findings.push({ rule: 13, element: el });
      return;
    }
    const provider = el.matches(CANDIDATES) ? offered(el) : undefined;
    if (provider) {
      // Its content is part of the same offer: one finding.
      findings.push({ rule: 7, provider, element: el });
      return;
    }
    // A sign-in button may live in a slotted element's own (open) shadow root.
    for (const child of [...(el.shadowRoot?.children ?? []), ...el.children]) visit(child);
  };
  for (const root of roots) visit(root);
  return findings;
}
