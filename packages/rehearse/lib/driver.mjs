// What the rehearsal does in the browser, as a person would: open a page, activate the
// FranceConnect button (found by the page audit), pick a person and « Continuer » at the
// local FranceConnect, look at what the service shows, log out. Nothing here knows a
// service's routes or markup beyond what any service shows a person: a FranceConnect
// button, a logout control, the person's name, a message.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findProviderButton } from './audit.mjs';
import { RehearsalError } from './errors.mjs';

/** A control that logs out, in French or English. */
export const LOGOUT = /se\s+d[ée]connecter|d[ée]connexion|\blog\s*out\b|\bsign\s*out\b/i;
/** A control that deletes the account. */
export const DELETE_ACCOUNT = /supprimer\s+(?:mon|le|votre|ce)\s+compte|suppression\s+d[ue]\s+(?:mon\s+|votre\s+)?compte|delete\s+(?:my\s+|your\s+)?account/i;
/** Words a page uses to say that something did not work. */
const FAILURE_WORDS = /n[’']a\s+pas\s+(?:pu\s+)?abouti|erreur|échou|impossible|réessayer|refus|invalide|expir|interrompu|failed|error/i;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The Chrome finder franceconnect-elements ships for its audit command (scripts/find-chrome.mjs). */
async function chromeFinder() {
  const file = new URL('scripts/find-chrome.mjs', import.meta.resolve('franceconnect-elements/package.json'));
  return import(file.href);
}

/** A headless Chromium of this machine (never downloaded), or a RehearsalError that says how to get one. */
export async function launchBrowser() {
  const { findChrome, CHROME_ARGS } = await chromeFinder();
  let executablePath;
  try {
    executablePath = await findChrome();
  } catch (error) {
    throw new RehearsalError(`Aucun navigateur pour la répétition : ${error.message}`);
  }
  if (!existsSync(executablePath)) throw new RehearsalError(`Aucun navigateur pour la répétition : ${executablePath} n’existe pas.`);
  try {
    return await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  } catch (error) {
    throw new RehearsalError(`Chrome n’a pas démarré (${executablePath}) : ${error.message.split('\n')[0]}`);
  }
}

/** In the page: the visible text (shadow roots included), the text of alerts, and what fields hold. */
function readPage() {
  const seen = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1; // a visually hidden (1 px) text is not seen
  };
  const visible = [];
  const all = [];
  const alerts = [];
  const values = [];
  const walk = (root) => {
    for (const node of root.childNodes) {
      if (node.nodeType === 3) {
        const text = node.textContent.replace(/\s+/g, ' ').trim();
        if (!text) continue;
        all.push(text);
        if (node.parentElement && seen(node.parentElement)) visible.push(text);
      } else if (node.nodeType === 1 && !['script', 'style', 'template', 'noscript'].includes(node.localName)) {
        if (node.matches('input:not([type=hidden]):not([type=submit]):not([type=button]),textarea,select') && node.value) {
          values.push(node.value);
          if (seen(node)) visible.push(node.value);
        }
        if (node.matches('[role=alert],[role=status],[aria-live],.fr-alert,[class*=flash],[class*=alert],[class*=message],[class*=notice],[class*=error]') && seen(node)) {
          const text = node.innerText?.replace(/\s+/g, ' ').trim();
          if (text) alerts.push(text);
        }
        if (node.shadowRoot) walk(node.shadowRoot);
        walk(node);
      }
    }
  };
  walk(document);
  const heading = document.querySelector('h1')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
  return { visible: visible.join(' '), all: all.join(' '), alerts: [...new Set(alerts)], values, heading, title: document.title };
}

/** Text compared as a person reads it: case, kind of apostrophe and spaces aside. */
export const fold = (text) => String(text ?? '').normalize('NFC').replace(/[’'`ʼ]/g, "'").replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/**
 * In the page: resolves once every custom element it shows (shadow roots included, the
 * tags in `skip` apart) is defined and has rendered a frame, or after `timeout` ms (an
 * element the page never defines must not stop a rehearsal: what it then shows is what is
 * judged). Resolves with the tags still undefined.
 */
function whenDefined({ timeout, skip }) {
  const undefinedTags = () => {
    const tags = new Set();
    const walk = (root) => {
      for (const element of root.querySelectorAll('*')) {
        const tag = element.localName;
        if (tag.includes('-') && !skip.includes(tag) && !customElements.get(tag)) tags.add(tag);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return [...tags];
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const tags = undefinedTags();
  if (!tags.length) return Promise.resolve([]);
  return Promise.race([
    Promise.all(tags.map((tag) => customElements.whenDefined(tag))).then(frame),
    new Promise((resolve) => setTimeout(resolve, timeout)),
  ]).then(() => tags.filter((tag) => !customElements.get(tag)));
}

/**
 * One person's browser: a fresh profile (no cookie of any earlier visitor), that notes
 * every window and frame opened (rule 13) and accepts the confirmations a page asks.
 */
export class Visitor {
  /** @param {import('playwright-core').Browser} browser */
  static async open(browser, { franceConnect, service, width = 1280, ignoreHTTPSErrors = false }) {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width, height: 900 }, ignoreHTTPSErrors });
    const visitor = new Visitor(context, { franceConnect, service });
    visitor.page = await context.newPage();
    visitor.first ??= visitor.page;
    visitor.#watch(visitor.page);
    return visitor;
  }

  constructor(context, { franceConnect, service }) {
    this.context = context;
    this.fcOrigin = new URL(franceConnect).origin;
    this.serviceOrigin = new URL(service).origin;
    /** Windows or tabs opened after the first, with the URL each showed. */
    this.popups = [];
    /** Frames attached to any page, with their URL. */
    this.frames = [];
    this.statuses = new WeakMap();
    /** Custom element tags a page of this visit never defined (settle() stops waiting for them). */
    this.neverDefined = new Set();
    /**
     * OpenID Connect errors the provider sent back to the service (a redirect to the service
     * with `error`, such as `invalid_acr`), each `{ error, description, url }`: what a login
     * that came back without a provider page to see ran into.
     */
    this.errorsBack = [];
    context.on('page', (page) => {
      // The first page is the visitor's own (this event comes before newPage() resolves).
      if (!this.first || page === this.first) {
        this.first ??= page;
        return;
      }
      const popup = { page, url: page.url() };
      this.popups.push(popup);
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) popup.url = frame.url();
      });
      this.#watch(page);
    });
  }

  #watch(page) {
    page.on('dialog', (dialog) => dialog.accept().catch(() => undefined));
    page.on('request', (request) => {
      if (!request.isNavigationRequest() || request.frame() !== page.mainFrame()) return;
      const url = new URL(request.url());
      const error = url.origin === this.serviceOrigin && url.searchParams.get('error');
      if (error) this.errorsBack.push({ error, description: url.searchParams.get('error_description') ?? '', url: url.href });
    });
    // The HTTP status of the document each page shows (after redirects).
    page.on('response', (response) => {
      const request = response.request();
      if (request.isNavigationRequest() && request.frame() === page.mainFrame() && (response.status() < 300 || response.status() > 399)) this.statuses.set(page, response.status());
    });
    page.on('frameattached', (frame) => {
      const entry = { url: frame.url(), page: page.url() };
      this.frames.push(entry);
      frame.waitForLoadState('domcontentloaded').then(
        async () => {
          entry.url = frame.url();
          // A frame the browser refused to show (X-Frame-Options, frame-ancestors) is at
          // Chromium's error page: quote the address the page asked for instead.
          if (entry.url.startsWith('chrome-error:')) {
            const src = await (await frame.frameElement().catch(() => null))?.getAttribute('src').catch(() => null);
            if (src) entry.url = `${new URL(src, frame.parentFrame()?.url() ?? page.url()).href} (refusée par le navigateur)`;
          }
        },
        () => undefined,
      );
    });
  }

  async close() {
    await this.context.close().catch(() => undefined);
  }

  /** The page's URL, without its query (what a finding quotes of a page of the service). */
  where() {
    const url = new URL(this.page.url());
    return url.origin === this.fcOrigin ? `${url.origin}${url.pathname}` : `${url.pathname}${url.search ? '?…' : ''}`;
  }

  async goto(url) {
    await this.page.goto(url, { waitUntil: 'load', timeout: 30000 });
    await this.settle();
  }

  /**
   * Until the page has loaded, its URL has stayed the same a moment (a script redirect, a
   * form that submits itself), and its custom elements are defined: the load event does not
   * wait for a module the page imports later (this library's CDN file fetches fc-account
   * from a second file once it sees one), and a person sees that element a moment after.
   */
  async settle() {
    for (let i = 0; i < 20; i += 1) {
      const url = this.page.url();
      await this.page.waitForLoadState('load', { timeout: 15000 }).catch(() => undefined);
      await sleep(150);
      if (this.page.url() === url) {
        // A tag that stayed undefined once is not waited for again on this visit.
        const late = await this.page.evaluate(whenDefined, { timeout: 5000, skip: [...this.neverDefined] }).catch(() => []);
        for (const tag of late) this.neverDefined.add(tag);
        return;
      }
    }
  }

  /** Where the browser is: at the local FranceConnect (which page), at the service, or elsewhere. */
  async state() {
    let url;
    try {
      url = new URL(this.page.url());
    } catch {
      return { at: 'elsewhere', url: this.page.url() };
    }
    if (url.origin === this.fcOrigin) {
      const text = await this.page.locator('main').innerText({ timeout: 2000 }).catch(() => '');
      const code = /Erreur (Y\w+)/.exec(text)?.[1];
      if (code) return { at: 'franceconnect', page: 'error', code, url: url.href, text };
      if (await this.page.locator('button.identity').count().catch(() => 0)) return { at: 'franceconnect', page: 'identity', url: url.href };
      if (await this.page.getByRole('button', { name: /^Continuer sur / }).count().catch(() => 0)) return { at: 'franceconnect', page: 'information', url: url.href };
      return { at: 'franceconnect', page: 'other', url: url.href, text };
    }
    if (url.origin === this.serviceOrigin) return { at: 'service', url: url.href };
    return { at: 'elsewhere', url: url.href };
  }

  /**
   * Polls until `done(state)` holds, following a window the page opens (rule 13 notes it;
   * the journey goes on in it). Returns the last state, `timedOut` when it never held.
   */
  async until(done, { timeout = 15000 } = {}) {
    const deadline = Date.now() + timeout;
    let state;
    for (;;) {
      const popup = this.popups.at(-1);
      if (popup && popup.page !== this.page && !popup.page.isClosed() && !popup.followed) {
        popup.followed = true;
        this.page = popup.page;
      }
      if (this.page.isClosed()) this.page = this.first;
      try {
        await this.page.waitForLoadState('load', { timeout: 2000 });
        state = await this.state();
        if (done(state)) {
          await this.settle();
          state = await this.state();
          if (done(state)) return state;
        }
      } catch {
        // a navigation under way: look again
      }
      if (Date.now() > deadline) return { ...(state ?? { at: 'elsewhere', url: this.page.url() }), timedOut: true };
      await sleep(100);
    }
  }

  /**
   * Clicks `target` (a locator or an element handle) and waits until the page starts
   * going somewhere: a navigation of the page, or a new window. False when nothing
   * happened within `timeout`.
   */
  async clickAndNavigate(target, { timeout = 10000 } = {}) {
    const page = this.page;
    const moved = Promise.race([
      page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout }).then(() => true),
      this.context.waitForEvent('page', { timeout }).then(() => true),
    ]).catch(() => false);
    await target.click({ timeout });
    return moved;
  }

  /** The FranceConnect button of the current page, as the page audit finds it, and how findings name it. */
  async franceConnectButton() {
    return findProviderButton(this.page, 'franceconnect');
  }

  /** The ProConnect button of the current page, as the page audit finds it, and how findings name it. */
  async proConnectButton() {
    return findProviderButton(this.page, 'proconnect');
  }

  /**
   * Activates the page's FranceConnect button and waits for FranceConnect's page (or the
   * service again, or nothing). `{ button, state }`; `button` null when the audit found none.
   */
  async activateFranceConnect() {
    const found = await this.franceConnectButton();
    if (!found) return { button: null, state: await this.state() };
    const moved = await this.clickAndNavigate(found.button);
    if (!moved) return { button: found.name, state: { ...(await this.state()), stayed: true } };
    const state = await this.until((s) => (s.at === 'franceconnect' ? s.page !== 'other' : s.at === 'service'));
    return { button: found.name, state };
  }

  /**
   * Activates the page's ProConnect button and waits for the local ProConnect's page or the
   * service again (ProConnect reuses an open session without any page). `{ button, state }`.
   */
  async activateProConnect() {
    const found = await this.proConnectButton();
    if (!found) return { button: null, state: await this.state() };
    const moved = await this.clickAndNavigate(found.button);
    if (!moved) return { button: found.name, state: { ...(await this.state()), stayed: true } };
    const state = await this.until((s) => (s.at === 'franceconnect' ? s.page !== 'other' : s.at === 'service'));
    return { button: found.name, state };
  }

  /** At the local ProConnect's login page: picks the agent, then back at the service (or an error page). */
  async chooseAgent(agent) {
    await this.clickAndNavigate(this.page.locator('button.identity', { hasText: `${agent.given_name} ${agent.usual_name}` }).first());
    return this.until((s) => s.at === 'service' || (s.at === 'franceconnect' && s.page === 'error'));
  }

  /** At the local FranceConnect's identity choice: picks the person. */
  async chooseIdentity(person) {
    await this.clickAndNavigate(this.page.locator('button.identity', { hasText: `${person.given_name} ${person.family_name}` }).first());
    return this.until((s) => s.at !== 'franceconnect' || s.page === 'information' || s.page === 'error');
  }

  /** At its information step: « Continuer sur … », then back at the service (or an error page of FranceConnect). */
  async continueToService() {
    await this.clickAndNavigate(this.page.getByRole('button', { name: /^Continuer sur / }));
    return this.until((s) => s.at === 'service' || (s.at === 'franceconnect' && s.page === 'error'));
  }

  /** What the service's page shows now: who is logged in, its messages, its logout control. */
  async look(person) {
    const text = await this.page.evaluate(readPage);
    const logout = await this.control(LOGOUT, { openMenus: false });
    const words = nameWords(person);
    const visible = fold(text.visible);
    const all = fold(text.all + ' ' + text.values.join(' '));
    const names = {
      given: words.given.filter((w) => visible.includes(fold(w))),
      family: words.family.some((alternative) => alternative.every((w) => visible.includes(fold(w)))),
      hidden: [...words.given, ...words.family.flat()].filter((w) => !visible.includes(fold(w)) && all.includes(fold(w))),
    };
    const loggedIn = Boolean(logout) || (words.given.every((w) => all.includes(fold(w))) && words.family.some((a) => a.every((w) => all.includes(fold(w)))));
    const failure = text.alerts.find((a) => FAILURE_WORDS.test(a)) ?? (FAILURE_WORDS.test(text.visible) ? sentenceAround(text.visible, FAILURE_WORDS) : undefined);
    return {
      url: this.page.url(),
      where: this.where(),
      status: this.statuses.get(this.page),
      loggedIn,
      logout: logout?.name,
      namesVisible: words.given.length > 0 && names.given.length === words.given.length && names.family,
      hiddenNames: names.hidden,
      message: failure ?? text.alerts[0],
      failureMessage: failure,
      heading: text.heading,
      text,
    };
  }

  /**
   * A control (button or link) whose name matches `name`: a visible one, else one in a
   * menu that a click opens (`<summary>`, `aria-expanded="false"`), which is then opened.
   * `{ locator, name, menu? }` or null.
   */
  async control(name, { openMenus = true } = {}) {
    const candidates = async () => {
      const found = [];
      for (const role of ['button', 'link', 'menuitem']) {
        const list = this.page.getByRole(role, { name, includeHidden: true });
        const count = await list.count().catch(() => 0);
        for (let i = 0; i < count; i += 1) found.push(list.nth(i));
      }
      return found;
    };
    const visible = async (list) => {
      for (const locator of list) if (await locator.isVisible().catch(() => false)) return locator;
      return undefined;
    };
    const named = async (locator) => ({ locator, name: ((await locator.textContent().catch(() => '')) || (await locator.getAttribute('aria-label').catch(() => '')) || '').replace(/\s+/g, ' ').trim() });
    const list = await candidates();
    const shown = await visible(list);
    if (shown) return named(shown);
    if (!list.length || !openMenus) return list.length ? { ...(await named(list[0])), hidden: true } : null;
    const togglers = this.page.locator('details:not([open]) > summary, [aria-expanded="false"]');
    const count = await togglers.count();
    for (let i = 0; i < count; i += 1) {
      const toggler = togglers.nth(i);
      if (!(await toggler.isVisible().catch(() => false))) continue;
      const menu = ((await toggler.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' ').trim();
      await toggler.click({ timeout: 5000 }).catch(() => undefined);
      const now = await visible(await candidates());
      if (now) return { ...(await named(now)), menu };
    }
    return { ...(await named(list[0])), hidden: true };
  }

  /** A screenshot of the current page, for the report. */
  async screenshot(caption, { fullPage = false } = {}) {
    try {
      const image = await this.page.screenshot({ type: 'jpeg', quality: 70, fullPage, timeout: 10000 });
      return { caption, url: this.page.url(), data: image.toString('base64') };
    } catch {
      return undefined;
    }
  }
}

/**
 * The words of a person's name a service shows: the first given name; the birth name or the
 * nom d'usage (an agent of ProConnect: the usual_name).
 */
export function nameWords(person) {
  const split = (value) => String(value ?? '').split(/\s+/).filter(Boolean);
  const family = [split(person.usual_name ?? person.family_name)];
  if (person.preferred_username) family.push(split(person.preferred_username));
  return { given: split(person.given_name).slice(0, 1), family };
}

/** The sentence of `text` where `pattern` is, for a finding to quote. */
function sentenceAround(text, pattern) {
  const at = text.search(pattern);
  const start = Math.max(text.lastIndexOf('.', at) + 1, at - 120);
  const end = text.indexOf('.', at);
  return text.slice(start, end < 0 ? at + 120 : Math.min(end + 1, at + 200)).trim();
}
