import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { accountIconPaths, iconViewBox, logoutIconPaths } from '../generated/icons.js';
import { PRO_CLAIM_NAMES, type FcIdentity } from '../shared/claims.js';
import { reflectText } from '../shared/element.js';
import { PROVIDERS } from '../shared/texts.js';
import { IDENTITY, readIdentity } from '../shared/identity.js';
import { palette } from '../shared/palette.js';
import { ThemeController } from '../shared/theme.js';
import { safeHref } from '../shared/url.js';
import { oneOf, warnOnce } from '../shared/warn.js';
import { fcAccountStyles } from './fc-account.styles.js';

/** The exact French texts of the element. */
export const ACCOUNT_TEXTS = {
  /** Shown instead of the name when the identity is absent or unreadable. */
  connected: 'Connecté',
  logout: 'Se déconnecter',
  /** Read after the name by assistive technology: where the link leads. */
  profile: '(mon profil)',
} as const;

/** The name `<fc-account>` shows for an identity, and its initials. */
export interface AccountName {
  /** First names, then the nom d'usage if there is one, else the birth name. */
  readonly full: string;
  /** First letter of the first first name and of the name shown, in capitals; may be empty. */
  readonly initials: string;
}

const clean = (value: string | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const firstLetter = (value: string) => /\p{L}|\p{N}/u.exec(value)?.[0].toLocaleUpperCase('fr') ?? '';

/**
 * The documented display rule (docs/elements.md, "<fc-account>"): `given_name` in full (every
 * first name), then `preferred_username` (the nom d'usage, the name the person goes
 * by) when it is not blank, else `family_name` (the birth name). With ProConnect
 * (`pro`), `given_name` then `usual_name`, the two names ProConnect sends for an agent.
 * White space is collapsed. Null when the identity carries no name at all.
 */
export function accountName(claims: Readonly<FcIdentity> | null, pro = false): AccountName | null {
  if (!claims) return null;
  const given = clean(claims.given_name);
  const name = pro ? clean(claims.usual_name) : clean(claims.preferred_username) || clean(claims.family_name);
  const full = [given, name].filter(Boolean).join(' ');
  if (!full) return null;
  const initials = given && name ? firstLetter(given) + firstLetter(name) : firstLetter(full);
  return { full, initials };
}

/**
 * The connected state of a FranceConnect service, for its header: the person's first
 * names and name, always visible (no click, no hover), as a link to their profile,
 * and a "Se déconnecter" button that posts a real `<form method="post">` to the
 * service's logout route in the same window (it works without JavaScript, and a
 * prefetch or a crawled link cannot log anyone out).
 *
 * Where the width available is under 360 px (a container query on the row), the
 * name gives way to its initials in a badge; the full name stays the link's
 * accessible name. In a shrink-to-fit parent (the DSFR header's tools area) the
 * element is 360 px wide, or as wide as the name and "Se déconnecter" need on one
 * row if that is more.
 *
 * | FranceConnect rule (docs/qualification.md) | how the element meets it |
 * |---|---|
 * | 14. Identification de l'utilisateur | the name (or its initials when space is short) is always shown, and links to the profile |
 * | ProConnect: the agent's name visible | `provider="proconnect"`: `given_name` `usual_name`, and `organization_label` |
 * | 9. Déconnexion | "Se déconnecter" posts to `logout-href`, a route that must end the FranceConnect session too |
 * | 13. Pas de pop-up ni d'iframe | the link and the form target this window (`target="_self"`) |
 *
 * @summary The connected state: the person's name, a link to the profile, "Se déconnecter".
 *
 * @attribute identity - The claims as JSON, the same as `<fc-profile-form>`'s `identity`.
 * @attribute profile-href - The profile page's URL (http(s) only).
 * @attribute logout-href - The logout route, which receives a `POST` (http(s) only).
 *
 * @csspart account - The row that holds the profile link and the logout form.
 * @csspart profile - The link to the profile (a plain text box without `profile-href`).
 * @csspart name - The name, or "Connecté".
 * @csspart organization - With ProConnect, ", " and the agent's `organization_label`, inside the name.
 * @csspart initials - The initials badge, shown instead of the name when space is short.
 * @csspart logout-form - The `<form method="post">` around the logout button.
 * @csspart logout - The "Se déconnecter" button.
 */
export class FcAccount extends LitElement {
  static override styles = [palette, fcAccountStyles];

  static override properties = {
    // The accessor below is the class's own: Lit still maps the attribute to it, on a
    // server too (@lit-labs/ssr), and takes over a value set before upgrade.
    identity: IDENTITY,
    provider: reflectText,
    theme: { reflect: true },
    // Reflected so that a copy of the element's HTML keeps them (the DSFR header copies
    // its tools area into the mobile menu by innerHTML).
    profileHref: { attribute: 'profile-href', reflect: true },
    logoutHref: { attribute: 'logout-href', reflect: true },
    claims: { state: true },
  };

  // Unions written out rather than named (ThemeSetting): custom-elements.json copies a type
  // as written, and Storybook makes a choice control only of literal unions (.storybook/preview.ts).
  /** `system` (default: the page's DSFR theme, else `prefers-color-scheme`), `light` or `dark`. */
  theme: 'system' | 'light' | 'dark' = 'system';

  /**
   * `franceconnect` (default) or `proconnect`: an agent's name is `given_name` and
   * `usual_name`, followed by `organization_label` when ProConnect sends it.
   */
  provider: 'franceconnect' | 'proconnect' = 'franceconnect';

  /** The profile page: the name links there (rule 14). Only http(s) URLs are followed. */
  profileHref?: string;

  /**
   * The logout route: "Se déconnecter" submits a `POST` there, in this window. The
   * route must end the FranceConnect session too (rule 9). Only http(s) URLs.
   */
  logoutHref?: string;

  private claims: Readonly<FcIdentity> | null = null;

  readonly #themes = new ThemeController(this);
  /** The checked URLs, as the author wrote them, or null when absent or refused. */
  #profile: string | null = null;
  #logout: string | null = null;

  /**
   * The OpenID Connect claims FranceConnect returned (docs/qualification.md#claims), or null: the same
   * object as `<fc-profile-form>`'s, read by the same code. The element keeps a frozen
   * copy. The `identity` attribute takes the same as JSON. Unreadable input is reported
   * once (`console.error`) and the element shows "Connecté".
   */
  get identity(): Readonly<FcIdentity> | null {
    return this.claims;
  }

  set identity(value: FcIdentity | string | null | undefined) {
    // An unreadable identity is reported by the reader (one console.error) and
    // comes back as null: the element then shows "Connecté", never half-read data.
    // ProConnect's claims are read whatever the provider: an attribute may come first.
    const { claims } = readIdentity(this, value, {
      consequence: 'no name is shown, only "Connecté".',
      extra: PRO_CLAIM_NAMES,
    });
    this.claims = claims;
  }

  #pro() {
    return oneOf(this, 'provider', this.provider, PROVIDERS) === 'proconnect';
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // Checked once the provider is known too: which claims name the person depends on it.
    if ((changed.has('claims' as keyof FcAccount) || changed.has('provider')) && this.claims && !accountName(this.claims, this.#pro())) {
      warnOnce(
        this,
        'bad-identity',
        'no-name',
        `the identity has no ${this.#pro() ? 'given_name nor usual_name' : 'given_name, family_name nor preferred_username'}; "Connecté" is shown.`,
      );
    }
    // Checked here, not at click time, so that a refused URL is reported at once and
    // never rendered (a javascript: URL in an href or a form action would run).
    if (changed.has('profileHref')) this.#profile = this.#check(this.profileHref, 'profile-href');
    if (changed.has('logoutHref')) this.#logout = this.#check(this.logoutHref, 'logout-href');
    if (!this.hasUpdated) {
      if (!this.profileHref) {
        warnOnce(this, 'missing-link', 'no-profile', 'no profile-href: the name is not a link, yet FranceConnect’s rule 14 asks that the profile be reachable.');
      }
      if (!this.logoutHref) {
        warnOnce(this, 'missing-link', 'no-logout', 'no logout-href: "Se déconnecter" is not shown, yet FranceConnect’s rule 9 asks for it.');
      }
    }
  }

  /** The URL as written when it is http(s), else null (safeHref reports why). */
  #check(href: string | undefined, attribute: string): string | null {
    if (typeof href !== 'string') {
      if (href != null) warnOnce(this, 'bad-value', `${attribute}:type`, `${attribute} is a ${typeof href}, not a URL; it is ignored.`);
      return null;
    }
    return safeHref(this, href) === null ? null : href.trim();
  }

  protected override render() {
    const theme = this.#themes.resolve(this.theme);
    const pro = this.#pro();
    const name = accountName(this.claims, pro);
    const label = name?.full ?? ACCOUNT_TEXTS.connected;
    const initials = name?.initials ?? '';
    // The agent's organisation, as text (page data: Lit escapes it), after the name.
    const org = pro && name ? (this.claims?.organization_label ?? '').replace(/\s+/g, ' ').trim() : '';
    const orgText = org ? html`<span part="organization" class="organization">${`, ${org}`}</span>` : nothing;
    const content = html`<svg class="icon" viewBox=${iconViewBox} aria-hidden="true">${accountIconPaths}</svg
      ><span part="name" class="name">${label}${orgText}</span>${initials
        ? html`<span part="initials" class="initials" aria-hidden="true">${initials}</span>`
        : nothing}`;
    return html`<div part="account" class=${`account ${theme}${initials ? ' has-initials' : ''}`} lang="fr">
      ${this.#profile
        ? html`<a
            part="profile"
            class="profile"
            href=${this.#profile}
            target="_self"
            >${content}<span class="visually-hidden">${ACCOUNT_TEXTS.profile}</span></a
          >`
        : html`<span part="profile" class="profile">${content}</span>`}
      ${this.#logout
        ? html`<form part="logout-form" class="logout-form" method="post" action=${this.#logout} target="_self">
            <button part="logout" class="logout" type="submit">
              <svg class="icon" viewBox=${iconViewBox} aria-hidden="true">${logoutIconPaths}</svg
              ><span>${ACCOUNT_TEXTS.logout}</span>
            </button>
          </form>`
        : nothing}
    </div>
    <div class="sizer" aria-hidden="true">
      <div>
        <span class="profile"><span class="icon"></span>${label}${org ? `, ${org}` : ''}</span>${this.#logout
          ? html`<span class="logout"><span class="icon"></span>${ACCOUNT_TEXTS.logout}</span>`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'fc-account': FcAccount;
  }
}
