import { html, isServer, nothing } from 'lit';
import { FcElement, reflectText, serverRendered } from '../shared/element.js';
import { hydration } from '../shared/hydrates.js';
import { BUTTON_VARIANTS, type FcButtonVariant } from '../fc-button/fc-button.js';
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
  NEW_WINDOW,
  SENTENCE,
  SENTENCE_PLUS,
} from '../shared/texts.js';
import { palette } from '../shared/palette.js';
import { ThemeController } from '../shared/theme.js';
import { oneOf, quote, text, warnOnce } from '../shared/warn.js';
import { CLUE_ATTRIBUTES, findForbidden, type ComplianceFinding } from '../shared/private-sign-in.js';
import { fcLoginBlockStyles } from './fc-login-block.styles.js';
import { chooseProvider, type ProviderChoice } from '../shared/provider.js';

export const SECTIONS = ['connexion', 'inscription'] as const;
export type FcLoginBlockSection = (typeof SECTIONS)[number];

const HEADING_LEVELS = ['2', '3', '4', '5', '6'];

// Plain templates rather than lit/static-html, which would cost every page that loads
// the block 0.3 KB (docs/performance.md).
const HEADINGS: Record<string, (t: string) => unknown> = {
  2: (t: string) => html`<h2 class="heading" part="heading">${t}</h2>`,
  3: (t: string) => html`<h3 class="heading" part="heading">${t}</h3>`,
  4: (t: string) => html`<h4 class="heading" part="heading">${t}</h4>`,
  5: (t: string) => html`<h5 class="heading" part="heading">${t}</h5>`,
  6: (t: string) => html`<h6 class="heading" part="heading">${t}</h6>`,
};

/**
 * On a server, the block cannot see its content: franceconnect-elements/ssr writes this
 * attribute on a block that has other ways in, so that the server output holds the
 * "OU" line (rule 6) and the page needs no script to show it. render() reads it on a
 * server only (`isServer`, a constant: a browser bundle drops that test).
 */
export const SLOTTED = 'data-fc-slotted';

/**
 * What a compliance check found, for a page's own tests: a social or private
 * sign-in (rule 7, with its `provider`) or an iframe (rule 13).
 */
export type ComplianceWarning = ComplianceFinding & {
  /** The message printed with console.warn. */
  readonly message: string;
};

/** A short description of an element for a message: its tag, id and classes. */
function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const classes = [...el.classList].map((c) => `.${c}`).join('');
  const text = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ');
  return `<${el.localName}${id}${classes}>${text ? ` "${text.slice(0, 60)}"` : ''}`;
}

/**
 * The whole FranceConnect section of a login or sign-up page, in the order the
 * qualification checks it (docs/qualification.md#rule-1 to #rule-7): a heading, the
 * explanatory sentence, the button, the "Qu’est-ce que FranceConnect ?" link 8 px under
 * it (12 px for FranceConnect+), the "OU" separator, then the service's other ways in,
 * always below FranceConnect.
 *
 * | FranceConnect rule (docs/qualification.md) | how the block meets it |
 * |---|---|
 * | 1. Bouton dans la section Connexion, texte explicatif au-dessus | the exact sentence, then the button (by construction) |
 * | 2. Lien « Qu'est-ce que FranceConnect ? » sous le bouton, 8 px | the link, 8 px under the button (FC+: 12 px), coloured and underlined like a link (by construction) |
 * | 3. and 4. Same in the Inscription section | `section="inscription"` |
 * | 5. FranceConnect est le premier mode de connexion | the slot comes after the button and the link (by construction) |
 * | 6. Séparation par une ligne portant « OU » | `<fc-separator>` as soon as the slot has content (by construction) |
 * | 7. Pas de services d'identification de réseaux sociaux | slotted Google, Facebook, Apple… sign-ins or icons: a warning and `complianceWarnings` |
 * | 13. Pas de pop-ups ni d'iframes | the button navigates in this window; a slotted `<iframe>`: a warning and `complianceWarnings` |
 *
 * With `provider="proconnect"`, ProConnect's section (docs/qualification.md#proconnect): no
 * explanatory sentence, ProConnect's button, « Qu’est-ce que ProConnect ? » 12 px under it,
 * then the « OU » line and the slot (« ProConnect en priorité »). A page for the public and
 * for agents has one block per audience, each in its own section (docs/qualification.md#both).
 *
 * @summary FranceConnect's (or ProConnect's) login or sign-up section, compliant by construction.
 *
 * @slot - The service's other ways in (its own login form, "Créer mon compte"…),
 *   shown below the separator. Social or private sign-ins (rule 7) and iframes
 *   (rule 13) are reported.
 *
 * @csspart heading - The heading, the one part a page may style like its own headings.
 *   The sentence, the button, the link and the separator expose no part: their text,
 *   colours and spacing are what the qualification checks.
 *
 * @cssproperty [--fc-button-scale=1] - Enlarges the button homothetically (see `<fc-button>`).
 *
 * @event fc-activate - From the inner button (see `<fc-button>`); cancelable.
 */
export class FcLoginBlock extends FcElement {
  static override styles = [palette, fcLoginBlockStyles];
  static formAssociated = true;
  static override properties = {
    section: reflectText,
    provider: reflectText,
    variant: reflectText,
    plus: { type: Boolean, reflect: true },
    theme: reflectText,
    href: {},
    disabled: { type: Boolean, reflect: true },
    name: {},
    value: {},
    heading: {},
    headingLevel: { attribute: 'heading-level' },
    noHeading: { type: Boolean, attribute: 'no-heading' },
    hasOtherWays: { state: true },
  };

  // Unions written out rather than named (FcLoginBlockSection, FcButtonVariant, ThemeSetting): custom-elements.json copies a type
  // as written, and Storybook makes a choice control only of literal unions (.storybook/preview.ts).
  /** `connexion` (login page, default) or `inscription` (sign-up page): sets the default heading. */
  section: 'connexion' | 'inscription' = 'connexion';

  /**
   * `franceconnect` (default) or `proconnect`: ProConnect's button and « Qu’est-ce que
   * ProConnect ? » link, no explanatory sentence (ProConnect has none;
   * docs/qualification.md#proconnect).
   */
  provider: 'franceconnect' | 'proconnect' = 'franceconnect';

  /** `login` (default) or `data` ("Récupérer ses données avec FranceConnect"); FranceConnect only. */
  variant: 'login' | 'data' = 'login';

  /** FranceConnect+: the FC+ button, sentence and link; FranceConnect only. */
  plus = false;

  /** `system` (default), `light` or `dark`, for the whole block. */
  theme: 'system' | 'light' | 'dark' = 'system';

  /** Where the button navigates, in this window: a string or a `URL` (see `<fc-button>`). */
  href?: string | URL;

  /** Disables the button. */
  disabled = false;

  /** Form entry name the button adds when it submits the block's form. */
  name = '';

  /** Form entry value the button adds when it submits the block's form. */
  value = '';

  /** The heading's text; a default that fits `section` and `variant` when absent or blank. */
  heading?: string;

  /** Level of the heading, 2 to 6 (default 2). */
  headingLevel: string | number = 2;

  /** Leaves the heading out, for a page that already has one right above. */
  noHeading = false;

  private hasOtherWays = false;
  #formDisabled = false;
  // Not rendered, so not reactive: a mutation in the slotted content re-renders nothing.
  #warnings: readonly ComplianceWarning[] = [];

  readonly #themes = new ThemeController(this);
  readonly #internals: ElementInternals;
  // Created when connected: a server render (@lit-labs/ssr) has no MutationObserver.
  #mutations?: MutationObserver;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // `block.click()` activates the block's button, as `click()` on a native button
    // does. Only a click aimed at the host itself: a click inside (the button's own,
    // the slotted links) starts deeper in the composed path.
    this.addEventListener('click', (event) => {
      if (event.composedPath()[0] === this) this.renderRoot.querySelector('fc-button')?.click();
    });
  }

  /** The form the button submits when it has no `href`. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  /**
   * What the compliance checks found in the slotted content (open shadow roots
   * included): social or private sign-ins next to FranceConnect (rule 7) and iframes
   * (rule 13). Empty when the block is compliant.
   */
  get complianceWarnings(): readonly ComplianceWarning[] {
    return this.#warnings;
  }

  /** @internal The block joined or left a form: its button submits that one (`targetForm`). */
  formAssociatedCallback() {
    this.requestUpdate();
  }

  /** @internal A disabled <fieldset> around the block disables its button. */
  formDisabledCallback(disabled: boolean) {
    this.#formDisabled = disabled;
    // Called outside updates: FcElement writes a reflected `disabled` attribute in the setter.
    this.requestUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    // The module runs: the no-JavaScript submit button that franceconnect-elements/ssr
    // puts in the block's light DOM (passed down to the button's own fc-nojs slot, see
    // render()) must not stay the form's default button, which Enter in a field would click.
    for (const fallback of this.querySelectorAll(':scope > button[slot="fc-nojs"]')) fallback.remove();
    // Server-rendered (a declarative shadow root is already there): the first render
    // hydrates what the server drew, which shows the "OU" line when the server saw
    // other ways in (`data-fc-slotted`, written by franceconnect-elements/ssr). The
    // slot is read in firstUpdated.
    if (hydration && !this.hasUpdated && serverRendered.has(this)) {
      this.#hydrating = true;
      this.hasOtherWays = this.hasAttribute(SLOTTED);
    }
    // Text, links and classes of the slotted content can change after it is slotted.
    this.#mutations ??= new MutationObserver(() => this.#checkSlotted());
    this.#mutations.observe(this, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      // What the rule 7 check reads (onclick, src and ids included), and what makes an
      // element a link or a button.
      attributeFilter: [...CLUE_ATTRIBUTES, 'role', 'type'],
    });
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#mutations?.disconnect();
  }

  /**
   * `updateComplete` resolves once the block's own button has rendered too: a ProConnect
   * button waits for its logo's file (fc-button.ts, scheduleUpdate), and a page that awaits
   * the block means the whole block.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const button = this.renderRoot.querySelector('fc-button');
    return (button ? await button.updateComplete : true) && done;
  }

  protected override firstUpdated() {
    // A declarative shadow root's slotchange fired before the module ran: read the slot
    // once hydrated, in the next task (not inside this update).
    if (hydration && this.#hydrating) setTimeout(() => this.#checkSlotted());
  }

  #hydrating = false;

  #checkSlotted() {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot:not([name])');
    const nodes = slot?.assignedNodes({ flatten: true }) ?? [];
    this.hasOtherWays = nodes.some(
      (n) => n.nodeType === Node.ELEMENT_NODE || (n.textContent ?? '').trim() !== '',
    );
    const elements = nodes.filter((n): n is Element => n instanceof Element);
    this.#warnings = findForbidden(elements).map((finding) => {
      const offender = describe(finding.element);
      const message = `rule ${finding.rule} of FranceConnect's qualification: no ${
        finding.provider
          ? `social or private sign-in next to FranceConnect, but ${offender} offers ${finding.provider}`
          : `iframe, but ${offender} is one`
      }. Remove it from this page section.`;
      warnOnce(this, 'forbidden-content', `${finding.rule}:${finding.provider}:${offender}`, message);
      return Object.freeze({ ...finding, message });
    });
  }

  #defaultHeading(section: FcLoginBlockSection, { provider, plus, data }: ProviderChoice): string {
    const brand = provider === 'proconnect' ? BRAND_PRO : plus ? BRAND_PLUS : BRAND;
    if (data) return `${DATA} ${brand}`;
    return section === 'inscription'
      ? `Se créer un compte avec ${brand}`
      : `Se connecter avec ${brand}`;
  }

  #renderHeading(content: string) {
    let level = text(this, 'heading-level', this.headingLevel, '2').trim();
    if (!HEADING_LEVELS.includes(level)) {
      const shown = quote(level);
      warnOnce(this, 'bad-value', `heading-level=${shown}`, `heading-level "${shown}" is not a heading level from 2 to 6; using 2.`);
      level = '2';
    }
    // One template per level (no DOM call, so that a server can render it), text only:
    // the heading attribute is page data.
    return HEADINGS[level](content);
  }

  protected override render() {
    const section = oneOf(this, 'section', this.section, SECTIONS);
    const choice = chooseProvider(
      this,
      this.provider,
      this.plus,
      oneOf(this, 'variant', this.variant, BUTTON_VARIANTS) === 'data',
    );
    const { provider, plus } = choice;
    const pro = provider === 'proconnect';
    const variant: FcButtonVariant = choice.data ? 'data' : 'login';
    const theme = this.#themes.resolve(this.theme);
    const heading = text(this, 'heading', this.heading).trim() || this.#defaultHeading(section, choice);
    const linkText = pro ? INFO_LINK_PRO : plus ? INFO_LINK_PLUS : INFO_LINK;
    // "Opens a new window" is part of the link's name and title (docs/qualification.md#texts).
    const linkTitle = `${linkText} - ${NEW_WINDOW}`;

    // The button and the separator get the validated variant and the resolved theme: a
    // bad value is reported once, by the block. href, name, value and the block's form
    // go down as properties (no conversion to text that could throw); what the button
    // reports about them names the block (shared/warn.ts).
    // ProConnect has no explanatory sentence (docs/qualification.md#proconnect).
    return html`<div class="block ${theme}${plus ? ' plus' : pro ? ' pro' : ''}" lang="fr">
      ${this.noHeading ? nothing : this.#renderHeading(heading)}
      ${pro
        ? nothing
        : html`<p class="description">
            ${plus ? SENTENCE_PLUS : SENTENCE}
          </p>`}
      <fc-button
        provider=${provider}
        variant=${variant}
        ?plus=${plus}
        theme=${theme}
        .href=${this.href}
        ?disabled=${this.disabled || this.#formDisabled}
        .name=${this.name}
        .value=${this.value}
        .targetForm=${this.form}
        ><slot name="fc-nojs" slot="fc-nojs"></slot
      ></fc-button>
      <p class="info">
        <a
          href=${pro ? INFO_URL_PRO : plus ? INFO_URL_PLUS : INFO_URL}
          target="_blank"
          rel="noopener"
          title=${linkTitle}
          >${linkText}<span class="visually-hidden">${` - ${NEW_WINDOW}`}</span></a
        >
      </p>
      ${this.hasOtherWays || (isServer && this.hasAttribute(SLOTTED))
        ? html`<fc-separator theme=${theme}></fc-separator>`
        : nothing}
      <slot @slotchange=${this.#checkSlotted}></slot>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-login-block': FcLoginBlock;
  }
}
