/**
 * docs/qualification.md#rule-7: "Le bouton FranceConnect n'est pas positionné près de liens,
 * d'icônes ou de services d'identification proposés par des réseaux sociaux et
 * autres services privés." This finds such sign-ins among the elements a page
 * puts next to the button.
 */

/** Providers and the words or hosts that give them away. */
const PROVIDERS: ReadonlyArray<[string, RegExp]> = [
  ['Google', /\bgoogle\b|\bgmail\b/i],
  ['Facebook', /\bfacebook\b|\bfb\.com\b/i],
  ['Apple', /\bapple\b/i],
  ['Microsoft', /\bmicrosoft\b|login\.live\.com|\boutlook\b|\bazure\b/i],
  ['LinkedIn', /\blinked-?in\b/i],
  ['GitHub', /\bgithub\b/i],
  ['GitLab', /\bgitlab\b/i],
  ['X (Twitter)', /\btwitter\b|\bx\.com\b|\b(?:avec|with|via)\s+X\b/i],
  ['Amazon', /\bamazon\b/i],
  ['Yahoo', /\byahoo\b/i],
  ['Instagram', /\binstagram\b/i],
  ['TikTok', /\btiktok\b/i],
  ['Snapchat', /\bsnapchat\b/i],
  ['Discord', /\bdiscord\b/i],
  ['PayPal', /\bpaypal\b/i],
];

/** Elements through which a user signs in: links, buttons and forms. */
const SIGN_IN_ELEMENTS =
  'a[href], button, input[type="submit"], input[type="button"], input[type="image"], form, [role="button"], [role="link"]';

/** The attributes that can name a destination or a provider. */
export const CLUE_ATTRIBUTES = ['href', 'action', 'formaction', 'class', 'id', 'aria-label', 'title', 'value', 'alt', 'src', 'data-provider'];

export interface PrivateSignInFinding {
  /** The qualification rule broken (docs/qualification.md#rule-7). */
  readonly rule: 7;
  /** The provider recognised, e.g. "Google". */
  readonly provider: string;
  /** The link, button or form that offers it. */
  readonly element: Element;
}

/** Only what names the destination, never the user's input or a whole form's text. */
function clues(el: Element): string {
  const of = (e: Element) => CLUE_ATTRIBUTES.map((name) => e.getAttribute(name) ?? '');
  const parts = of(el);
  if (el.localName !== 'form') {
    parts.push(el.textContent ?? '');
    // Icons name the provider too: <img alt="Google">, <i class="fa-google">…
    for (const child of el.querySelectorAll('*')) parts.push(...of(child));
  }
  return parts.join(' ');
}

/** The social or private sign-ins offered in and under `roots`, in document order. */
export function findPrivateSignIns(roots: Iterable<Element>): PrivateSignInFinding[] {
  const findings: PrivateSignInFinding[] = [];
  for (const root of roots) {
    const candidates = root.matches(SIGN_IN_ELEMENTS) ? [root] : [];
    candidates.push(...root.querySelectorAll(SIGN_IN_ELEMENTS));
    for (const element of candidates) {
      const text = clues(element);
      const match = PROVIDERS.find(([, pattern]) => pattern.test(text));
      if (match) findings.push({ rule: 7, provider: match[0], element });
    }
  }
  return findings;
}
