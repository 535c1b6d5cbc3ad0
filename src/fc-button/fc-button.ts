import { html, isServer, nothing, type PropertyValues } from 'lit';
import { FcElement, reflectText } from '../shared/element.js';
import { logoPaths, logoViewBox, plusPaths, plusViewBox, proLogoViewBox } from '../generated/logos.js';
import { loadProConnectLogo, proConnectLogo } from '../shared/proconnect-logo.js';
import { BRAND, BRAND_PLUS, BRAND_PRO, DATA, LOGIN } from '../shared/texts.js';
import { chooseProvider } from '../shared/provider.js';
import { errorOnce, oneOf, quote, text, warnOnce } from '../shared/warn.js';
import { safeHref } from '../shared/url.js';
import { ThemeController } from '../shared/theme.js';
import { hydration } from '../shared/hydrates.js';
import { fcButtonStyles } from './fc-button.styles.js';
import { palette } from '../shared/palette.js';

export const BUTTON_VARIANTS = ['login', 'data'] as const;
export type FcButtonVariant = (typeof BUTTON_VARIANTS)[number];

/** How long a second activation is ignored after the first (double-click guard). */
export const ACTIVATION_GUARD_MS = 3000;

/** Detail of the `fc-activate` event. */
export interface FcActivateDetail {
  /** The absolute URL the button is about to navigate to, or null when it submits its form. */
  href: string | null;
}

let scaleRegistered = false;
/**
 * Registers --fc-button-scale as a <number> so that a garbage value falls back to 1
 * instead of invalidating every size of the button (an unregistered property would
 * turn `calc(209px * big)` into `auto`).
 */
function registerScale() {
  if (scaleRegistered) return;
  scaleRegistered = true;
  try {
    CSS.registerProperty({
      name: '--fc-button-scale',
      syntax: '<number>',
      inherits: true,
      initialValue: '1',
    });
  } catch {
    // Already registered by the page or another copy of this library: fine.
  }
}

/**
 * Buttons whose --fc-button-scale is to be checked, all in one task after they
 * render: reading a computed style forces a style pass, and one read per render
 * made 1,000 buttons about 30 % slower to render (`npm run bench`).
 */
const scaleChecks = new Set<HTMLElement>();

/** The largest --fc-button-scale: 2090 × 560, far below where layout sizes saturate. */
export const MAX_SCALE = 10;

function checkScales() {
  for (const el of scaleChecks) {
    const raw = el.isConnected ? getComputedStyle(el).getPropertyValue('--fc-button-scale').trim() : '';
    const scale = Number.parseFloat(raw);
    // The styles clamp the scale to [1, MAX_SCALE] (docs/qualification.md#geometry):
    // never smaller than 209 × 56, and never so large that the box stops being exact.
    if (scale < 1 || scale > MAX_SCALE) {
      const used = scale < 1 ? 1 : MAX_SCALE;
      warnOnce(el, 'bad-value', `scale=${raw}`, `--fc-button-scale: ${raw} is outside 1 to ${MAX_SCALE}; using ${used}.`);
    }
  }
  scaleChecks.clear();
}

/**
 * The FranceConnect button: 209 × 56 CSS px, the DSFR colours in light and dark
 * themes with their hover, active, focus and disabled states, the official logo,
 * and the exact French label. It navigates in the same window or submits its form:
 * never a pop-up, a new tab or a frame (docs/qualification.md#rule-13).
 *
 * | FranceConnect rule (docs/qualification.md) | how the button meets it |
 * |---|---|
 * | "La couleur, la taille (209x56 pixels)" | exactly 209 × 56 CSS px (FC+ 245 × 56), DSFR colours |
 * | "Le bouton peut être plus grand, mais l'homothétie doit être respectée" | `--fc-button-scale` scales every length alike; never below 1 |
 * | "Le changement d'état au survol" | DSFR hover and active colours in both themes |
 * | "Ne pas modifier la couleur et/ou le label" | colours and label are fixed; no property changes them |
 * | 8. Connexion, 10. Inscription | `href` (same-window navigation) or `name`/`value` (form submission) |
 * | 13. Pas de pop-up ni d'iframe | a `<button>` that calls `location.assign()`; no link target, no `window.open` |
 *
 * With `provider="proconnect"` it is ProConnect's button (docs/qualification.md#proconnect):
 * « S’identifier avec » / « ProConnect », 214 × 56, ProConnect's logo, the same colours,
 * states, scale and same-window navigation; no FranceConnect+ and no data variant.
 *
 * @summary The FranceConnect login (or "Récupérer ses données") button, or ProConnect's.
 *
 * The button exposes no CSS part: its colours, size, label and logo are what the
 * qualification checks, so no page rule may reach them (docs/styling-and-csp.md,
 * "What a page may still change").
 *
 * @cssproperty [--fc-button-scale=1] - Enlarges the button homothetically (text and
 *   logo included), from 1 to 10: values below 1 are clamped to 1 (the button is never
 *   smaller than 209 × 56), values above 10 to 10.
 *
 * @event fc-activate - Cancelable; fired when the button is activated, before it
 *   navigates to `href` or submits its form. `detail.href` is the absolute URL, or
 *   null for a form submission. Call `preventDefault()` to handle the login yourself.
 * @event click - The native click, bubbling out of the shadow root as usual.
 */
export class FcButton extends FcElement {
  static override styles = [palette, hydration?.buttonStyles ?? [], fcButtonStyles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...FcElement.shadowRootOptions,
    delegatesFocus: true,
  };
  // Declared here rather than with decorators, which cost every page bytes (docs/development.md,
  // "Why `static properties`, not decorators"); the fields below keep their types and docs.
  static override properties = {
    provider: reflectText,
    variant: reflectText,
    plus: { type: Boolean, reflect: true },
    theme: reflectText,
    href: {},
    disabled: { type: Boolean, reflect: true },
    name: {},
    value: {},
    busy: { state: true },
  };

  // Unions written out rather than named (FcButtonVariant, ThemeSetting): custom-elements.json copies a type
  // as written, and Storybook makes a choice control only of literal unions (.storybook/preview.ts).
  /**
   * `franceconnect` (default) or `proconnect`: the State's federation for professionals
   * (214 × 56, ProConnect's logo, « S’identifier avec ProConnect »; docs/qualification.md#proconnect).
   */
  provider: 'franceconnect' | 'proconnect' = 'franceconnect';

  /** `login` ("S’identifier avec") or `data` ("Récupérer ses données avec"); FranceConnect only. */
  variant: 'login' | 'data' = 'login';

  /** FranceConnect+ (245 × 56, with the `+` glyph); FranceConnect only. */
  plus = false;

  /** `system` (the page's DSFR theme, else `prefers-color-scheme`), `light` or `dark`. */
  theme: 'system' | 'light' | 'dark' = 'system';

  /**
   * Where activation navigates, in this window: a string or a `URL` object. Only
   * http(s) URLs are followed; anything else is refused with an error.
   */
  href?: string | URL;

  /** Greys the button out (DSFR disabled colours); it cannot be focused or activated. */
  disabled = false;

  /** Name of the form entry this button contributes when it submits its form. */
  name = '';

  /** Value of the form entry this button contributes when it submits its form. */
  value = '';

  /** True for a few seconds after an activation: further activations are ignored. */
  private busy = false;
  /** What formDisabledCallback last said: a disabled fieldset, or our own `disabled` attribute. */
  #formDisabled = false;

  readonly #internals: ElementInternals;
  readonly #themes = new ThemeController(this);
  #busyTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // The module runs: the link that stands in for the button in a page without
    // JavaScript (server render, see render()) is hidden by `:state(ready)`.
    // `states` is missing in older browsers: that link's clicks are then handled below.
    if (hydration) this.#internals.states?.add('ready');
    // On the host, not on the inner <button>: the inner button's clicks (mouse, Enter,
    // Space) bubble here, and so does `el.click()`, which activates us as it does a
    // native button.
    this.addEventListener('click', this.#onClick);
  }

  /**
   * The form to submit when the button has no `href` and no form of its own: for a
   * component that renders the button in its shadow root, where no outer `<form>` can
   * own it (`<fc-login-block>` sets its own form here). A property only.
   */
  targetForm: HTMLFormElement | null = null;

  /** The form this button submits when it has no `href`: its own form owner, else `targetForm`. */
  get form(): HTMLFormElement | null {
    const form = this.#internals.form ?? this.targetForm;
    return form instanceof HTMLFormElement ? form : null;
  }

  override connectedCallback() {
    super.connectedCallback();
    // The module runs: the no-JavaScript submit button (see render()) must not stay the
    // form's default button, which Enter in a field would click.
    // Only that button: in <fc-login-block>'s shadow root the slot that passes the block's
    // own fallback down stays, as the block's template drew it.
    for (const fallback of this.querySelectorAll(':scope > button[slot="fc-nojs"]')) fallback.remove();
    // Here, not in the constructor: a server render (@lit-labs/ssr) constructs the
    // element where there is no CSS object.
    registerScale();
    // A page restored from the back/forward cache must not come back "busy".
    window.addEventListener('pageshow', this.#clearBusy);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.#clearBusy);
    this.#clearBusy();
  }

  /** @internal Form-associated callback: a disabled <fieldset> disables the button. */
  formDisabledCallback(disabled: boolean) {
    this.#formDisabled = disabled;
    // Called outside updates: FcElement writes a reflected `disabled` attribute in the setter.
    this.requestUpdate();
  }

  /**
   * A ProConnect button renders once ProConnect's logo is loaded (a file of its own, once
   * per page: shared/proconnect-logo.ts), so that it is never seen without it;
   * `updateComplete` includes that wait. If the file cannot be loaded, the button says so
   * and renders all the same, label and size as ProConnect's, without the logo.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.provider !== 'proconnect' || proConnectLogo()) return super.scheduleUpdate();
    return loadProConnectLogo().then(
      () => super.scheduleUpdate(),
      (error: unknown) => {
        errorOnce(this, 'missing-file', 'proconnect-logo', `needs ProConnect's logo, a file loaded from beside this module, and it could not be loaded (${quote(error)}); the button is shown without its logo.`);
        return super.scheduleUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Report an unsafe href as soon as it is set, not only when someone clicks.
    if (changed.has('href')) safeHref(this, this.href);
  }

  protected override firstUpdated() {
    // The module runs: the inner button works now, and takes its place in the Tab order
    // (see render(); hydration keeps the server's attribute, so it is removed here).
    if (hydration) this.renderRoot.querySelector('.button')?.removeAttribute('tabindex');
  }

  protected override updated() {
    if (scaleChecks.size === 0) setTimeout(checkScales);
    scaleChecks.add(this);
  }

  readonly #clearBusy = () => {
    clearTimeout(this.#busyTimer);
    this.busy = false;
  };

  #startBusy() {
    this.busy = true;
    clearTimeout(this.#busyTimer);
    this.#busyTimer = setTimeout(this.#clearBusy, ACTIVATION_GUARD_MS);
  }

  /**
   * Activation: a click, Enter or Space on the inner button, or `el.click()`. Checks,
   * then where to go (a URL, else the form), then the page's say (fc-activate), then go.
   */
  readonly #onClick = (event: MouseEvent) => {
    // A click on the no-JavaScript stand-in link (browsers without `:state()`) is a
    // click on the button: the link must not navigate by itself.
    if (hydration && event.composedPath().some((n) => (n as Element).classList?.contains('nojs'))) event.preventDefault();
    if (this.disabled || this.#formDisabled || this.busy) return event.preventDefault();
    const href = safeHref(this, this.href);
    if (href === null) return; // a refused URL: reported, nothing happens
    const form = href ? null : this.form;
    if (!href && !form) return; // nowhere to go: a placeholder button
    // Busy before the page hears of a navigation: a double click, or a page that takes
    // over the login, must not start two authorisations.
    if (href) this.#startBusy();
    if (!this.#activate(href ?? null)) return this.#startBusy();
    // docs/qualification.md#rule-13: this window; never window.open, a new tab or a frame.
    if (href) window.location.assign(href);
    else this.#submit(form!);
  };

  /** Fires the cancelable fc-activate event; true when the page lets the button proceed. */
  #activate(href: string | null): boolean {
    return this.dispatchEvent(
      new CustomEvent<FcActivateDetail>('fc-activate', {
        detail: { href },
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }

  /** Submits like a native submit button: validation, submit event, name=value in the FormData. */
  #submit(form: HTMLFormElement) {
    let submitted = false;
    const onSubmit = () => (submitted = true);
    const name = text(this, 'name', this.name);
    const value = text(this, 'value', this.value);
    // A form reached through a shadow host does not see this element's form value:
    // the entry is added to the FormData the submission builds instead.
    const own = form === this.#internals.form;
    const addEntry = (e: FormDataEvent) => e.formData.append(name, value);
    form.addEventListener('submit', onSubmit, { once: true });
    if (name && own) this.#internals.setFormValue(value);
    if (name && !own) form.addEventListener('formdata', addEntry);
    try {
      form.requestSubmit();
    } finally {
      // The entry belongs to this submission only, as with a native submitter.
      if (own) this.#internals.setFormValue(null);
      form.removeEventListener('formdata', addEntry);
      form.removeEventListener('submit', onSubmit);
    }
    // A form that failed validation did not submit: the user may try again at once.
    if (submitted) this.#startBusy();
  }

  protected override render() {
    const { provider, plus, data } = chooseProvider(
      this,
      this.provider,
      this.plus,
      oneOf(this, 'variant', this.variant, BUTTON_VARIANTS) === 'data',
    );
    const variant = data ? 'data' : 'login';
    const pro = provider === 'proconnect';
    const theme = this.#themes.resolve(this.theme);
    const brand = pro ? BRAND_PRO : plus ? BRAND_PLUS : BRAND;
    const first = data ? DATA : LOGIN;
    // The data label cannot hold on one line (see the styles): it breaks before "avec".
    // Each line ends with a space (invisible at a line end) so that the text reads
    // as one phrase, as the aria-label says it. The spaces are inside the bound values:
    // the build's template minifier trims static white space.
    const cut = first.lastIndexOf(' ');
    const lines = variant === 'data' ? [first.slice(0, cut), first.slice(cut + 1)] : [first];
    const firstLines = lines.map(
      (line) => html`<span class=${variant === 'data' ? 'line small' : 'line'}>${`${line} `}</span>`,
    );
    // Without JavaScript (a server-rendered page whose module did not run), a shadow
    // root's <button> does nothing: a link laid over it takes the visitor to href, in
    // this window (rule 13: no target). Hidden as soon as the module runs (constructor).
    // The href as written: the browser resolves a relative one against the page.
    // Only where server output is hydrated, and on the server (shared/hydrates.ts).
    const raw = this.href instanceof URL ? this.href.href : this.href;
    const nojs =
      hydration && !this.disabled && typeof raw === 'string' && safeHref(this, raw)
        ? hydration.buttonLink(raw, theme, `${first} ${brand}`)
        : nothing;
    // Without JavaScript a shadow root's button cannot submit the page's form either:
    // franceconnect-elements/ssr puts a real submit button (name=value) in the light DOM,
    // shown here over the button until the module runs.
    // Server-rendered, the inner button is out of the Tab order: until the module runs it
    // does nothing, and the keyboard meets only the link or submit button laid over it.
    return html`${nojs}<slot name="fc-nojs"></slot><button
      type="button"
      tabindex=${isServer ? '-1' : nothing}
      lang="fr"
      class=${`button ${theme}${plus ? ' plus' : pro ? ' pro' : ''}`}
      aria-label=${`${first} ${brand}`}
      aria-busy=${this.busy ? 'true' : nothing}
      ?disabled=${this.disabled || this.#formDisabled}
    >
      <svg class="logo" viewBox=${pro ? proLogoViewBox : logoViewBox} aria-hidden="true">
        ${pro ? (proConnectLogo() ?? nothing) : logoPaths}
      </svg>
      <span class="label"
        >${firstLines}<span class="line brand">${pro ? BRAND_PRO : BRAND}</span></span
      >${plus
        ? html`<svg class="glyph" viewBox=${plusViewBox} aria-hidden="true">${plusPaths}</svg>`
        : nothing}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-button': FcButton;
  }
  interface HTMLElementEventMap {
    'fc-activate': CustomEvent<FcActivateDetail>;
  }
}
