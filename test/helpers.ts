import { executeServerCommand, resetMouse as resetMouseCommand, sendMouse } from '@web/test-runner-commands';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';

/** docs/qualification.md#colours, as hex: what the qualification compares against. */
export const SPEC_COLOURS = {
  light: {
    static: { bg: '#000091', fg: '#f5f5fe' },
    hover: { bg: '#1212ff', fg: '#f5f5fe' },
    active: { bg: '#2323ff', fg: '#f5f5fe' },
    disabled: { bg: '#e5e5e5', fg: '#929292' },
    page: '#ffffff',
    link: '#000091',
    sentence: '#666666',
    separator: '#dddddd',
  },
  dark: {
    static: { bg: '#8585f6', fg: '#000091' },
    hover: { bg: '#b1b1f9', fg: '#000091' },
    active: { bg: '#c6c6fb', fg: '#000091' },
    disabled: { bg: '#2a2a2a', fg: '#666666' },
    page: '#161616',
    link: '#8585f6',
    sentence: '#929292',
    separator: '#353535',
  },
} as const;

/** `rgb(0, 0, 145)` → `#000091` (alpha ignored; fully transparent gives `transparent`). */
export function hex(cssColour: string): string {
  const m = cssColour.match(/rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/);
  if (!m) return cssColour;
  if (m[4] !== undefined && Number(m[4]) === 0) return 'transparent';
  return `#${[m[1], m[2], m[3]].map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hexColour: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hexColour.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Centre of an element in viewport coordinates, for sendMouse. */
export function centre(el: Element): [number, number] {
  const r = el.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

/**
 * The element's accessible role and name, `button "S’identifier avec FranceConnect"`, with
 * ` [disabled]` when it is disabled. Computed in the page by dom-accessibility-api (the
 * W3C accname algorithm, the same in every engine) rather than by one driver's
 * accessibility tree, so that the assertion runs unchanged in Chromium, Firefox and WebKit.
 */
export function accessibleDescription(el: Element): string {
  const name = computeAccessibleName(el).replace(/\s+/g, ' ');
  const disabled = el.matches(':disabled') || el.getAttribute('aria-disabled') === 'true';
  return `${getRole(el)} "${name}"${disabled ? ' [disabled]' : ''}`;
}

/** How many pages (tabs, pop-ups) this test file's browser context has, in any engine. */
export function pageCount(): Promise<number> {
  return executeServerCommand<number, undefined>('page-count');
}

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine running the tests. */
export function engine(): Promise<Engine> {
  return executeServerCommand<Engine, undefined>('fc-engine');
}

/**
 * Resizes the viewport in any engine (WebKit: by sizing the window); throws if the page
 * did not get that size, so a geometry test cannot pass at the wrong width, or if the
 * window lost the keyboard focus on the way.
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  const focused = document.hasFocus();
  const ok = await executeServerCommand<boolean, typeof size>('fc-viewport', size);
  if (!ok || window.innerWidth !== size.width) {
    throw new Error(`could not set the viewport to ${size.width} × ${size.height} (now ${window.innerWidth} × ${window.innerHeight})`);
  }
  // A window that lost the keyboard focus shows no focus ring any more: the keyboard
  // tests after this one would fail for a reason that is not theirs.
  if (focused && !document.hasFocus()) {
    throw new Error(`the window lost the keyboard focus when its viewport became ${size.width} × ${size.height}`);
  }
}

/**
 * Emulates `prefers-color-scheme` / `forced-colors`. Only Chromium can (CDP): WebDriver
 * BiDi and WebDriver classic have no command for it. Returns false elsewhere; tests that
 * need it are named "(Chromium: media emulation)" and run only there.
 */
export function emulateMedia(media: {
  colorScheme?: 'light' | 'dark';
  forcedColors?: 'active' | 'none';
}): Promise<boolean> {
  return executeServerCommand<boolean, typeof media>('fc-media', media);
}

/** Records console.warn / console.error calls while `fn` runs. */
export async function captureConsole<T>(
  fn: () => Promise<T> | T,
): Promise<{ result: T; warnings: string[]; errors: string[] }> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    const result = await fn();
    return { result, warnings, errors };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** Width the text of `el` would take on one line, in px. */
export function naturalWidth(el: Element): number {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect().width;
}

/** Counts the submissions of `form`, preventing each (no navigation in tests). */
export function countSubmits(form: HTMLFormElement): () => number {
  let submits = 0;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submits += 1;
  });
  return () => submits;
}

/** Edits an editable field of an <fc-profile-form> and commits it, firing input then change. */
export function editProfileField(profile: Element, claim: string, value: string): void {
  // An <input> or, for Sexe, a <select>: both have a string value.
  const input = profile.shadowRoot!.querySelector<HTMLInputElement>(`[data-claim="${claim}"]`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * The engine running this file, read synchronously from the user agent so that a test
 * that needs one engine's driver can be declared only there, with its reason in its name.
 */
export const ENGINE: Engine = /Firefox\//.test(navigator.userAgent)
  ? 'firefox'
  : /Chrome\//.test(navigator.userAgent)
    ? 'chromium'
    : 'webkit';

/** Declares `it` only in the engines that can run it (the title says why, e.g. "(Chromium: media emulation)"). */
export function itIn(engines: Engine[], title: string, fn: Mocha.Func | Mocha.AsyncFunc): void {
  if (engines.includes(ENGINE)) it(title, fn);
}

/**
 * Releases the mouse buttons and moves the pointer to an empty corner, in every driver
 * (puppeteer's and WebDriver's own reset release the buttons but leave the pointer where
 * it was, so the next test would start hovering).
 */
export async function resetMouse(): Promise<void> {
  await resetMouseCommand();
  // The bottom-right corner: fixtures render at the top, so nothing is under it.
  await sendMouse({ type: 'move', position: [window.innerWidth - 1, window.innerHeight - 1] });
}
