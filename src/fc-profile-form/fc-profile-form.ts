import { html, nothing, svg } from 'lit';
import { FcElement, reflectText } from '../shared/element.js';
import { ThemeController } from '../shared/theme.js';
import { palette } from '../shared/palette.js';
import { warnOnce, quote } from '../shared/warn.js';
import { IDENTITY, readIdentity } from '../shared/identity.js';
import {
  EMAIL_PATTERN,
  FIELDS,
  GENDERS,
  displayValue,
  type ClaimField,
  type ClaimName,
  type FcIdentity,
  type PlaceNameResolver,
} from '../shared/claims.js';
import { fcProfileFormStyles } from './fc-profile-form.styles.js';

const lockIcon = html`<svg class="lock" viewBox="0 0 24 24" aria-hidden="true">
  ${svg`<path d="M6 8V7a6 6 0 1 1 12 0v1h2a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V9a1 1 0 0 1 1-1h2Zm2 0h8V7a4 4 0 1 0-8 0v1Zm3 6v4h2v-4h-2Z"/>`}
</svg>`;

const UNREADABLE =
  'Les informations transmises par FranceConnect n’ont pas pu être lues. Reconnectez-vous avec FranceConnect pour les obtenir à nouveau.';

/** French messages for the form's own constraint validation. */
function validationMessage(field: ClaimField, validity: ValidityState): string {
  if (field.name === 'email') {
    if (validity.valueMissing) return 'Saisissez votre adresse électronique.';
    return 'Saisissez une adresse électronique valide, par exemple prenom.nom@exemple.fr.';
  }
  if (validity.valueMissing) return `Renseignez le champ « ${field.label} ».`;
  if (validity.tooLong) return `Le champ « ${field.label} » compte au plus ${field.maxLength} caractères.`;
  return `Vérifiez le champ « ${field.label} ».`;
}

/**
 * The profile or sign-up form of qualification rules 15 and 16 (docs/qualification.md#rule-15): with an identity from
 * FranceConnect, Nom de naissance, Prénoms, Sexe, Date de naissance, Ville and Pays de
 * naissance are shown locked, while Nom d’usage and Email stay editable. Without one,
 * the same eight fields are an ordinary form to fill by hand.
 *
 * It is form-associated: the surrounding `<form>` receives one entry per claim, in
 * claim format (ISO date, COG codes). Locked values are taken from the `identity`
 * object, never from the DOM, so editing the page in devtools changes nothing that
 * is submitted. The server must still check the identity against its own session.
 *
 * | FranceConnect rule (docs/qualification.md) | how the form meets it |
 * |---|---|
 * | 15. Non modification de l'identité pivot | the six pivot claims are shown locked and submitted from the identity object only |
 * | 16. Modification des autres données | Nom d'usage and Email are ordinary, validated fields |
 * | 10. Inscription | without `identity`, the same fields form a sign-up form |
 * | 14. Le profil est accessible | a ready-made profile page body |
 *
 * @summary Profile / sign-up form whose FranceConnect pivot identity cannot be edited.
 *
 * @attribute identity - The claims as JSON, the same as the `identity` property.
 *
 * @csspart locked-value - Each locked value.
 * @csspart input - Each editable field.
 *
 * @event input - Native, from the editable fields.
 * @event change - Native, re-dispatched from the element for the editable fields.
 */
export class FcProfileForm extends FcElement {
  static override styles = [palette, fcProfileFormStyles];
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = {
    ...FcElement.shadowRootOptions,
    delegatesFocus: true,
  };

  static override properties = {
    theme: reflectText,
    identity: IDENTITY,
    placeName: { attribute: false },
    claims: { state: true },
    unreadable: { state: true },
    values: { state: true },
    touched: { state: true },
    showAllErrors: { state: true },
  };

  // Unions written out rather than named (ThemeSetting): custom-elements.json copies a type
  // as written, and Storybook makes a choice control only of literal unions (.storybook/preview.ts).
  /** `system` (default), `light` or `dark`, as on the other elements. */
  theme: 'system' | 'light' | 'dark' = 'system';

  /**
   * Names for COG codes: `(kind, code) => name`, kind being `commune` or `country`.
   * Without it, codes are shown as codes, except France (99100). Anything but a
   * function is ignored with a warning; a name that is not text, or a resolver that
   * throws, shows the code.
   */
  placeName?: PlaceNameResolver;

  private claims: Readonly<FcIdentity> | null = null;
  private unreadable = false;
  private values: Partial<Record<ClaimName, string>> = {};
  private touched = new Set<ClaimName>();
  private showAllErrors = false;
  #formDisabled = false;

  readonly #internals: ElementInternals;
  readonly #themes = new ThemeController(this);

  constructor() {
    super();
    this.#internals = this.attachInternals();
    // The form's interactive validation (submit, reportValidity) shows every message.
    this.addEventListener('invalid', () => {
      this.showAllErrors = true;
    });
  }

  /**
   * The OpenID Connect claims FranceConnect returned (docs/qualification.md#claims), or null. The element
   * keeps a frozen copy: mutating the object you passed changes nothing; assign a new
   * one to change the identity. The `identity` attribute takes the same as JSON.
   */
  get identity(): Readonly<FcIdentity> | null {
    return this.claims;
  }

  set identity(value: FcIdentity | string | null | undefined) {
    // The same reader as every element that shows an identity (shared/identity.ts).
    const { claims, unreadable } = readIdentity(this, value, {
      consequence: 'no identity is shown and the form cannot be submitted.',
      checkFormats: true,
    });
    this.claims = claims;
    this.unreadable = unreadable;
    this.formResetCallback();
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** @internal Form reset, and a new identity: the fields show the identity again. */
  formResetCallback() {
    this.values = this.#initialValues();
    this.touched = new Set();
    this.showAllErrors = false;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean) {
    this.#formDisabled = disabled;
    // Called outside updates: FcElement writes a reflected `disabled` attribute in the setter.
    this.requestUpdate();
  }

  /** `placeName`, called safely: only a function, only text back, never a throw. */
  readonly #placeName: PlaceNameResolver = (kind, code) => {
    const resolve: unknown = this.placeName;
    if (resolve == null) return undefined;
    if (typeof resolve !== 'function') {
      const shown = quote(resolve);
      warnOnce(this, 'bad-value', `placeName=${shown}`, `placeName must be a function (kind, code) => name, not "${shown}"; codes are shown.`);
      return undefined;
    }
    try {
      const name: unknown = resolve(kind, code);
      return typeof name === 'string' ? name : undefined;
    } catch (error) {
      warnOnce(this, 'bad-value', `placeName!${kind}:${code}`, `placeName threw for ${kind} ${code} (${quote(error)}); the code is shown.`);
      return undefined;
    }
  };

  #initialValues(): Partial<Record<ClaimName, string>> {
    const values: Partial<Record<ClaimName, string>> = {};
    for (const field of FIELDS) values[field.name] = this.claims?.[field.name] ?? '';
    return values;
  }

  #isLocked(field: ClaimField): boolean {
    return field.locked && this.claims !== null;
  }

  /** What the form submits: locked claims from the frozen identity, the rest from the fields. */
  #formData(): FormData {
    const data = new FormData();
    for (const field of FIELDS) {
      const value = this.#isLocked(field) ? this.claims![field.name] ?? '' : this.values[field.name] ?? '';
      data.append(field.name, value);
    }
    return data;
  }

  #fields() {
    return this.renderRoot.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-claim]');
  }

  protected override updated() {
    // The fields show `values` (what is submitted) whatever a script wrote into them
    // since the last render. This is what lit/directives/live.js does; done here it
    // costs every page 0.4 KB less (docs/performance.md), and a <select> gets its value once its
    // options exist.
    const fields = this.#fields();
    for (const input of fields) {
      const value = this.values[input.dataset.claim as ClaimName] ?? '';
      if (input.value !== value) input.value = value;
    }
    this.#syncForm(fields);
  }

  /** Hands the form its entries and validity; run on every change, not a frame later. */
  #syncForm(fields = this.#fields()) {
    if (this.unreadable) {
      this.#internals.setFormValue(null);
      this.#internals.setValidity({ customError: true }, UNREADABLE);
      return;
    }
    this.#internals.setFormValue(this.#formData());
    for (const input of fields) {
      if (!input.validity.valid) {
        const field = FIELDS.find((f) => f.name === input.dataset.claim)!;
        this.#internals.setValidity(input.validity, validationMessage(field, input.validity), input);
        return;
      }
    }
    this.#internals.setValidity({});
  }

  #onInput(field: ClaimField, event: Event) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    this.values = { ...this.values, [field.name]: target.value };
    // A submit right after typing (a script, an autofill) must see the new value.
    this.#syncForm();
  }

  #onChange(field: ClaimField) {
    this.touched = new Set(this.touched).add(field.name);
    // `change` does not cross the shadow boundary by itself; `input` does.
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #renderLocked(field: ClaimField) {
    const value = this.claims![field.name];
    const shown = value === undefined ? 'Non transmis' : displayValue(field.name, value, this.#placeName);
    return html`<div class="field">
      <span class="label" id="label-${field.name}">${field.label}</span>
      <span
        part="locked-value"
        class="locked-value"
        role="textbox"
        aria-readonly="true"
        aria-labelledby="label-${field.name}"
        aria-describedby="locked-hint"
        tabindex="0"
        data-locked=${field.name}
        >${lockIcon}<span>${shown}</span></span
      >
    </div>`;
  }

  #renderEditable(field: ClaimField) {
    // No render root yet on a server (@lit-labs/ssr): nothing typed, no error shown.
    const input = this.renderRoot?.querySelector<HTMLInputElement>(`[data-claim="${field.name}"]`) ?? null;
    const showError =
      input !== null && !input.validity.valid && (this.showAllErrors || this.touched.has(field.name));
    const error = showError ? validationMessage(field, input!.validity) : '';
    const id = `field-${field.name}`;
    const control =
      field.name === 'gender'
        ? html`<select
            id=${id}
            part="input"
            name=${field.name}
            data-claim=${field.name}
            autocomplete=${field.autocomplete}
            ?required=${field.required}
            ?disabled=${this.#formDisabled}
            aria-invalid=${showError ? 'true' : 'false'}
            aria-describedby=${showError ? `error-${field.name}` : nothing}
            @input=${(e: Event) => this.#onInput(field, e)}
            @change=${() => this.#onChange(field)}
          >
            <option value="">Choisir</option>
            ${Object.entries(GENDERS).map(([code, label]) => html`<option value=${code}>${label}</option>`)}
          </select>`
        : html`<input
            id=${id}
            part="input"
            name=${field.name}
            data-claim=${field.name}
            type=${field.name === 'email' ? 'email' : field.name === 'birthdate' ? 'date' : 'text'}
            autocomplete=${field.autocomplete}
            maxlength=${field.maxLength}
            pattern=${field.name === 'email' ? EMAIL_PATTERN : nothing}
            spellcheck="false"
            ?required=${field.required}
            ?disabled=${this.#formDisabled}
            aria-invalid=${showError ? 'true' : 'false'}
            aria-describedby=${showError ? `error-${field.name}` : nothing}
            @input=${(e: Event) => this.#onInput(field, e)}
            @change=${() => this.#onChange(field)}
          />`;
    return html`<div class="field">
      <label for=${id}>${field.label}</label>
      ${control}
      ${showError ? html`<p class="error" id="error-${field.name}">${error}</p>` : nothing}
    </div>`;
  }

  protected override render() {
    const theme = this.#themes.resolve(this.theme);
    if (this.unreadable) {
      return html`<div class="form ${theme}" lang="fr"><p class="alert" role="alert">${UNREADABLE}</p></div>`;
    }
    const pivot = FIELDS.filter((f) => f.locked);
    const contact = FIELDS.filter((f) => !f.locked);
    return html`<div class="form ${theme}" lang="fr">
      ${this.claims
        ? html`<fieldset>
            <legend>Identité transmise par FranceConnect</legend>
            <p class="hint" id="locked-hint">
              ${lockIcon}<span>Ces informations viennent de FranceConnect : elles ne peuvent pas être modifiées ici.</span>
            </p>
            ${pivot.map((f) => this.#renderLocked(f))}
          </fieldset>`
        : html`<fieldset>
            <legend>Identité</legend>
            ${pivot.map((f) => this.#renderEditable(f))}
          </fieldset>`}
      <fieldset>
        <legend>Coordonnées</legend>
        ${contact.map((f) => this.#renderEditable(f))}
      </fieldset>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-profile-form': FcProfileForm;
  }
}
