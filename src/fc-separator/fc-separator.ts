import { css, html } from 'lit';
import { FcElement, reflectText } from '../shared/element.js';
import { SEPARATOR } from '../shared/texts.js';
import { palette } from '../shared/palette.js';
import { ThemeController } from '../shared/theme.js';
import { text } from '../shared/warn.js';

/**
 * The line that separates FranceConnect from the other ways to log in, with the
 * word "ou" in its middle, shown in capitals (docs/qualification.md#rule-6: "une ligne… La
 * mention « OU » doit y figurer"). The word stays in the DOM in lower case, so
 * screen readers say "ou" rather than spell "O U".
 *
 * | FranceConnect rule (docs/qualification.md) | how the separator meets it |
 * |---|---|
 * | 6. Séparation par une ligne, la mention « OU » doit y figurer | the word between two 1 px lines in the theme's colour |
 *
 * @summary The "OU" separator line.
 *
 * It exposes no CSS part: the line and the word are what rule 6 checks
 * (docs/qualification.md#rule-6), so no page rule may hide or restyle them.
 *
 * @cssproperty [--fc-separator-spacing=24px] - Space above and below the separator.
 */
export class FcSeparator extends FcElement {
  static override styles = [
    palette,
    css`
      :host {
        display: block;
        margin-block: var(--fc-separator-spacing, 24px);
      }
      :host([hidden]) {
        display: none;
      }
      .or {
        display: flex;
        align-items: center;
        gap: 12px;
        margin: 0;
        color: var(--_text);
        font-size: 14px;
        line-height: 24px;
        font-weight: 700;
        text-transform: uppercase;
      }
      /* Borders, not backgrounds: forced-colour modes keep borders visible. */
      .or::before,
      .or::after {
        content: '';
        flex: 1;
        border-block-start: 1px solid var(--_line);
      }
    `,
  ];
  static override properties = { label: {}, theme: reflectText };

  /** The word on the line; "ou" unless told otherwise (a number is taken as text). */
  label: string = SEPARATOR;

  // A union written out rather than named (ThemeSetting): custom-elements.json copies a type
  // as written, and Storybook makes a choice control only of literal unions (.storybook/preview.ts).
  /** `system` (default), `light` or `dark`, as on `<fc-button>`. */
  theme: 'system' | 'light' | 'dark' = 'system';

  readonly #themes = new ThemeController(this);

  protected override render() {
    const word = text(this, 'label', this.label).trim() || SEPARATOR;
    return html`<p class="or ${this.#themes.resolve(this.theme)}" lang="fr">
      <span>${word}</span>
    </p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-separator': FcSeparator;
  }
}
