// What FranceConnect v2 (core-fcp-low) decides on its own, before or around
// oidc-provider: the checks of /authorize and /session/end, the eIDAS level kept,
// the scopes and claims, the pairwise `sub`, the lifetimes and the error codes.
// Every rule names the file of france-connect/sources it follows.
import { createHash } from 'node:crypto';

/**
 * Lifetimes in seconds.
 * back/instances/core-fcp-low/src/config/oidc-provider.ts (ttl) and
 * back/instances/core-fcp-low/src/config/session.ts (lifetime: 1800, sliding).
 */
export const LIFETIMES = {
  AccessToken: 60,
  AuthorizationCode: 30,
  Grant: 30,
  IdToken: 60,
  Interaction: 1800,
  Session: 1800,
};

/**
 * FranceConnect (fcp-low) offers eidas1 only; eidas2 and eidas3 are FranceConnect+'s.
 * back/instances/core-fcp-low/src/config/oidc-provider.ts (acrValues) and oidc-acr.ts
 * (knownAcrValues, weakest first; defaultAcrValue).
 */
export const ALLOWED_ACR = ['eidas1'];
const KNOWN_ACR = ['eidas1', 'eidas2', 'eidas3'];
const DEFAULT_ACR = 'eidas1';

/**
 * FranceConnect+ (core-fcp-high), as far as this stand-in goes: eidas2 and eidas3
 * (back/instances/core-fcp-high/src/config/oidc-provider.ts, acrValues), eidas3 by
 * default (oidc-acr.ts, defaultAcrValue), a 10-minute session (session.ts, lifetime).
 */
export const PLUS = { allowedAcr: ['eidas2', 'eidas3'], defaultAcr: 'eidas3', session: 600 };

/** back/libs/oidc-provider/src/enums/oidc-provider-prompt.enum.ts, config allowedPrompt / forcedPrompt. */
const ALLOWED_PROMPT = ['login', 'consent'];
export const FORCED_PROMPT = 'login consent';

/**
 * fcp-low's scopes, each with the claims it releases.
 * back/libs/scopes/src/data/fcp-low/fcp-low.scopes.ts
 */
export const SCOPES = {
  profile: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  birth: ['birthplace', 'birthcountry'],
  identite_pivot: ['given_name', 'given_name_array', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  openid: ['sub'],
  gender: ['gender'],
  birthdate: ['birthdate'],
  birthcountry: ['birthcountry'],
  birthplace: ['birthplace'],
  given_name: ['given_name', 'given_name_array'],
  family_name: ['family_name'],
  email: ['email'],
  preferred_username: ['preferred_username'],
  idp_birthdate: ['idp_birthdate'],
  amr: ['amr'],
  idp_id: ['idp_id'],
};

/**
 * The `amr` of an identity provider of fcp-low's kind (password), as the behaviour
 * tests expect it: quality/fcp/cypress/integration/usager/connexion-claims.feature.
 */
export const AMR = ['fc', 'pwd'];

/**
 * The parameters /authorize accepts, and how each is checked: anything else is
 * refused (forbidNonWhitelisted). back/apps/core-fcp/src/dto/authorize-params.dto.ts,
 * checked first in back/apps/core-fcp/src/controllers/oidc-provider.controller.ts.
 */
const AUTHORIZE_PARAMS = {
  client_id: (v) => isString(v) && v.length >= 1,
  acr_values: (v) => isString(v), // @Split(/[ ]+/) then IsString each: any string
  claims: optional(isString),
  response_type: isString,
  nonce: (v) => isString(v) && v.length >= 22, // @MinLength(22)
  state: isString, // any length: the 22-character rule is the qualifier's, not v2's
  redirect_uri: isUrl,
  scope: isString,
  // IsValidPrompt: at least one of login/consent (back/libs/oidc-provider/src/validators/prompt.validator.ts,
  // back/libs/common/src/validators/array-at-least-one-string.validator.ts).
  prompt: optional((v) => isString(v) && split(v).some((value) => ALLOWED_PROMPT.includes(value))),
  idp_hint: optional(isString),
  ui_locales: optional(isString),
};

/**
 * The parameters /session/end accepts: id_token_hint is required, nothing else is allowed.
 * back/libs/oidc-provider/src/dto/logout-params.dto.ts, checked in
 * back/libs/oidc-provider/src/oidc-provider.controller.ts (forbidNonWhitelisted).
 */
const END_SESSION_PARAMS = {
  id_token_hint: (v) => isString(v) && v.length > 0,
  post_logout_redirect_uri: optional(isUrl),
  state: optional(isString),
  client_id: optional(isString),
  logout_hint: optional(isString),
  ui_locales: optional(isString),
};

function isString(value) {
  return typeof value === 'string';
}

function optional(check) {
  return (value) => value === undefined || check(value);
}

function split(value) {
  return value.split(/[ ]+/).filter(Boolean);
}

/** IsUrlRequiredTldFromConfig: an absolute http(s) URL (no TLD required, as on a local stack). */
function isUrl(value) {
  if (!isString(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The names of the parameters that break the rules, in the order met; empty when valid.
 * A parameter given twice is an array, which no rule accepts.
 */
function violations(searchParams, rules) {
  const values = {};
  for (const [name, value] of searchParams) {
    values[name] = name in values ? [].concat(values[name], value) : value;
  }
  const wrong = Object.keys(values).filter((name) => !Object.hasOwn(rules, name));
  for (const [name, check] of Object.entries(rules)) {
    if (!check(values[name])) wrong.push(name);
  }
  return wrong;
}

/**
 * What the qualification grades among v2's refusals of /authorize: acr_values (rule 19)
 * and nonce (rule 20). A rehearsal lets them through, recorded, to grade the rest too.
 */
export const QUALIFIER_GRADED = ['acr_values', 'nonce'];

/** @param {URLSearchParams} params */
export const authorizeViolations = (params) => violations(params, AUTHORIZE_PARAMS);
/** @param {URLSearchParams} params */
export const endSessionViolations = (params) => violations(params, END_SESSION_PARAMS);

/**
 * The eIDAS level kept from acr_values: the weakest known one asked for, or eidas1
 * when none is known. back/libs/core/src/transforms/acr.transform.ts (pickAcr),
 * applied before oidc-provider in back/libs/core/src/services/core-oidc-provider-middleware.service.ts.
 */
export function pickAcr(acrValues = '', defaultAcr = DEFAULT_ACR) {
  const asked = split(acrValues);
  return KNOWN_ACR.find((acr) => asked.includes(acr)) ?? defaultAcr;
}

/**
 * The identity hash of the pivot identity (sha256, base64 of the "binary" serial;
 * the birthplace only for people born in France).
 * back/libs/cryptography-fcp/src/cryptography-fcp.service.ts (computeIdentityHash)
 */
export function identityHash(identity) {
  const birthplace = identity.birthcountry === '99100' ? identity.birthplace : '';
  const serial = `${identity.given_name}${identity.family_name}${identity.birthdate}${identity.gender}${birthplace}${identity.birthcountry}`;
  return createHash('sha256').update(serial, 'binary').digest('base64');
}

/**
 * The `sub` a service receives: 64 hexadecimal characters and `v1`, computed from the
 * service's entityId, so two services see two different subs for one person.
 * back/libs/cryptography-fcp/src/cryptography-fcp.service.ts (computeSubV1), called in
 * back/apps/core-fcp/src/handlers/verify/core-fcp-default-verify.handler.ts.
 */
export function subV1(entityId, hash, secret) {
  return `${createHash('sha256').update(`${entityId}${hash}${secret}`).digest('hex')}v1`;
}

/** The first names as a list: what v2 sends as given_name_array (from the RNIPP). */
export function givenNameArray(givenName = '') {
  return split(givenName);
}

/**
 * The error pages v2 shows, by the exception that raises them: code (prefix Y, scope on
 * two digits, code on four: getCode in back/libs/exceptions), HTTP status,
 * message (fr-FR i18n files), and what « Revenir sur … » sends back (the class's ERROR and
 * ERROR_DESCRIPTION: back/apps/core-fcp/src/views/includes/back-button.ejs).
 */
const RECONNECT = 'Une erreur technique est survenue, fermez l’onglet de votre navigateur et reconnectez-vous.';
const SP_COMMUNICATION = 'Une erreur de communication avec le fournisseur de service est survenue. Veuillez réessayer ultérieurement.';
const CSRF = 'Votre session a expiré ou est invalide, fermez l’onglet de votre navigateur et reconnectez-vous.';
const TECHNICAL = 'authentication aborted due to a technical error on the authorization server';
export const ERRORS = {
  // back/libs/oidc-provider/src/exceptions/oidc-provider-authorize-params.exception.ts
  authorizeParams: { code: 'Y030007', status: 400, message: RECONNECT, error: 'invalid_request', description: 'invalid parameter' },
  // NestJS ValidationPipe on /session/end: back/libs/exceptions/src/filters/http-exception.filter.ts
  badRequest: { code: 'Y000400', status: 400, message: 'Une erreur s’est produite, veuillez réessayer ultérieurement', error: 'invalid_request', description: 'invalid parameter' },
  // back/libs/oidc-provider/src/exceptions/runtime/oidc-provider-runtime-InvalidClient-EA6EF.exception.ts
  invalidClient: { code: 'Y04EA6EF', status: 400, message: SP_COMMUNICATION },
  // back/libs/oidc-provider/src/exceptions/runtime/oidc-provider-runtime-InvalidRedirectUri-C013C.exception.ts
  invalidRedirectUri: { code: 'Y04C013C', status: 400, message: SP_COMMUNICATION },
  // back/libs/csrf/src/exceptions/csrf-bad-token.exception.ts and csrf-missing-token.exception.ts
  csrfBad: { code: 'Y470001', status: 401, message: CSRF, error: 'server_error', description: TECHNICAL },
  csrfMissing: { code: 'Y470002', status: 400, message: CSRF, error: 'server_error', description: TECHNICAL },
  // redirect-to-sp-with-error without a registered redirect_uri:
  // quality/fcp/cypress/integration/api/api-redirect-to-sp.feature (Y030030, 500)
  redirectUri: { code: 'Y030030', status: 500, message: RECONNECT },
  // Any other oidc-provider error (v2 gives each its own generated Y04xxxxx code).
  provider: { code: undefined, status: 400, message: RECONNECT, error: 'server_error', description: TECHNICAL },
};

/** What « Revenir sur … » of the identity choice sends: back/apps/core-fcp/src/views/includes/back-button.ejs */
export const USER_ABORTED = { error: 'access_denied', description: 'User auth aborted' };
