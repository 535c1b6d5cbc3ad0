// Everything this service says to FranceConnect, with openid-client (the
// certified OpenID Connect client). Each check names the rule of the
// qualification checklist it enforces.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomInt } from 'node:crypto';
import * as client from 'openid-client';
// Faults a test can switch on (SERVICE_FAULTS), one rule broken each: off by default.
import { faulty } from './faults.mjs';

/** Rule 17: the pivot identity, plus the two claims the user may change. */
export const SCOPES = 'openid given_name family_name birthdate gender birthplace birthcountry email preferred_username';

/**
 * Rule 19: the eIDAS level sent in acr_values, and the levels accepted back: eidas1 or
 * stronger with FranceConnect; with FranceConnect+, which offers eidas2 and eidas3 only
 * (france-connect/sources, back/instances/core-fcp-high/src/config/oidc-acr.ts), eidas2
 * or stronger.
 */
export const ACR_VALUES = 'eidas1';
export const ACR_VALUES_PLUS = 'eidas2';
const ACCEPTED_ACR = new Set(['eidas1', 'eidas2', 'eidas3']);
const ACCEPTED_ACR_PLUS = new Set(['eidas2', 'eidas3']);

/** The algorithms FranceConnect's partner space lets a service choose for its ID token and userinfo. */
export const SIGNING_ALGS = ['ES256', 'RS256'];

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * Rule 20: state and nonce are random, unique per attempt, and made of 32 characters
 * of [A-Za-z0-9] (FranceConnect asks for 22 at least). crypto.randomInt is uniform.
 */
export function randomToken(length = 32) {
  let token = '';
  for (let i = 0; i < length; i += 1) token += ALPHABET[randomInt(ALPHABET.length)];
  return token;
}

/** One line for the log: openid-client's error, and what it compared or what FranceConnect said. */
function describe(error) {
  const parts = [`${error.name}: ${error.message}`];
  if (error.error) parts.push(`${error.error} (${error.error_description ?? ''})`);
  const cause = error.cause;
  if (cause?.message) parts.push(cause.message);
  const compared = cause?.claim ?? cause?.parameter ?? cause?.attribute;
  if (compared) parts.push(`"${compared}" differs`);
  return parts.join(' – ');
}

/** Why a callback was refused; the message the user sees is the caller's. */
export class CallbackError extends Error {
  constructor(reason, idToken, error) {
    super(reason);
    this.name = 'CallbackError';
    /** The raw ID token, if FranceConnect sent one: the id_token_hint that ends its session. */
    this.idToken = idToken;
    /**
     * FranceConnect's own error code when it sent one back (checked state and iss first):
     * `access_denied` is « Revenir sur … », the person chose to come back
     * (back/apps/core-fcp/src/views/includes/back-button.ejs in france-connect/sources).
     */
    this.error = error;
  }
}

/**
 * The provider's configuration, discovered once on first use (a failure is retried at the
 * next attempt), for FranceConnect and for ProConnect (proconnect.mjs) alike: the ID token and
 * userinfo signed with the service's registered algorithm and checked against the provider's
 * published keys, and the raw ID token of the callback being handled kept in
 * `tokenResponses`' store, even when its checks fail, so that it can still end the session.
 * @returns {() => Promise<client.Configuration>}
 */
export function discoveredOnce({ issuer, clientId, clientSecret, signingAlg, tokenResponses }) {
  let configuration;
  return async function config() {
    configuration ??= client
      .discovery(
        new URL(issuer),
        clientId,
        // The provider signs the ID token and userinfo with the service's chosen
        // algorithm; a token signed any other way is refused.
        { id_token_signed_response_alg: signingAlg, userinfo_signed_response_alg: signingAlg },
        client.ClientSecretPost(clientSecret),
        {
          // Rule 18 is TLS: only a provider on this machine's loopback may be plain http.
          execute: new URL(issuer).hostname === '127.0.0.1' ? [client.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
      .then((discovered) => {
        // Verify the signatures of the ID token and of the userinfo JWT against
        // the provider's published keys, not only the TLS channel.
        client.enableNonRepudiationChecks(discovered);
        discovered[client.customFetch] = async (url, init) => {
          const response = await fetch(url, init);
          const slot = tokenResponses.getStore();
          if (slot && url === discovered.serverMetadata().token_endpoint) {
            slot.idToken = (await response.clone().json().catch(() => ({}))).id_token;
          }
          return response;
        };
        return discovered;
      })
      .catch((error) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
}

/**
 * The service's side of FranceConnect.
 * @param {object} options
 * @param {string} options.issuer e.g. https://fcp-low.sbx.dev-franceconnect.fr/api/v2
 * @param {string} options.clientId rule 21: the client_id registered in FranceConnect's partner space
 * @param {string} options.clientSecret
 * @param {string} options.redirectUri this service's /auth/franceconnect/callback
 * @param {string} options.postLogoutRedirectUri this service's /auth/franceconnect/logout/callback
 * @param {string} [options.signingAlg] ES256 or RS256, as chosen in the partner space
 * @param {boolean} [options.plus] FranceConnect+: eidas2 asked, eidas2 or eidas3 accepted
 */
export function franceConnect({ issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri, signingAlg = 'ES256', plus = false }) {
  if (!SIGNING_ALGS.includes(signingAlg)) {
    throw new Error(`signing algorithm "${signingAlg}" is not one FranceConnect offers (${SIGNING_ALGS.join(' or ')})`);
  }
  // The raw token response of the callback being handled, even when its checks fail,
  // so that a refused ID token can still be given back to session/end (rule 20).
  const tokenResponses = new AsyncLocalStorage();
  const config = discoveredOnce({ issuer, clientId, clientSecret, signingAlg, tokenResponses });

  return {
    /**
     * The authorize URL for a new attempt, and the state and nonce to keep server-side.
     */
    async authorizationUrl() {
      const state = faulty('state', randomToken());
      const nonce = faulty('nonce', randomToken());
      const url = client.buildAuthorizationUrl(await config(), faulty('authorize', {
        redirect_uri: redirectUri,
        scope: SCOPES,
        acr_values: plus ? ACR_VALUES_PLUS : ACR_VALUES, // rule 19, on every authorize
        state,
        nonce,
      }));
      return { url, state, nonce };
    },

    /**
     * Checks FranceConnect's answer at the callback and returns the identity.
     * Throws CallbackError on anything wrong: an error from FranceConnect, a
     * missing or different state (checked before the code is used), a code that
     * does not redeem, a wrong nonce, issuer, audience, signature or acr, a
     * userinfo for someone else, a network failure.
     */
    async callback(currentUrl, expected) {
      const slot = {};
      return tokenResponses.run(slot, async () => {
        try {
          if (!expected?.state || !expected?.nonce) throw new CallbackError('no login attempt in this session');
          const configured = await config();
          const checks = {
            expectedState: faulty('check-state', true) ? expected.state : client.skipStateCheck, // rule 20: a tampered state stops here, the code unused
            expectedNonce: expected.nonce, // rule 20: a tampered nonce stops here
            idTokenExpected: true,
          };
          // The fault check-nonce: expect whatever nonce the ID token carries (openid-client reads it once the token has come).
          if (!faulty('check-nonce', true)) Object.defineProperty(checks, 'expectedNonce', { get: () => JSON.parse(Buffer.from(slot.idToken.split('.')[1], 'base64url')).nonce });
          const tokens = await client.authorizationCodeGrant(configured, currentUrl, checks);
          const claims = tokens.claims();
          // Rule 19: the level reached must be the one asked for, or stronger.
          if (!(plus ? ACCEPTED_ACR_PLUS : ACCEPTED_ACR).has(claims.acr)) throw new CallbackError(`unexpected acr ${claims.acr}`, tokens.id_token);
          // A signed JWT, checked against the ID token's subject.
          const identity = await client.fetchUserInfo(configured, tokens.access_token, claims.sub);
          return { idToken: tokens.id_token, identity };
        } catch (error) {
          if (error instanceof CallbackError) throw error;
          // An error FranceConnect sent back (state and iss already checked by openid-client).
          const sent = error instanceof client.AuthorizationResponseError ? error.error : undefined;
          throw new CallbackError(describe(error), slot.idToken, sent);
        }
      });
    },

    /**
     * The URL that ends the FranceConnect session (rules 9, 12 and 20): session/end
     * with the ID token as id_token_hint, a state, and where to come back. FranceConnect
     * v2 refuses session/end without id_token_hint (back/libs/oidc-provider/src/dto/logout-params.dto.ts),
     * so without an ID token there is no FranceConnect session of this service to end.
     */
    async logoutUrl({ idToken, state, hint = true }) {
      if (!idToken) throw new Error('session/end needs the ID token as id_token_hint');
      const idTokenHint = hint ? { id_token_hint: idToken } : {}; // `hint: false` for the fault logout-id-token-hint only
      return client.buildEndSessionUrl(await config(), { ...idTokenHint, state, post_logout_redirect_uri: postLogoutRedirectUri });
    },
  };
}
