import { css } from 'lit';
import { themed } from './themed.js';

/**
 * Colours of the text around the button (docs/qualification.md#colours) as private variables, set on an
 * element with the class `light`, `dark` or (server render) `system`.
 */
// Focus rings: the DSFR's (4.3:1 against a white page); in dark, lighter than the
// DSFR's so it keeps ≥ 3:1 on dark pages (8.7:1 on #161616).
export const palette = themed(
  css`
    --_title: #161616;
    --_text: #3a3a3a;
    --_sentence: #666666;
    --_link: #000091;
    --_line: #dddddd;
    --_focus: #0a76f6;
  `,
  css`
    --_title: #eeeeee;
    --_text: #cecece;
    --_sentence: #929292;
    --_link: #8585f6;
    --_line: #353535;
    --_focus: #8ab4ff;
  `,
);
