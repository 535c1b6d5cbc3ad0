import { css, html, type CSSResult, type TemplateResult } from 'lit';

/** The hydrating elements' extras (shared/hydrates.ts). */
export interface NoJs {
  /** <fc-button>'s styles for its stand-ins, listed before its own styles. */
  readonly buttonStyles: CSSResult;
  /**
   * The link laid over <fc-button> without JavaScript: it takes the visitor to `href`,
   * in this window (docs/qualification.md#rule-13: no target). The href as written: the
   * browser resolves a relative one against the page.
   */
  buttonLink(href: string, theme: string, label: string): TemplateResult;
}

/**
 * A function, so that a bundle without hydration drops it whole (css`` and html`` calls
 * at a module's top level are side effects a bundler keeps).
 */
export const noJs = (): NoJs => ({
  // The link and the submit button that stand in for <fc-button> without JavaScript
  // (see its render()), laid over it and drawing its hover, active and focus states,
  // until its module runs (`:state(ready)`).
  buttonStyles: css`
    .nojs {
      position: absolute;
      inset: 0;
      z-index: 1;
    }
    ::slotted([slot='fc-nojs']) {
      all: unset;
      position: absolute;
      inset: 0;
      z-index: 1;
      cursor: pointer;
    }
    ::slotted([slot='fc-nojs']:focus-visible) {
      outline: 2px solid #0a76f6;
      outline-offset: 2px;
    }
    slot:hover + .button,
    .nojs:hover + .button {
      background-color: var(--_bg-hover);
    }
    slot:active + .button,
    .nojs:active + .button {
      background-color: var(--_bg-active);
    }
    .nojs:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    :host(:state(ready)) slot,
    :host(:state(ready)) .nojs {
      display: none;
    }
  `,
  buttonLink: (href, theme, label) => html`<a class=${`nojs ${theme}`} href=${href} aria-label=${label}></a>`,
});
