import { css, isServer, unsafeCSS, type CSSResult } from 'lit';

/**
 * Theme rules for elements whose class says `light`, `dark` or `system`. `system` is
 * rendered only on a server (@lit-labs/ssr), where no script can read the page's theme:
 * CSS alone then follows `prefers-color-scheme`, and the DSFR's `data-fr-theme` on an
 * ancestor wins over it where `:host-context()` exists (Chromium; elsewhere the
 * operating system's choice is used until the module runs). In the browser the module
 * resolves the theme itself (shared/theme.ts) and renders `light` or `dark`.
 * `on` is a selector the class is combined with, e.g. `.button`.
 */
export function themed(light: CSSResult, dark: CSSResult, on = ''): CSSResult {
  const s = unsafeCSS(on);
  // Separate rules: a selector list holding :host-context() would be dropped whole
  // by a browser without it.
  // One line: the build's template minifier leaves CSS with interpolated selectors as written.
  // `system` is painted only from a server's output, whose own <style> a hydrated element
  // keeps: a browser bundle (isServer is false there, and the minifier drops the branch)
  // carries the two classes it renders, not those rules.
  return isServer
    ? css`${s}.light,${s}.system{${light}}${s}.dark{${dark}}@media (prefers-color-scheme:dark){${s}.system{${dark}}}:host-context([data-fr-theme='dark']) ${s}.system{${dark}}:host-context([data-fr-theme='light']) ${s}.system{${light}}`
    : css`${s}.light{${light}}${s}.dark{${dark}}`;
}
