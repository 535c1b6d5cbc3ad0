import { css } from 'lit';
import { themed } from '../shared/themed.js';

/*
 * Every length is `N px × --_s`, so a larger --fc-button-scale enlarges the whole
 * button homothetically (docs/qualification.md#geometry: "Le bouton peut être plus
 * grand, mais l'homothétie doit être respectée"). Pixels, never rem/em: a page with
 * `html { font-size: 62.5% }` must not change the button.
 *
 * Nothing here can be reached from the page: the button has no CSS part, `all: initial`
 * stops inherited styles, and every private variable (--_s, --_fg…) is set on the
 * inner button itself, so a value the page sets on the host is never the one used.
 */
export const fcButtonStyles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    inline-size: max-content;
    /* The link that stands in for the button without JavaScript (see render()) is
       laid over it, drawing its hover, active and focus states on it. */
    position: relative;
  }

  :host([hidden]) {
    display: none;
  }

  .button {
    /* Inherited typography from the page (line-height, serif fonts, letter
       spacing, text-transform…) must not reach the button: start from nothing. */
    all: initial;
    /* Never smaller than 209 × 56, never larger than 10 times (MAX_SCALE in fc-button.ts),
       where the box would outgrow what layout can size exactly. */
    --_s: clamp(1, var(--fc-button-scale, 1), 10);
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    justify-content: center;
    /* docs/qualification.md#geometry: exactly 209 × 56 (FC+ 245 × 56). */
    inline-size: calc(209px * var(--_s));
    block-size: calc(56px * var(--_s));
    padding-block: 0;
    padding-inline: calc(58px * var(--_s)) calc(10px * var(--_s));
    border: 0;
    direction: ltr;
    font-family: Marianne, arial, sans-serif;
    color: var(--_fg);
    background-color: var(--_bg);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
    /* The same pixels wherever the page puts the button (docs/qualification.md#geometry
       and #colours are judged on screenshots). A page's line-height, centring or
       percentages often place it at a fractional x or y; Firefox then rounds the
       background and the text baseline to the pixel grid each on its own, and the label
       moves 1px against its own background (up to 5 % of the button's pixels). An
       identity transform makes the button one unit that Firefox snaps as a whole. It
       changes no layout, and no pixel in Chromium or WebKit. Being transformed, the
       button is also the containing block of the logo and the glyph (absolutely
       positioned below), as position: relative would make it. */
    scale: 1;

    /* The colours (docs/qualification.md#colours) and the focus ring (--_focus, shared palette) come from
       the theme class, below. */
  }

  ${themed(
    // docs/qualification.md#colours, light theme, then dark theme.
    css`
      --_fg: #f5f5fe;
      --_bg: #000091;
      --_bg-hover: #1212ff;
      --_bg-active: #2323ff;
      --_fg-disabled: #929292;
      --_bg-disabled: #e5e5e5;
    `,
    css`
      --_fg: #000091;
      --_bg: #8585f6;
      --_bg-hover: #b1b1f9;
      --_bg-active: #c6c6fb;
      --_fg-disabled: #666666;
      --_bg-disabled: #2a2a2a;
    `,
    '.button',
  )}

  .plus {
    inline-size: calc(245px * var(--_s));
    padding-inline-end: calc(44px * var(--_s));
  }

  /* docs/qualification.md#proconnect: ProConnect's button page (bouton_proconnect.md, its CSS
     for DSFR pages) draws a 214 × 56 button, its 54 × 48 logo 10 px from the edge and the
     text 70 px in; the colours are FranceConnect's (ibid. and DSFR 1.15 fr-connect--pro). */
  .pro {
    inline-size: calc(214px * var(--_s));
    padding-inline-start: calc(70px * var(--_s));
  }
  .pro .logo {
    inline-size: calc(54px * var(--_s));
  }

  /* docs/qualification.md#colours: "le changement d'état au survol du bouton" is checked. */
  .button:hover {
    background-color: var(--_bg-hover);
  }

  .button:active {
    background-color: var(--_bg-active);
  }

  .button:disabled {
    color: var(--_fg-disabled);
    background-color: var(--_bg-disabled);
    cursor: not-allowed;
  }

  .button[aria-busy='true'] {
    cursor: progress;
  }

  .button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .logo {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-start: calc(10px * var(--_s));
    inline-size: calc(40px * var(--_s));
    block-size: calc(48px * var(--_s));
    margin-block-start: calc(-24px * var(--_s));
  }

  .glyph {
    position: absolute;
    inset-block-start: 50%;
    inset-inline-end: calc(12px * var(--_s));
    inline-size: calc(24px * var(--_s));
    block-size: calc(24px * var(--_s));
    margin-block-start: calc(-12px * var(--_s));
  }

  /* The glyph is white in the DSFR file; it takes the text colour so it stays
     legible on the dark theme's light button (DSFR draws its "+" in currentColor too). */
  .glyph path {
    fill: currentColor;
  }

  .label {
    display: flex;
    flex-direction: column;
    gap: calc(1px * var(--_s));
  }

  .line {
    display: block;
    white-space: nowrap;
    font-size: calc(17px * var(--_s));
    line-height: 1;
  }

  /* "Récupérer ses données avec" is ≈ 156 px wide at 12 px in Arial: wider than
     the 141 px a line holds. It is set on two lines at 12 px (docs/qualification.md#geometry: no text
     under 12 px, ≥ 5 % spare width per line). */
  .line.small {
    font-size: calc(12px * var(--_s));
    line-height: 1.15;
  }

  .brand {
    font-size: calc(18px * var(--_s));
    font-weight: 700;
  }

  @media (forced-colors: active) {
    /* docs/qualification.md#colours: a visible 1px border in forced colours; border-box keeps 209 × 56. */
    .button {
      border: 1px solid ButtonText;
    }
    .button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
