/**
 * Theme resolution shared by every element (docs/qualification.md#theme): an explicit
 * `theme="light|dark"`, else the page's DSFR setting (`data-fr-theme` on <html>),
 * else `prefers-color-scheme`. One MutationObserver and one media-query listener
 * serve all elements, and exist only while at least one element is connected, so
 * that elements created and dropped by the thousand leave nothing behind.
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { oneOf } from './warn.js';
import { serverRendered } from './element.js';
import { hydration } from './hydrates.js';

/**
 * `system` only where there is no page to ask (a server render): the class `system`
 * lets CSS alone follow the page (shared/themed.ts).
 */
export type Theme = 'light' | 'dark' | 'system';
// The first value is the default.
export const THEME_VALUES = ['system', 'light', 'dark'] as const;
export type ThemeSetting = (typeof THEME_VALUES)[number];

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;
let media: MediaQueryList | undefined;

const notify = () => listeners.forEach((listener) => listener());

function darkQuery(): MediaQueryList {
  return (media ??= window.matchMedia('(prefers-color-scheme: dark)'));
}

/** The theme the page asks for when the element says `system`. */
export function pageTheme(): Theme {
  // On a server (@lit-labs/ssr) there is no page yet: CSS decides (shared/themed.ts).
  // (isServer, a constant: a browser bundle drops the line.)
  if (isServer) return 'system';
  const dsfr = document.documentElement.getAttribute('data-fr-theme');
  if (dsfr === 'dark' || dsfr === 'light') return dsfr;
  return darkQuery().matches ? 'dark' : 'light';
}

export function resolveTheme(setting: ThemeSetting): Theme {
  return setting === 'system' ? pageTheme() : setting;
}

/** Calls `listener` whenever the page's theme may have changed; returns the unsubscribe. */
export function watchPageTheme(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    observer = new MutationObserver(notify);
    observer.observe(document.documentElement, { attributeFilter: ['data-fr-theme'] });
    darkQuery().addEventListener('change', notify);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
      darkQuery().removeEventListener('change', notify);
    }
  };
}

/**
 * Keeps an element's resolved theme current: subscribes while the element is
 * connected, and asks it to re-render when the page's theme changes.
 */
export class ThemeController implements ReactiveController {
  #stop?: () => void;

  readonly #host: ReactiveControllerHost & HTMLElement;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * True while the first render hydrates a server-rendered shadow root: it must
   * render what the server did (`system`, painted by CSS), then the theme is resolved
   * with a normal update (hydration keeps the server's attribute values).
   */
  #hydrating = false;

  hostConnected() {
    if (hydration && !(this.#host as unknown as { hasUpdated: boolean }).hasUpdated && serverRendered.has(this.#host)) this.#hydrating = true;
    this.#stop = watchPageTheme(() => this.#host.requestUpdate());
  }

  hostUpdated() {
    if (hydration && this.#hydrating) {
      this.#hydrating = false;
      // After this update, not inside it.
      void this.#host.updateComplete.then(() => this.#host.requestUpdate());
    }
  }

  hostDisconnected() {
    this.#stop?.();
    this.#stop = undefined;
  }

  /** The theme to paint with, from the element's `theme` attribute value (validated). */
  resolve(raw: string | null | undefined): Theme {
    const setting = oneOf(this.#host, 'theme', raw, THEME_VALUES);
    return hydration && this.#hydrating && setting === 'system' ? 'system' : resolveTheme(setting);
  }
}
