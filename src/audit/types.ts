import type { Provider } from '../shared/texts.js';

/**
 * What every part of the audit shares: the shape of a finding and of a report, the
 * FranceConnect buttons found on a page, and the colours the rules ask for.
 */

export interface AuditFinding {
  /** The rule checked, numbered as in docs/qualification.md (1 to 22). */
  rule: number;
  status: 'pass' | 'fail' | 'warn' | 'not-applicable';
  /** In French: what was measured, and what the rule wants. */
  message: string;
  /** The element concerned, as the page's author wrote it (a shadow host, not its insides). */
  element?: Element;
  /**
   * True on a `warn` about a likely FranceConnect control that the audit could not judge
   * (a control it cannot read, a label drawn in an image): the report is then not `ok`,
   * however many rules pass, and `npx franceconnect-audit` exits with code 3.
   */
  unjudged?: boolean;
  /**
   * `proconnect` on the findings about a ProConnect button, judged by ProConnect's own
   * rules (docs/qualification.md#proconnect-audit), which the rule numbers only name by
   * analogy: 1 its button, 2 its link, 5 its place first, 6 its separation, 7 private
   * sign-ins beside it, 13 no pop-up, 8 and 17 to 21 its authorize request.
   */
  provider?: 'proconnect';
}

export interface AuditReport {
  /** « Conforme »: no finding fails, and nothing that looks like a FranceConnect control was left unjudged. */
  ok: boolean;
  /** False when a likely FranceConnect control could not be judged (its findings carry `unjudged`). */
  complete: boolean;
  findings: AuditFinding[];
}

/** Collects findings; each module pushes its own. */
export type Findings = AuditFinding[];

/** A FranceConnect button found on the page, with what the audit learnt about it. */
export interface Button {
  /** The control a visitor activates (inside our elements' shadow roots, the inner `<button>`). */
  el: Element;
  /** FranceConnect+ rather than FranceConnect. */
  plus: boolean;
  /** FranceConnect's button, or ProConnect's. */
  provider: Provider;
  /** Built by this library: its hover, size clamp and navigation are by construction. */
  ours: boolean;
  /** What gave it away, in French, for the messages: « nom accessible », « classe .fr-connect »… */
  signals: string[];
  /** The part of the page that is one choice of ways in around it (layout.ts). */
  region: Element;
  /** Sign-up section (rules 3 and 4) rather than login (rules 1 and 2) (kind.ts). */
  signUp: boolean;
}

/** docs/qualification.md#colours: the static colours of the button, per DSFR theme. */
export const THEMES = {
  clair: { bg: '#000091', fg: '#f5f5fe', hover: '#1212ff', link: '#000091' },
  sombre: { bg: '#8585f6', fg: '#000091', hover: '#b1b1f9', link: '#8585f6' },
} as const;

/**
 * The rule a button's own findings belong to: 1 in a login section, 3 in a sign-up one.
 * ProConnect's documentation asks for one login button and no sign-up section
 * (bouton_proconnect.md): its button is rule 1's wherever it stands.
 */
export const buttonRule = (b: Button) => (b.signUp && b.provider === 'franceconnect' ? 3 : 1);
/** The rule of its information link: 2, or 4 in a sign-up section. */
export const linkRule = (b: Button) => (b.signUp && b.provider === 'franceconnect' ? 4 : 2);
/** The button's brand, for messages: FranceConnect, FranceConnect+, ProConnect. */
export const brandOf = (b: Pick<Button, 'plus' | 'provider'>) => (b.provider === 'proconnect' ? 'ProConnect' : b.plus ? 'FranceConnect+' : 'FranceConnect');
