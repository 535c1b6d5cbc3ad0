// A local stand-in for ProConnect (the federation, core-fca-low), for developing and
// rehearsing an agents' service on one machine. It is oidc-provider configured as
// back/libs/oidc-provider/src/services/oidc-provider-config.service.ts and
// back/apps/core-fca-low/src/config/oidc-provider.ts of proconnect-gouv/federation
// configure it, behind the checks ProConnect makes before oidc-provider sees a request
// (proconnect.mjs). The identity providers are missing: fictional agents of one local
// identity provider stand in for them (identities.json).
//
// franceconnect-rehearse --provider proconnect starts it with `rehearsal: true`: it then
// keeps a record of the authorize, token and session/end requests, and can change the
// required level of the next authorize on its way in and log the agent in at a lower one,
// as a tester editing the URL would, to see whether the service checks `acr` itself.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';
import {
  closer,
  interactionDetails,
  listen,
  MOUNT,
  mounted,
  providerCookies,
  readBody,
  redirect,
  sameToken,
  send,
  sessionStore,
  signingKeys,
  withoutProviderCookies,
} from '../lib/local-provider.mjs';
import { ClientConfigurationError, normalizeClient } from '../local-franceconnect/clients.mjs';
import { errorPage, loggedOutPage, loginPage, logoutPage } from './pages.mjs';
import {
  ABORTS,
  authorizeViolations,
  endSessionViolations,
  ERRORS,
  essentialAcr,
  FORCED_PROMPT,
  interactionAcr,
  LIFETIMES,
  NEW_SESSION_ACR,
  SCOPES,
  SUPPORTED_ACR,
} from './proconnect.mjs';

export { ClientConfigurationError } from '../local-franceconnect/clients.mjs';

/** The agents this ProConnect knows, kept next to it. */
export const demoAgents = JSON.parse(readFileSync(new URL('./identities.json', import.meta.url), 'utf8')).identities;

/**
 * The algorithms a service may register for its ID token and userinfo: « RS256, ES256 ou
 * HS256 » (src/pages/docs/fournisseur-service/implementation_technique.md, 2.3.4).
 */
export const PROCONNECT_SIGNING_ALGS = ['ES256', 'RS256', 'HS256'];

/** ProConnect's own session cookie (back/apps/core-fca-low/src/config/session.ts, cookie name there: pc_session_id). */
const SESSION_COOKIE = 'pc_session_id';
/** The one identity provider here; its uid is what idp_id carries and idp_hint names. */
export const LOCAL_IDP_ID = 'local-proconnect-idp';
/** The `amr` of a password login at an identity provider (niveaux-acr.md: `pwd`). */
const AMR = ['pwd'];
/** The level a tampered login is finished at: below every level a service can require through claims. */
const TAMPERED_ACR = 'eidas0';

function configuration({ clients, identities, pages }) {
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  return {
    clients,
    jwks: { keys: signingKeys() },
    cookies: providerCookies(),
    acrValues: SUPPORTED_ACR,
    scopes: ['openid'],
    claims: SCOPES,
    subjectTypes: ['public'],
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      id_token_signed_response_alg: 'ES256',
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      application_type: 'web',
    },
    clientAuthMethods: ['client_secret_post', 'private_key_jwt'],
    responseTypes: ['code'],
    enabledJWA: {
      authorizationSigningAlgValues: ['ES256', 'RS256', 'HS256'],
      clientAuthSigningAlgValues: ['ES256', 'RS256'],
      dPoPSigningAlgValues: ['ES256', 'RS256'],
      idTokenSigningAlgValues: ['ES256', 'RS256', 'HS256'],
      introspectionSigningAlgValues: ['ES256', 'RS256', 'HS256'],
      requestObjectSigningAlgValues: ['ES256', 'RS256', 'HS256'],
      userinfoSigningAlgValues: ['ES256', 'RS256', 'HS256'],
    },
    // idp_hint and siret_hint reach the interaction (login_hint is OpenID Connect's own).
    extraParams: ['idp_hint', 'siret_hint'],
    ttl: { ...LIFETIMES },
    issueRefreshToken: () => true,
    pkce: { methods: ['S256'], required: () => false },
    routes: {
      authorization: '/authorize',
      code_verification: '/device',
      device_authorization: '/device/auth',
      end_session: '/session/end',
      introspection: '/token/introspection',
      jwks: '/jwks',
      pushed_authorization_request: '/request',
      registration: '/reg',
      revocation: '/token/revocation',
      token: '/token',
      userinfo: '/userinfo',
    },
    interactions: { url: (ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      const identity = bySub.get(sub);
      if (!identity) return undefined;
      return {
        accountId: sub,
        // What ProConnect sends a service (spIdentity): the identity provider's claims and its own.
        claims: async () => ({ custom: {}, ...identity, idp_id: LOCAL_IDP_ID, amr: AMR }),
      };
    },
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: false },
      introspection: { enabled: true },
      jwtUserinfo: { enabled: true },
      backchannelLogout: { enabled: false },
      revocation: { enabled: true },
      claimsParameter: { enabled: true },
      resourceIndicators: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: pages.logoutSource,
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: pages.renderError,
  };
}

/**
 * Starts the local ProConnect on loopback.
 * @param {object} options
 * @param {number} [options.port] 0 for any free port
 * @param {string} [options.host]
 * @param {Array<object>} options.clients the registered services: client_id, client_secret,
 *   signing_alg (ES256, RS256 or HS256), redirect_uris, post_logout_redirect_uris, name
 * @param {Array<object>} [options.identities] the agents offered, in ProConnect's claim format, each with a unique `sub` and an `idp_acr`
 * @param {boolean} [options.rehearsal] for franceconnect-rehearse: `tamperNext('acr')` is available
 * @returns {Promise<{ issuer: string, url: string, clients: object[], received: object[],
 *   tamperNext: (what: 'acr') => void, close: () => Promise<void> }>}
 */
export async function startLocalProConnect({ port = 3002, host = '127.0.0.1', clients, identities = demoAgents, rehearsal = false }) {
  if (!Array.isArray(clients) || clients.length === 0) throw new ClientConfigurationError('register at least one client');
  const registered = clients.map((client) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { entity_id: _entity, ...normalized } = normalizeClient({ grant_types: ['authorization_code', 'refresh_token'], ...client }, { signingAlgs: PROCONNECT_SIGNING_ALGS });
    // ProConnect's subjects are public (subjectTypes): one sub per agent, whatever the service.
    return { ...normalized, subject_type: 'public' };
  });
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  const { server, origin } = await listen(port, host);
  const issuer = `${origin}${MOUNT}`;
  const sessions = sessionStore({ cookie: SESSION_COOKIE, lifetime: LIFETIMES.Session });

  const clientName = (clientId) => registered.find((client) => client.client_id === clientId)?.client_name ?? clientId;
  function showError(res, kind, detail) {
    const { code, status, title, message } = ERRORS[kind];
    send(res, status, errorPage({ code, title, message, detail }));
  }

  const pages = {
    async renderError(ctx, out) {
      const { status, title, message } = ERRORS.provider;
      ctx.status = ctx.status >= 400 ? ctx.status : status;
      ctx.type = 'html';
      ctx.body = errorPage({ title, message, detail: `${out.error}: ${out.error_description ?? ''}` });
    },
    async logoutSource(ctx, form) {
      ctx.body = logoutPage(form);
    },
  };

  const received = [];
  let tamper;
  /** The states of the authorize calls whose required level was taken out (rehearsal). */
  const tampered = new Set();

  const provider = new Provider(issuer, configuration({ clients: registered, identities, pages }));
  const toProvider = mounted(provider);
  const details = (req, res) => interactionDetails(provider, req, res);

  /**
   * /authorize, GET or POST: the parameters checked (Y000400 page, nothing sent back to the
   * service), oidc-provider's cookies dropped, `prompt` forced to login unless the service
   * asks for a silent login (back/apps/core-fca-low/src/services/core-fca-middleware.service.ts).
   */
  async function authorize(req, res, url) {
    const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const violations = authorizeViolations(params);
    const record = { endpoint: 'authorize', method: req.method, at: Date.now(), params: [...params], violations, stopped: violations.length > 0 };
    received.push(record);
    if (record.stopped) return showError(res, 'badRequest', `invalid parameter: ${violations.join(', ')}`);
    if (tamper === 'acr') {
      tamper = undefined;
      const from = params.get('claims') ?? '';
      let claims = {};
      try {
        claims = JSON.parse(from || '{}');
      } catch {
        // not JSON: oidc-provider refuses it further on
      }
      // Still asked for, no longer required: the ID token says which level was reached.
      claims = { ...claims, id_token: { ...(claims?.id_token ?? {}), acr: null } };
      const to = JSON.stringify(claims);
      params.set('claims', to);
      params.delete('acr_values');
      record.tampered = { parameter: 'claims', from, to, acr: TAMPERED_ACR };
      tampered.add(params.get('state'));
    }
    const prompt = params.get('prompt');
    const silent = prompt !== null && prompt.split(' ').length === 1 && prompt === 'none';
    if (prompt === null || (silent && sessions.get(req, res)?.identity)) params.set('prompt', FORCED_PROMPT);
    withoutProviderCookies(req, res);
    req.method = 'GET';
    delete req.headers['content-type'];
    delete req.headers['content-length'];
    return toProvider(req, res, `${MOUNT}/authorize?${params}`);
  }

  /**
   * The interaction: back/apps/core-fca-low/src/controllers/interaction.controller.ts (getInteraction).
   * An unknown idp_hint goes back to the service; an open session is reused (straight back to the
   * service, no page) when its identity provider, its e-mail and its level fit the hints and the
   * required level; otherwise the login page.
   */
  async function interaction(req, res, uid) {
    const found = await details(req, res);
    if (!found || found.uid !== uid) return showError(res, 'provider', 'SessionNotFound: interaction expired');
    const { params } = found;
    if (params.idp_hint && params.idp_hint !== LOCAL_IDP_ID) return provider.interactionFinished(req, res, ABORTS.idpHint);
    const session = sessions.get(req, res, true);
    const required = essentialAcr(params.claims);
    const known = session.identity && bySub.get(session.identity);
    const acr = known && interactionAcr(session.idpAcr, required);
    const reuse =
      Boolean(known) &&
      (!params.login_hint || known.email === params.login_hint) &&
      (required.length === 0 || (acr !== undefined && !NEW_SESSION_ACR.includes(acr)));
    if (reuse) return redirect(res, `${MOUNT}/interaction/${uid}/verify`);
    delete session.identity;
    session.csrf = randomBytes(32).toString('hex');
    const hinted = params.login_hint ? identities.filter((identity) => identity.email === params.login_hint) : [];
    const error = new URLSearchParams(ABORTS.aborted);
    return send(
      res,
      200,
      loginPage({
        action: `${MOUNT}/interaction/${uid}/identity`,
        clientName: clientName(params.client_id),
        identities: [...hinted, ...identities.filter((identity) => !hinted.includes(identity))],
        csrfToken: session.csrf,
        loginHint: params.login_hint,
        siretHint: params.siret_hint,
        back: `${MOUNT}/interaction/${uid}/error?${error}`,
      }),
    );
  }

  /** The agent chosen: stands for the identity provider's answer (oidc-callback), then verify. */
  async function chooseIdentity(req, res, uid) {
    const session = sessions.get(req, res);
    const form = new URLSearchParams(await readBody(req));
    const found = await details(req, res);
    if (!found || found.uid !== uid || !session?.csrf) return showError(res, 'provider', 'SessionNotFound: no interaction');
    if (!sameToken(form.get('csrfToken') ?? '', session.csrf)) return showError(res, 'csrf');
    delete session.csrf;
    const identity = bySub.get(form.get('sub'));
    if (!identity) return showError(res, 'provider', 'unknown identity');
    session.identity = identity.sub;
    session.idpAcr = tampered.delete(found.params.state) ? TAMPERED_ACR : identity.idp_acr;
    redirect(res, `${MOUNT}/interaction/${uid}/verify`);
  }

  /**
   * verify: the level sent back is the identity provider's when it meets the required one, else
   * access_denied (interaction.controller.ts, getVerify); then the grant of what was asked
   * (loadExistingGrant: no consent step at ProConnect) and back to the service.
   */
  async function verify(req, res, uid) {
    const session = sessions.get(req, res);
    const found = await details(req, res);
    if (!found || found.uid !== uid || !session?.identity) return showError(res, 'provider', 'SessionNotFound: no interaction');
    const acr = interactionAcr(session.idpAcr, essentialAcr(found.params.claims));
    if (acr === undefined) return provider.interactionFinished(req, res, ABORTS.acr);
    const grant = new provider.Grant({ accountId: session.identity, clientId: found.params.client_id });
    grant.addOIDCScope(found.params.scope);
    if (found.params.claims) {
      try {
        const requested = JSON.parse(found.params.claims);
        grant.addOIDCClaims([...Object.keys(requested.id_token ?? {}), ...Object.keys(requested.userinfo ?? {})]);
      } catch {
        // oidc-provider has already refused a claims parameter that is not JSON
      }
    }
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: session.identity, acr, amr: AMR, ts: Math.floor(Date.now() / 1000), remember: false }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  /** « Revenir sur … »: interaction.controller.ts (getError), the error sent back with state and iss. */
  async function interactionError(req, res, uid, url) {
    const found = await details(req, res);
    if (!found || found.uid !== uid) return showError(res, 'provider', 'SessionNotFound: interaction expired');
    return provider.interactionFinished(req, res, {
      error: url.searchParams.get('error') || 'server_error',
      error_description: url.searchParams.get('error_description') || 'An unexpected error occurred',
    });
  }

  server.on('request', async (req, res) => {
    try {
      const url = new URL(req.url, origin);
      const { pathname } = url;
      const route = `${req.method} ${pathname}`;
      if (route === `GET ${MOUNT}/authorize` || route === `POST ${MOUNT}/authorize`) return await authorize(req, res, url);
      if (route === `GET ${MOUNT}/session/end`) {
        const violations = endSessionViolations(url.searchParams);
        received.push({ endpoint: 'session/end', method: req.method, at: Date.now(), params: [...url.searchParams], violations });
        if (violations.length > 0) return showError(res, 'badRequest', `invalid parameter: ${violations.join(', ')}`);
        // ProConnect's own session ends first, then oidc-provider's (oidc-provider.controller.ts, getEndSession).
        sessions.end(req);
      }
      if (route === `POST ${MOUNT}/token`) received.push({ endpoint: 'token', method: req.method, at: Date.now(), params: [], violations: [] });
      const step = pathname.match(/^\/api\/v2\/interaction\/([\w-]+)(?:\/(identity|verify|error))?$/);
      if (step && req.method === 'GET' && !step[2]) return await interaction(req, res, step[1]);
      if (step && req.method === 'POST' && step[2] === 'identity') return await chooseIdentity(req, res, step[1]);
      if (step && req.method === 'GET' && step[2] === 'verify') return await verify(req, res, step[1]);
      if (step && req.method === 'GET' && step[2] === 'error') return await interactionError(req, res, step[1], url);
      if (pathname === MOUNT || pathname.startsWith(`${MOUNT}/`)) return await toProvider(req, res);
      if (pathname === '/') {
        return send(res, 200, demoHome(issuer));
      }
      send(res, 404, errorPage({ title: 'Page introuvable', message: 'Cette page n’existe pas.' }));
    } catch (error) {
      if (!res.headersSent) showError(res, 'provider', error.name);
      else res.end();
    }
  });

  return {
    issuer,
    url: `${origin}/`,
    clients: registered,
    /** A copy of the record, oldest first: `{ endpoint, method, at, params: [[name, value]…], violations, stopped?, tampered? }`. */
    get received() {
      return received.map((entry) => ({ ...entry, params: [...entry.params] }));
    },
    /**
     * Rehearsal only: the next authorize loses the level it requires (`acr` taken out of
     * `claims`, acr_values dropped) and its login is finished at eidas0.
     */
    tamperNext(what) {
      if (!rehearsal) throw new TypeError('tamperNext: only in a rehearsal (rehearsal: true)');
      if (what !== 'acr') throw new TypeError(`tamperNext: "${what}" is not acr`);
      tamper = what;
    },
    close: closer(server),
  };
}

function demoHome(issuer) {
  return errorPage({ title: 'ProConnect local', message: `Émetteur OpenID Connect : ${issuer}. Un service d’agents s’y connecte comme à ProConnect.` });
}
