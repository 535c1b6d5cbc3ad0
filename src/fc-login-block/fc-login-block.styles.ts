import { css } from 'lit';

// Sizes in px: a page's root font size must not move the 8 px (FC+ 12 px) gap
// (docs/qualification.md#geometry).
export const fcLoginBlockStyles = css`
  :host {
    display: block;
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  .block {
    overflow-wrap: break-word;
  }
  .heading {
    margin: 0 0 8px;
    color: var(--_title);
    font-size: 20px;
    line-height: 28px;
    font-weight: 700;
  }
  .description {
    margin: 0 0 16px;
    color: var(--_sentence);
    font-size: 14px;
    line-height: 24px;
  }
  fc-button {
    display: block;
    inline-size: max-content;
    max-inline-size: 100%;
  }
  /* docs/qualification.md#rule-2: the link's top is 8 px under the button's bottom
     edge; FranceConnect+'s rules put its link 12 px under. The paragraph's own line box
     is exactly the link's (same font size and line height), so its margin is the gap. */
  .info {
    margin: 8px 0 0;
    font-size: 14px;
    line-height: 20px;
  }
  /* ProConnect: no checklist gives a gap; the DSFR's (12 px, fr-connect's margin, shared
     by fr-connect--pro in 1.15) is used (docs/qualification.md#proconnect). With no sentence
     above it, the button follows the heading. */
  .plus .info,
  .pro .info {
    margin-block-start: 12px;
  }
  .info a {
    display: inline-block;
    vertical-align: top;
    color: var(--_link);
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 3px;
  }
  .info a:hover {
    text-decoration-thickness: 2px;
  }
  .info a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (forced-colors: active) {
    .info a {
      color: LinkText;
    }
  }
`;
