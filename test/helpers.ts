import { waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse as resetMouseCommand, sendMouse } from '@web/test-runner-commands';
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { runAxe } from './run-axe.js';

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

/** What `auditPage` reports: failed requests and console errors, axe violations, `inspect`'s value. */
export interface PageAudit<T = unknown> {
  errors: string[];
  violations: string[];
  info: T;
}

/** Which page to audit, and how: `ready` and `inspect` are expressions evaluated in that page. */
export interface PageAuditRequest {
  url: string;
  /** An expression, true (or resolving true) once the page is ready to be checked. */
  ready?: string;
  /** An expression whose value (awaited) is returned as `info`. */
  inspect?: string;
  /** A selector: axe checks that element only. */
  context?: string;
  /** false: no axe (a Trusted Types page refuses the injected script). */
  axe?: boolean;
}

/**
 * Opens a whole page (an example, a Storybook story, a server-rendered page) as a
 * visitor would and audits it: failed requests, console errors, axe violations.
 *
 * Chromium and Firefox open it in a new tab of the test's browser (web-test-runner.config.mjs,
 * `audit-page`), with the console and network events their drivers give. WebKit's driver
 * (WebDriver classic) has neither, and a new window there means switching the one window
 * the runner drives, which a slow page can leave switched for the next test file: WebKit
 * opens the page in a frame filling this test page instead, and finds failed requests
 * by requesting again each URL in the frame's Resource Timing entries (they carry no
 * status there), and reads console and page errors from test/audit-recorder.js, which
 * the test server puts first in the page.
 */
/** axe-core's source, fetched once per test file for the WebKit audits. */
let axeSource: Promise<string> | undefined;

export async function auditPage<T = unknown>(request: PageAuditRequest): Promise<PageAudit<T>> {
  if (ENGINE !== 'webkit') return executeServerCommand<PageAudit<T>, PageAuditRequest>('audit-page', request);
  const frame = document.createElement('iframe');
  frame.title = 'audited page';
  frame.style.cssText = 'position: fixed; inset: 0; width: 100vw; height: 100vh; border: 0; z-index: 2147483647; background: white';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  // ?fc-audit: the test server puts test/audit-recorder.js first in the page, to record
  // its console errors and uncaught errors.
  const url = new URL(request.url, location.href);
  url.searchParams.set('fc-audit', '');
  frame.src = url.href;
  document.body.append(frame);
  try {
    await loaded;
    const win = frame.contentWindow as Window &
      typeof globalThis & {
        __fcAuditErrors?: string[];
      };
    // The expressions are evaluated here with the frame's globals: a page under a strict
    // CSP would refuse an eval of its own.
    const evaluate = (expression: string): unknown =>
      new Function('window', 'document', 'customElements', 'performance', 'getComputedStyle', `return (${expression});`)(
        win,
        win.document,
        win.customElements,
        win.performance,
        win.getComputedStyle.bind(win),
      );
    if (request.ready) {
      const deadline = Date.now() + 15000;
      while (!(await evaluate(request.ready))) {
        if (Date.now() > deadline) throw new Error(`${request.url} was not ready`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    // WebKit's Resource Timing entries carry no status (responseStatus is null): each
    // URL the page requested is requested again, and one that fails is reported.
    if (!win.__fcAuditErrors) throw new Error(`${request.url}: the audit recorder did not run (the page has no <head>?)`);
    const errors = [...win.__fcAuditErrors];
    const urls = new Set(win.performance.getEntriesByType('resource').map((e) => e.name));
    for (const url of urls) {
      if (new URL(url).origin !== location.origin || url.endsWith('/favicon.ico')) continue;
      const { status } = await fetch(url, { cache: 'no-store' });
      if (status >= 400) errors.push(`${status} ${url}`);
    }
    let violations: string[] = [];
    if (request.axe !== false) {
      const script = win.document.createElement('script');
      script.textContent = await (axeSource ??= fetch('/node_modules/axe-core/axe.min.js').then((r) => r.text()));
      win.document.head.append(script);
      violations = await runAxe(request.context ?? null, win);
    }
    const info = (request.inspect ? await evaluate(request.inspect) : null) as T;
    return { errors, violations, info };
  } finally {
    frame.remove();
  }
}

/** A page of a given viewport width: the test window itself, or a page in an <iframe>. */
export interface NarrowPage {
  /** The page's window: `innerWidth` is the asked width. */
  win: Window & typeof globalThis;
  doc: Document;
  /** Where to render, in that page (removed by close()). */
  root: HTMLElement;
  /** 'window' when the test window itself got that size, 'iframe' otherwise. */
  how: 'window' | 'iframe';
  /** Removes the iframe or the root (the window's size is the test's afterEach to restore). */
  close(): void;
}

/**
 * A page whose layout viewport is `width` × `height` CSS px, with the element modules of
 * `modules` (URLs) loaded in it. The test window is resized when it can; WebKitGTK's
 * window cannot be narrower than 447 px, so for a phone's 320 px the page is a same-origin
 * document in an <iframe> of that size instead: its own viewport, which media and
 * container queries follow, with its own copy of the elements defined from the same
 * sources. Either way, the caller renders into `root` and measures against `win` and `doc`.
 */
export async function narrowPage(size: { width: number; height: number }, modules: string[]): Promise<NarrowPage> {
  try {
    await setViewport(size);
    const root = document.body.appendChild(document.createElement('div'));
    return { win: window as Window & typeof globalThis, doc: document, root, how: 'window', close: () => root.remove() };
  } catch (error) {
    // The window got the width but something else went wrong: that is the test's failure.
    if (window.innerWidth === size.width) throw error;
  }
  const frame = document.createElement('iframe');
  frame.title = `page de ${size.width} px`;
  frame.style.cssText = `display:block;border:0;inline-size:${size.width}px;block-size:${size.height}px`;
  const imports = modules.map((m) => `import ${JSON.stringify(m)};`).join('');
  // The page signals once its modules ran: it then has the elements defined.
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>page</title><script type="module">${imports}parent.postMessage('fc-narrow-page-ready', '*');</script></head><body></body></html>`;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the ${size.width} px page did not load ${modules.join(', ')}`)), 10000);
    window.addEventListener('message', function listen(event) {
      if (event.source !== frame.contentWindow || event.data !== 'fc-narrow-page-ready') return;
      window.removeEventListener('message', listen);
      clearTimeout(timer);
      resolve();
    });
  });
  document.body.append(frame);
  await ready;
  const win = frame.contentWindow as Window & typeof globalThis;
  if (win.innerWidth !== size.width) {
    throw new Error(`the page in the iframe is ${win.innerWidth} px wide, not ${size.width}`);
  }
  const doc = frame.contentDocument!;
  return { win, doc, root: doc.body, how: 'iframe', close: () => frame.remove() };
}

/** Presses Control+C (the copy shortcut on Linux) through the driver, as a user does, in any engine. */
export async function pressCopyShortcut(): Promise<void> {
  await executeServerCommand('fc-copy-shortcut');
}

/**
 * Waits until `frame` shows the page at `path`, loaded, and returns its window. An
 * <iframe> first holds an initial about:blank that is already "complete": WebKit lets a
 * test see it, and a test that took it for the page waited for elements that never came.
 */
export async function framedWindow(frame: HTMLIFrameElement, path: string): Promise<Window & typeof globalThis> {
  await waitUntil(
    () => frame.contentWindow?.location.pathname === path && frame.contentDocument?.readyState === 'complete',
    `${path} did not load in its frame`,
    { timeout: 10000 },
  );
  return frame.contentWindow as Window & typeof globalThis;
}
