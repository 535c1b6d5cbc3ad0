// What ProConnect's federation (proconnect-gouv/federation, core-fca-low) decides on its
// own, before or around oidc-provider: the checks of /authorize and /session/end, the
// scopes and claims, the ACR levels and how the one sent back is chosen, the lifetimes
// and the errors. Every rule names the file of proconnect-gouv/federation (back/…) or of
// proconnect-gouv/proconnect-espace-partenaires (src/pages/docs/…) it follows.

/**
 * Lifetimes in seconds. The session (and the grant) last 12 hours
 * (back/apps/core-fca-low/src/config/session.ts, lifetime; « la session ProConnect a une
 * durée de 12 heures », src/pages/docs/fournisseur-service/implementation_technique.md);
 * the code 60 s and the access token one hour, as that page says (oidc-provider's defaults,
 * which back/libs/oidc-provider/src/services/oidc-provider-config.service.ts keeps).
 */
export const LIFETIMES = {
  AccessToken: 3600,
  AuthorizationCode: 60,
  IdToken: 3600,
  Interaction: 3600,
  Grant: 12 * 3600,
  Session: 12 * 3600,
  // The refresh token lives as long as the session (ttl.RefreshToken in oidc-provider-config.service.ts).
  RefreshToken: 12 * 3600,
};

/** The levels ProConnect knows (supportedAcrValues in back/apps/core-fca-low/src/config/oidc-provider.ts). */
export const SUPPORTED_ACR = [
  'eidas0',
  'eidas0-mfa',
  'eidas1',
  'eidas1-mfa',
  'eidas2',
  'eidas3',
  'https://proconnect.gouv.fr/assurance/certification-dirigeant',
];

/** Levels after which an existing session is never reused (acrValuesThatRequireNewSession, same file). */
export const NEW_SESSION_ACR = ['eidas2', 'eidas3'];

/**
 * Each scope and the claims it releases: the `claims` map of
 * back/libs/oidc-provider/src/services/oidc-provider-config.service.ts (La Suite's own scopes aside).
 * The partner documentation lists the same (src/pages/docs/fournisseur-service/scope-claims.md,
 * donnees_fournies.md).
 */
export const SCOPES = {
  openid: ['sub'],
  amr: ['amr'],
  uid: ['uid'],
  given_name: ['given_name'],
  email: ['email'],
  phone: ['phone_number'],
  organizational_unit: ['organizational_unit'],
  siren: ['siren'],
  siret: ['siret'],
  usual_name: ['usual_name'],
  belonging_population: ['belonging_population'],
  chorusdt: ['chorusdt:matricule', 'chorusdt:societe'],
  idp_id: ['idp_id'],
  idp_acr: ['idp_acr'],
  roles: ['roles'],
  organization_label: ['organization_label'],
  groups: ['groups'],
  custom: ['custom'],
};

/**
 * prompt: without one, ProConnect forces `login` (forcedPrompt, config/oidc-provider.ts, applied by
 * handleSilentAuthenticationMiddleware in back/apps/core-fca-low/src/services/core-fca-middleware.service.ts);
 * `none` alone is a silent login, turned into `login` when a session is open.
 */
export const FORCED_PROMPT = 'login';

const URL_REGEX = /^https?:\/\/[^/].+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const isString = (v) => typeof v === 'string';
const optional = (check) => (v) => v === undefined || check(v);
// eslint-disable-next-line no-control-regex
const isAscii = (v) => /^[\x00-\x7F]*$/.test(v);

/**
 * The parameters /authorize checks, as back/apps/core-fca-low/src/dto/authorize-params.dto.ts
 * declares them. The ValidationPipe of back/apps/core-fca-low/src/controllers/oidc-provider.controller.ts
 * has `whitelist: true` and no `forbidNonWhitelisted`: a parameter not listed is not refused
 * (the partner page says « tout paramètre supplémentaire génèrera une erreur Y000400 »; the code wins here).
 * `nonce` is optional, ASCII, 1 to 512 characters; `state` any string: the « minimum 32
 * caractères » of implementation_technique.md is not checked by ProConnect itself.
 */
const AUTHORIZE_PARAMS = {
  client_id: isString,
  acr_values: optional(isString),
  claims: optional(isString),
  response_type: isString,
  response_mode: optional(isString),
  nonce: optional((v) => isString(v) && isAscii(v) && v.length >= 1 && v.length <= 512),
  login_hint: optional((v) => isString(v) && EMAIL.test(v)),
  siret_hint: optional((v) => isString(v) && v.length === 14),
  state: isString,
  redirect_uri: (v) => isString(v) && URL_REGEX.test(v),
  scope: isString,
  prompt: optional(isString),
  idp_hint: optional(isString),
  code_challenge: optional(isString),
  code_challenge_method: optional(isString),
};

/**
 * /session/end: every parameter optional (back/apps/core-fca-low/src/dto/logout-params.dto.ts),
 * whitelist only. The partner page asks for `state` and `post_logout_redirect_uri` and
 * recommends `id_token_hint` (implementation_technique.md, 2.4.1.2); oidc-provider itself
 * only redirects to a post_logout_redirect_uri with an id_token_hint or a client_id.
 */
const END_SESSION_PARAMS = {
  id_token_hint: optional(isString),
  post_logout_redirect_uri: optional((v) => isString(v) && URL_REGEX.test(v)),
  state: optional(isString),
  client_id: optional(isString),
  logout_hint: optional(isString),
  ui_locales: optional(isString),
};

/** The names of the parameters that break the rules; a parameter given twice is an array, which none accepts. */
function violations(searchParams, rules) {
  const values = {};
  for (const [name, value] of searchParams) values[name] = name in values ? [].concat(values[name], value) : value;
  return Object.entries(rules)
    .filter(([name, check]) => !check(values[name]))
    .map(([name]) => name);
}

/** @param {URLSearchParams} params */
export const authorizeViolations = (params) => violations(params, AUTHORIZE_PARAMS);
/** @param {URLSearchParams} params */
export const endSessionViolations = (params) => violations(params, END_SESSION_PARAMS);

/**
 * The levels a service requires through `claims` ({"id_token":{"acr":{"essential":true,
 * "value"|"values"}}}), kept to those ProConnect supports; [] when none is required.
 * Required levels come only from `claims` (niveaux-acr.md); `acr_values` is a legacy
 * parameter ProConnect logs (oidc-acr:acr_values_params_present) and never enforces
 * (back/libs/oidc-acr/src/oidc-acr.service.ts, getFilteredAcrParamsFromInteraction).
 */
export function essentialAcr(claimsParameter) {
  let acr;
  try {
    acr = JSON.parse(claimsParameter ?? '{}')?.id_token?.acr;
  } catch {
    return [];
  }
  if (!acr?.essential) return [];
  const asked = acr.value !== undefined ? String(acr.value).split(' ') : Array.isArray(acr.values) ? acr.values.map(String) : [];
  return asked.filter((value) => SUPPORTED_ACR.includes(value));
}

/**
 * The level the ID token carries: the identity provider's (eidas1 when ProConnect does not know
 * it), when no level is required or it is one of those required; otherwise undefined, and the
 * service gets access_denied « requested ACRs could not be satisfied ». The e-mail check that turns
 * eidas1 into eidas1-mfa has no stand-in here. back/libs/oidc-acr/src/oidc-acr.service.ts (getInteractionAcr)
 * and back/apps/core-fca-low/src/controllers/interaction.controller.ts (getVerify).
 */
export function interactionAcr(idpAcr, required) {
  const supported = SUPPORTED_ACR.includes(idpAcr) ? idpAcr : 'eidas1';
  if (required.length === 0 || required.includes(supported)) return supported;
  return undefined;
}

/** The errors sent back to the service (oidc-provider's abortInteraction), by their cause. */
export const ABORTS = {
  // interaction.controller.ts (getInteraction)
  idpHint: { error: 'idp_hint_not_found', error_description: 'provided idp_hint could not be found' },
  // interaction.controller.ts (getVerify)
  acr: { error: 'access_denied', error_description: 'requested ACRs could not be satisfied' },
  // interaction.controller.ts (getError), what an identity provider's « retour » gives
  aborted: { error: 'access_denied', error_description: 'User auth aborted' },
};

/**
 * The error page's texts (back/apps/core-fca-low/src/views/error.ejs: a title, a description,
 * « Accès impossible - ProConnect » when none). Y000400 is the code a refused parameter
 * gets (« Y000400 : Bad Request Exception », implementation_technique.md).
 */
export const ERRORS = {
  badRequest: { code: 'Y000400', status: 400, title: 'Accès impossible', message: 'Bad Request Exception' },
  csrf: { code: 'Y470001', status: 401, title: 'Accès impossible', message: 'Votre session a expiré ou est invalide, reconnectez-vous.' },
  provider: { code: undefined, status: 400, title: 'Accès impossible', message: 'Une erreur technique est survenue.' },
};
