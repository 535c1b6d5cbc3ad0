import { executeServerCommand } from '@web/test-runner-commands';

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

/** The element's accessible role and name as Chromium exposes them (ARIA snapshot). */
export function ariaSnapshot(selector: string): Promise<string> {
  return executeServerCommand<string, { selector: string }>('aria-snapshot', { selector });
}

/** How many pages (tabs, pop-ups) the browser context has. */
export function pageCount(): Promise<number> {
  return executeServerCommand<number, undefined>('page-count');
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
