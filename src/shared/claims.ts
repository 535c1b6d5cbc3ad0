/**
 * FranceConnect's identity claims (docs/qualification.md#claims): labels, formats, which are locked when
 * they come from FranceConnect (docs/qualification.md#rule-15 and #rule-16), and how to show them.
 */

export type ClaimName =
  | 'family_name'
  | 'given_name'
  | 'gender'
  | 'birthdate'
  | 'birthplace'
  | 'birthcountry'
  | 'preferred_username'
  | 'email';

/**
 * ProConnect's claims that `<fc-account provider="proconnect">` shows: the agent's name
 * (`given_name` and `usual_name`) and organisation (proconnect-gouv/proconnect-espace-partenaires,
 * docs on the identity claims; docs/qualification.md#proconnect).
 */
export const PRO_CLAIM_NAMES = ['usual_name', 'organization_label'] as const;
export type ProClaimName = (typeof PRO_CLAIM_NAMES)[number];

/** The claims an `identity` may carry. `sub` is accepted but never shown nor submitted. */
export type FcIdentity = Partial<Record<ClaimName | ProClaimName | 'sub', string>>;

export interface ClaimField {
  readonly name: ClaimName;
  /** The exact French label (docs/qualification.md#claims). */
  readonly label: string;
  /** Rule 15: not modifiable when it comes from FranceConnect. */
  readonly locked: boolean;
  /** The HTML autocomplete token; `off` where none fits (a birth country is no address). */
  readonly autocomplete: string;
  readonly maxLength: number;
  /** Required when the user fills the form by hand. */
  readonly required: boolean;
}

/** In the order a person reads an identity; the locked pivot first, then contact data. */
export const FIELDS: readonly ClaimField[] = [
  { name: 'family_name', label: 'Nom de naissance', locked: true, autocomplete: 'family-name', maxLength: 256, required: true },
  { name: 'given_name', label: 'Prénoms', locked: true, autocomplete: 'given-name', maxLength: 256, required: true },
  { name: 'gender', label: 'Sexe', locked: true, autocomplete: 'sex', maxLength: 6, required: true },
  { name: 'birthdate', label: 'Date de naissance', locked: true, autocomplete: 'bday', maxLength: 10, required: true },
  { name: 'birthplace', label: 'Ville de naissance', locked: true, autocomplete: 'off', maxLength: 100, required: false },
  { name: 'birthcountry', label: 'Pays de naissance', locked: true, autocomplete: 'off', maxLength: 100, required: true },
  { name: 'preferred_username', label: 'Nom d’usage', locked: false, autocomplete: 'off', maxLength: 256, required: false },
  { name: 'email', label: 'Email', locked: false, autocomplete: 'email', maxLength: 254, required: true },
];

export const CLAIM_NAMES = FIELDS.map((f) => f.name);

export const GENDERS: Record<string, string> = { male: 'Masculin', female: 'Féminin' };

/**
 * What counts as an e-mail address, in the syntax of the HTML `pattern` attribute, so
 * that the claim check and the field's own validation are one rule.
 */
export const EMAIL_PATTERN = '[^\\s@]+@[^\\s@]+\\.[^\\s@]+';
const EMAIL = new RegExp(`^(?:${EMAIL_PATTERN})$`);

/** COG code of France as a country of birth. */
export const FRANCE = '99100';

/** Resolves a COG code to a place name; the page may supply one (`placeName`). */
export type PlaceNameResolver = (kind: 'commune' | 'country', code: string) => string | undefined | null;

/** Why a claim's value is not in the format FranceConnect documents, or null when it is. */
export function formatProblem(name: ClaimName, value: string): string | null {
  switch (name) {
    case 'birthdate': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!m) return 'is not a YYYY-MM-DD date';
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      const real = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
      return real ? null : 'is not a real date';
    }
    case 'gender':
      // Own keys only: "constructor" or "toString" is not a gender.
      return Object.hasOwn(GENDERS, value) ? null : 'is neither "male" nor "female"';
    case 'birthplace':
      // Empty means born abroad; otherwise a 5-character INSEE commune code (2A/2B for Corsica).
      return value === '' || /^(?:\d{5}|2[AB]\d{3})$/.test(value) ? null : 'is not a 5-character INSEE commune code';
    case 'birthcountry':
      return /^99\d{3}$/.test(value) ? null : 'is not a 5-digit COG country code';
    case 'email':
      return EMAIL.test(value) ? null : 'is not an e-mail address';
    default:
      return null;
  }
}

/** What a person sees for a locked claim: dates as JJ/MM/AAAA, codes as names. */
export function displayValue(name: ClaimName, value: string, placeName?: PlaceNameResolver): string {
  if (formatProblem(name, value)) return value; // shown as received, never "corrected"
  switch (name) {
    case 'birthdate': {
      const [y, m, d] = value.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'gender':
      return GENDERS[value];
    case 'birthplace':
      if (value === '') return 'Né(e) à l’étranger';
      return placeName?.('commune', value) || value;
    case 'birthcountry':
      return placeName?.('country', value) || (value === FRANCE ? 'France' : value);
    default:
      return value;
  }
}
