import { css } from 'lit';
import { themed } from '../shared/themed.js';

/**
 * DSFR header tool buttons (`.fr-header__tools-links .fr-btn`, tertiary without
 * outline): 14 px text on a 24 px line, at least 32 px high, 12 px side padding,
 * a 16 px icon 8 px before the text, the link colour, a grey tint on hover.
 * Sizes in px, like the other elements: a page's root font size does not move them.
 */
export const fcAccountStyles = css`
  :host {
    display: block;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  /* The row is the container of the compact rule (below). Inline-size containment
     gives it no width of its own, so in a shrink-to-fit parent (the DSFR header's tools
     area is one) the element takes its width from .sizer: an invisible, zero-height copy
     of the row in full (icon, name, "Se déconnecter") beside a 360 px strut. There the
     element is 360 px wide, or as wide as one row needs in the page's font if that is
     more: the name and "Se déconnecter" stay on one line whenever the parent has room. */
  .account {
    container: fc-account / inline-size;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 4px 8px;
  }
  .sizer {
    block-size: 0;
    overflow: hidden;
    visibility: hidden;
  }
  .sizer::before {
    content: '';
    display: block;
    inline-size: 360px;
  }
  .sizer > div {
    display: flex;
    column-gap: 8px;
  }
  .account,
  .sizer {
    font-size: 14px;
    line-height: 24px;
    font-weight: 400;
    font-style: normal;
    letter-spacing: normal;
    text-transform: none;
    text-align: start;
  }
  /* Text, link and focus colours come from the shared palette. */
  ${themed(
    css`
      --_hover: #f6f6f6;
      --_active: #ededed;
      --_badge-bg: #000091;
      --_badge-fg: #f5f5fe;
    `,
    // Dark hover: darker than the DSFR's #343434 so that the link colour keeps 4.5:1 on it.
    css`
      --_hover: #242424;
      --_active: #2a2a2a;
      --_badge-bg: #8585f6;
      --_badge-fg: #000091;
    `,
  )}
  .profile,
  .logout {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-block-size: 32px;
    min-inline-size: 0;
    margin: 0;
    padding: 4px 12px;
    border: 0;
    border-radius: 0;
    background: transparent;
    color: var(--_link);
    font: inherit;
    text-decoration: none;
  }
  /* Without a profile link the name is text, and looks like text, not like a link. */
  span.profile {
    color: var(--_title);
  }
  /* Never clipped nor ellipsed: a long name wraps (rule 14, the name stays readable). */
  .name {
    overflow-wrap: anywhere;
  }
  a.profile:hover,
  .logout:hover {
    background: var(--_hover);
  }
  a.profile:active,
  .logout:active {
    background: var(--_active);
  }
  a.profile:hover .name {
    text-decoration: underline;
    text-underline-offset: 3px;
  }
  .logout {
    cursor: pointer;
  }
  a.profile:focus-visible,
  .logout:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .logout-form {
    display: contents;
  }
  .icon {
    flex: none;
    inline-size: 16px;
    block-size: 16px;
    fill: currentColor;
  }
  .initials {
    display: none;
    flex: none;
    align-items: center;
    justify-content: center;
    min-inline-size: 28px;
    block-size: 28px;
    padding: 0 4px;
    box-sizing: border-box;
    border-radius: 14px;
    background: var(--_badge-bg);
    color: var(--_badge-fg);
    font-size: 12px;
    line-height: 16px;
    font-weight: 700;
  }
  /* When space is short (a phone, a narrow column): the initials in a badge instead of
     the icon and the name, which stays the link's accessible name. */
  @container fc-account (max-width: 359.98px) {
    .has-initials .initials {
      display: inline-flex;
    }
    .has-initials .profile {
      padding-inline: 8px;
    }
    .has-initials .profile .icon,
    .has-initials .name {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
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
  }
  @media (forced-colors: active) {
    .logout,
    a.profile {
      border: 1px solid transparent;
    }
    .initials {
      border: 1px solid CanvasText;
    }
  }
`;
