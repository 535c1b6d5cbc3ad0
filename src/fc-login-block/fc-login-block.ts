import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { literal, html as staticHtml, type StaticValue } from 'lit/static-html.js';
import { BUTTON_VARIANTS, type FcButtonVariant } from '../fc-button/fc-button.js';
import { INFO_URL, INFO_URL_PLUS, TEXTS } from '../shared/texts.js';
import { palette } from '../shared/palette.js';
import { ThemeController } from '../shared/theme.js';
import { oneOf, warnOnce } from '../shared/warn.js';
import { findPrivateSignIns, type PrivateSignInFinding } from './private-sign-in.js';
import { fcLoginBlockStyles } from './fc-login-block.styles.js';

export const SECTIONS = ['connexion', 'inscription'] as const;
export type FcLoginBlockSection = (typeof SECTIONS)[number];

const HEADING_TAGS: Record<string, StaticValue> = {
  '2': literal`h2`,
  '3': literal`h3`,
  '4': literal`h4`,
  '5': literal`h5`,
  '6': literal`h6`,
};

/** What a compliance check found, for a page's own tests. */
export interface ComplianceWarning extends PrivateSignInFinding {
  /** The message printed with console.warn. */
  readonly message: string;
}

/** A short description of an element for a message: its tag, id and classes. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = [...el.classList].map((c) => `.${c}`).join('');
  const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ');
  return `<${el.localName}${id}${classes}>${text ? ` "${text.slice(0, 60)}"` : ''}`;
}

/**
 * The whole FranceConnect section of a login or sign-up page, in the order the
 * qualification checks it (seed 004, rules 1–7): a heading, the explanatory sentence,
 * the button, the "Qu’est-ce que FranceConnect ?" link 8 px under it, the "OU"
 * separator, then the service's other ways in, always below FranceConnect.
 *
 * | FranceConnect rule (seed 004) | how the block meets it |
 * |---|---|
 * | 1. Bouton dans la section Connexion, texte explicatif au-dessus | the exact sentence, then the button (by construction) |
 * | 2. Lien « Qu'est-ce que FranceConnect ? » sous le bouton, 8 px | the link, 8 px under the button, coloured and underlined like a link (by construction) |
 * | 3. and 4. Same in the Inscription section | `section="inscription"` |
 * | 5. FranceConnect est le premier mode de connexion | the slot comes after the button and the link (by construction) |
 * | 6. Séparation par une ligne portant « OU » | `<fc-separator>` as soon as the slot has content (by construction) |
 * | 7. Pas de services d'identification de réseaux sociaux | slotted Google, Facebook, Apple… sign-ins: a warning and `complianceWarnings` |
 *
 * @summary FranceConnect's login or sign-up section, compliant by construction.
 *
 * @slot - The service's other ways in (its own login form, "Créer mon compte"…),
 *   shown below the separator. Social or private sign-ins are reported (rule 7).
 *
 * @csspart heading - The heading.
 * @csspart description - The explanatory sentence.
 * @csspart button - The FranceConnect button (the inner `<button>` of `<fc-button>`).
 * @csspart logo - The button's logo.
 * @csspart label - The button's text.
 * @csspart link - The "Qu’est-ce que FranceConnect ?" link.
 * @csspart separator - The `<fc-separator>`.
 *
 * @cssproperty [--fc-button-scale=1] - Enlarges the button homothetically (see `<fc-button>`).
 *
 * @event fc-activate - From the inner button (see `<fc-button>`); cancelable.
 */
export class FcLoginBlock extends LitElement {
  static override styles = [palette, fcLoginBlockStyles];
  static formAssociated = true;

  /** `connexion` (login page, default) or `inscription` (sign-up page): sets the default heading. */
  @property({ reflect: true }) section: 'connexion' | 'inscription' = 'connexion';

  /** `login` (default) or `data` ("Récupérer ses données avec FranceConnect"). */
  @property({ reflect: true }) variant: 'login' | 'data' = 'login';

  /** FranceConnect+: the FC+ button, sentence and link. */
  @property({ type: Boolean, reflect: true }) plus = false;

  /** `system` (default), `light` or `dark`, for the whole block. */
  @property({ reflect: true }) theme: 'system' | 'light' | 'dark' = 'system';

  /** Where the button navigates, in this window (see `<fc-button>`). */
  @property() href?: string;

  /** Disables the button. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Form entry name the button adds when it submits the block's form. */
  @property() name = '';

  /** Form entry value the button adds when it submits the block's form. */
  @property() value = '';

  /** The heading's text; a default that fits `section` and `variant` when absent or blank. */
  @property() heading?: string;

  /** Level of the heading, 2 to 6 (default 2). */
  @property({ attribute: 'heading-level' }) headingLevel: string | number = 2;

  /** Leaves the heading out, for a page that already has one right above. */
  @property({ type: Boolean, attribute: 'no-heading' }) noHeading = false;

  @state() private hasOtherWays = false;
  @state() private formDisabled = false;
  // Not rendered, so not reactive: a mutation in the slotted content re-renders nothing.
  private warnings: readonly ComplianceWarning[] = [];

  private readonly themes = new ThemeController(this);
  private readonly internals: ElementInternals;
  private readonly mutations = new MutationObserver(() => this.checkSlotted());

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The form the button submits when it has no `href`. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /**
   * What the compliance checks found in the slotted content: today, social or private
   * sign-ins next to FranceConnect (rule 7). Empty when the block is compliant.
   */
  get complianceWarnings(): readonly ComplianceWarning[] {
    return this.warnings;
  }

  /** @internal A disabled <fieldset> around the block disables its button. */
  formDisabledCallback(disabled: boolean) {
    this.formDisabled = disabled;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Text, links and classes of the slotted content can change after it is slotted.
    this.mutations.observe(this, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['href', 'action', 'formaction', 'class', 'aria-label', 'title', 'alt', 'src', 'value'],
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.mutations.disconnect();
  }

  private checkSlotted() {
    const slot = this.renderRoot.querySelector('slot');
    const nodes = slot?.assignedNodes({ flatten: true }) ?? [];
    this.hasOtherWays = nodes.some(
      (n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim() !== '',
    );
    const elements = nodes.filter((n): n is Element => n instanceof Element);
    this.warnings = findPrivateSignIns(elements).map((finding) => {
      const offender = describe(finding.element);
      const message = `rule 7 of FranceConnect's qualification: no social or private sign-in next to FranceConnect, but ${offender} offers ${finding.provider}. Remove it from this page section.`;
      warnOnce(this, `rule7:${finding.provider}:${offender}`, message);
      return Object.freeze({ ...finding, message });
    });
  }

  private defaultHeading(section: FcLoginBlockSection, variant: FcButtonVariant): string {
    const brand = this.plus ? TEXTS.brandPlus : TEXTS.brand;
    if (variant === 'data') return `Récupérer ses données avec ${brand}`;
    return section === 'inscription'
      ? `Se créer un compte avec ${brand}`
      : `Se connecter avec ${brand}`;
  }

  private headingTag(): StaticValue {
    const level = String(this.headingLevel ?? '2').trim();
    const tag = HEADING_TAGS[level];
    if (tag) return tag;
    warnOnce(
      this,
      `heading-level=${level}`,
      `heading-level "${level}" is not a heading level from 2 to 6; using 2.`,
    );
    return HEADING_TAGS['2'];
  }

  protected override render() {
    const section = oneOf(this, 'section', this.section, SECTIONS);
    const variant = oneOf(this, 'variant', this.variant, BUTTON_VARIANTS);
    const theme = this.themes.resolve(this.theme);
    const heading = this.heading?.trim() || this.defaultHeading(section, variant);
    const tag = this.headingTag();
    const linkText = this.plus ? TEXTS.infoLinkPlus : TEXTS.infoLink;
    // "Opens a new window" is part of the link's name and title (SPEC §1).
    const linkTitle = `${linkText} - ${TEXTS.newWindow}`;

    return html`<div class="block ${theme}" lang="fr">
      ${this.noHeading
        ? nothing
        : staticHtml`<${tag} part="heading" class="heading">${heading}</${tag}>`}
      <p part="description" class="description">
        ${this.plus ? TEXTS.sentencePlus : TEXTS.sentence}
      </p>
      <fc-button
        exportparts="button, logo, label"
        variant=${variant}
        ?plus=${this.plus}
        theme=${this.theme}
        href=${this.href ?? nothing}
        ?disabled=${this.disabled || this.formDisabled}
        name=${this.name}
        value=${this.value}
      ></fc-button>
      <p class="info">
        <a
          part="link"
          href=${this.plus ? INFO_URL_PLUS : INFO_URL}
          target="_blank"
          rel="noopener"
          title=${linkTitle}
          >${linkText}<span class="visually-hidden">${` - ${TEXTS.newWindow}`}</span></a
        >
      </p>
      ${this.hasOtherWays
        ? html`<fc-separator part="separator" theme=${this.theme}></fc-separator>`
        : nothing}
      <slot @slotchange=${this.checkSlotted}></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-login-block': FcLoginBlock;
  }
}
