import { css } from 'lit';

/**
 * Colours of the text around the button (docs/qualification.md#colours) as private variables, set on an
 * element with the class `light` or `dark` (the resolved theme).
 */
export const palette = css`
  .light {
    --_title: #161616;
    --_text: #3a3a3a;
    --_sentence: #666666;
    --_link: #000091;
    --_line: #dddddd;
    /* DSFR focus ring; 4.3:1 against a white page. */
    --_focus: #0a76f6;
  }
  .dark {
    --_title: #eeeeee;
    --_text: #cecece;
    --_sentence: #929292;
    --_link: #8585f6;
    --_line: #353535;
    /* Lighter than DSFR's ring so it keeps ≥ 3:1 on dark pages (8.7:1 on #161616). */
    --_focus: #8ab4ff;
  }
`;
