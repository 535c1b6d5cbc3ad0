// The agents' space's side of ProConnect, with openid-client, as ProConnect's partner
// documentation describes it (proconnect-gouv/proconnect-espace-partenaires,
// src/pages/docs/fournisseur-service/implementation_technique.md): discovery, a state and a
// nonce of at least 32 characters, the level required through `claims` and checked in the
// ID token, a signed userinfo, and logout through session/end.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as client from 'openid-client';
import { faulty } from './faults.mjs';
import { CallbackError, discoveredOnce, randomToken } from './franceconnect.mjs';

/** What the agents' space shows and keeps: the names, the e-mail, the organisation (scope-claims.md). */
export const PRO_SCOPES = 'openid given_name usual_name email uid siret organization_label idp_id';

/**
 * The levels accepted: eidas1 or stronger (niveaux-eidas.md). Required through the `claims`
 * parameter, the only way ProConnect enforces a level (niveaux-acr.md); `acr_values` is
 * a legacy parameter it does not enforce.
 */
export const PRO_ACR = ['eidas1', 'eidas2', 'eidas3'];

/**
 * ProConnect's registration lets a service choose RS256, ES256 or HS256 (implementation_technique.md
 * 2.3.4). This service checks signatures against ProConnect's published keys
 * (enableNonRepudiationChecks), which a symmetric HS256 signature has none of: it offers the two
 * it verifies.
 */
const PRO_SIGNING_ALGS = ['ES256', 'RS256'];

/** « string (minimum 32 caractères) » for state and nonce (implementation_technique.md 2.2.1.2). */
const TOKEN_LENGTH = 32;

/**
 * @param {object} options
 * @param {string} options.issuer e.g. https://fca.integ01.dev-agentconnect.fr/api/v2
 * @param {string} options.clientId
 * @param {string} options.clientSecret
 * @param {string} options.redirectUri this service's /agents/auth/callback
 * @param {string} options.postLogoutRedirectUri this service's /agents/auth/logout/callback
 * @param {string} [options.signingAlg] ES256 (default) or RS256
 */
export function proConnect({ issuer, clientId, clientSecret, redirectUri, postLogoutRedirectUri, signingAlg = 'ES256' }) {
  if (!PRO_SIGNING_ALGS.includes(signingAlg)) {
    throw new Error(`signing algorithm "${signingAlg}" is not one ProConnect offers (${PRO_SIGNING_ALGS.join(', ')})`);
  }
  const tokenResponses = new AsyncLocalStorage();
  const config = discoveredOnce({ issuer, clientId, clientSecret, signingAlg, tokenResponses });

  return {
    /** The authorize URL of a new attempt, and the state and nonce to keep server-side. */
    async authorizationUrl() {
      const state = faulty('pc-state', randomToken(TOKEN_LENGTH));
      const nonce = randomToken(TOKEN_LENGTH);
      const parameters = faulty('pc-authorize', {
        redirect_uri: redirectUri,
        scope: PRO_SCOPES,
        claims: JSON.stringify({ id_token: { acr: { essential: true, values: PRO_ACR } } }),
        state,
        nonce,
      });
      return { url: client.buildAuthorizationUrl(await config(), parameters), state, nonce };
    },

    /**
     * ProConnect's answer at the callback: state first, then the code, the ID token (signature,
     * nonce, issuer, audience) and its `acr` among those required, then the signed userinfo for
     * the same `sub`. Throws CallbackError on anything wrong.
     */
    async callback(currentUrl, expected) {
      const slot = {};
      return tokenResponses.run(slot, async () => {
        try {
          if (!expected?.state || !expected?.nonce) throw new CallbackError('no login attempt in this session');
          const configured = await config();
          const tokens = await client.authorizationCodeGrant(configured, currentUrl, { expectedState: expected.state, expectedNonce: expected.nonce, idTokenExpected: true });
          const claims = tokens.claims();
          // The level reached, from the signed ID token: one of those required.
          if (faulty('pc-check-acr', true) && !PRO_ACR.includes(claims.acr)) throw new CallbackError(`unexpected acr ${claims.acr}`, tokens.id_token);
          const identity = await client.fetchUserInfo(configured, tokens.access_token, claims.sub);
          return { idToken: tokens.id_token, identity, acr: claims.acr };
        } catch (error) {
          if (error instanceof CallbackError) throw error;
          const sent = error instanceof client.AuthorizationResponseError ? error.error : undefined;
          throw new CallbackError(`${error.name}: ${error.message}${error.error ? ` – ${error.error} (${error.error_description ?? ''})` : ''}`, slot.idToken, sent);
        }
      });
    },

    /** session/end with the ID token, a state and where to come back (implementation_technique.md 2.4.1). */
    async logoutUrl({ idToken, state }) {
      if (!idToken) throw new Error('session/end needs the ID token as id_token_hint');
      return client.buildEndSessionUrl(await config(), { id_token_hint: idToken, state, post_logout_redirect_uri: postLogoutRedirectUri });
    },
  };
}
