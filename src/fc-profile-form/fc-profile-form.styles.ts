import { css } from 'lit';
import { themed } from '../shared/themed.js';

export const fcProfileFormStyles = css`
  :host {
    display: block;
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  .form {
    color: var(--_text);
    font-size: 16px;
    line-height: 24px;
    overflow-wrap: anywhere;
  }
  /* Text, title, sentence and focus colours come from the shared palette. */
  ${themed(
    // color-scheme: native parts of the fields (date picker, select menu) follow the theme.
    css`
      --_field-bg: #eeeeee;
      --_field-border: #3a3a3a;
      --_locked-bg: #f6f6f6;
      --_locked-border: #dddddd;
      --_error: #ce0500;
      color-scheme: light;
    `,
    css`
      --_field-bg: #242424;
      --_field-border: #cecece;
      --_locked-bg: #1e1e1e;
      --_locked-border: #353535;
      --_error: #ff5655;
      color-scheme: dark;
    `,
  )}
  fieldset {
    margin: 0 0 24px;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 8px;
    color: var(--_title);
    font-size: 20px;
    line-height: 28px;
    font-weight: 700;
  }
  .hint {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    margin: 0 0 16px;
    color: var(--_sentence);
    font-size: 14px;
    line-height: 20px;
  }
  .field {
    margin-block-end: 16px;
  }
  label,
  .label {
    display: block;
    margin-block-end: 4px;
    color: var(--_title);
  }
  input,
  select {
    box-sizing: border-box;
    display: block;
    inline-size: 100%;
    margin: 0;
    padding: 8px 16px;
    border: 0;
    border-radius: 4px 4px 0 0;
    box-shadow: inset 0 -2px 0 0 var(--_field-border);
    background: var(--_field-bg);
    color: var(--_title);
    font: inherit;
  }
  input[aria-invalid='true'] {
    box-shadow: inset 0 -2px 0 0 var(--_error);
  }
  /* Rule 15: locked values look read-only (no input chrome, a lock), wrap rather than
     clip, and stay selectable and focusable. */
  .locked-value {
    box-sizing: border-box;
    display: flex;
    gap: 8px;
    align-items: flex-start;
    min-block-size: 40px;
    padding: 8px 16px;
    border: 1px dashed var(--_locked-border);
    border-radius: 4px;
    background: var(--_locked-bg);
    color: var(--_title);
    white-space: pre-wrap;
    user-select: text;
    cursor: text;
  }
  .lock {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
    margin-block-start: 4px;
    fill: currentColor;
  }
  .hint .lock {
    margin-block-start: 2px;
  }
  input:focus-visible,
  select:focus-visible,
  .locked-value:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .error {
    margin: 4px 0 0;
    color: var(--_error);
    font-size: 14px;
    line-height: 20px;
  }
  .alert {
    margin: 0 0 16px;
    padding: 12px 16px;
    border-inline-start: 4px solid var(--_error);
    color: var(--_title);
  }
  @media (forced-colors: active) {
    input,
    select {
      border: 1px solid;
    }
  }
`;
