// A local stand-in for FranceConnect v2 (core-fcp-low), for rehearsing a service on
// one machine. It is oidc-provider (the library v2 itself is built on) configured as
// back/instances/core-fcp-low/src/config/oidc-provider.ts configures it, behind the
// checks v2 makes before oidc-provider sees a request. Only the identity providers
// are missing: a list of fictional people stands in for them.
//
//   npx franceconnect-local --client-id ID --client-secret SECRET \
//     --signing-alg RS256 --redirect-uri URI --post-logout-redirect-uri URI
//   npx franceconnect-local --help
//
// franceconnect-rehearse starts it with `rehearsal: true`: it then keeps a record of the
// authorize and session/end requests it received, lets through the two parameters the
// qualification grades (so that the rest of the journey can be graded too), and can
// change a state or nonce on its way in, as the qualifier does by editing the URL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
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
import { ClientConfigurationError, clientsFromCommandLine, normalizeClient, USAGE } from './clients.mjs';
import { chooseIdentityPage, errorPage, informationPage, loggedOutPage, logoutPage, page } from './pages.mjs';
import {
  ALLOWED_ACR,
  AMR,
  authorizeViolations,
  endSessionViolations,
  ERRORS,
  FORCED_PROMPT,
  givenNameArray,
  identityHash,
  LIFETIMES,
  pickAcr,
  PLUS,
  QUALIFIER_GRADED,
  SCOPES,
  subV1,
  USER_ABORTED,
} from './v2.mjs';

export { ClientConfigurationError } from './clients.mjs';

/** back/instances/core-fcp-low/src/config/session.ts (sessionCookieName) */
const SESSION_COOKIE = 'fc_session_id';
/** Stands for the identity provider's uid in the idp_id claim: there is no real one here. */
const LOCAL_IDP_ID = 'local-franceconnect-demo';

/** The fictional people this FranceConnect knows, kept next to it. */
export const demoIdentities = JSON.parse(readFileSync(new URL('./identities.json', import.meta.url), 'utf8')).identities;

/**
 * oidc-provider's configuration, as core-fcp-low's (encryption off, as on fcp-low), read in
 * france-connect/sources at fbf65bf (2026-02-24), back/instances/core-fcp-low/src/config/oidc-provider.ts.
 * Older versions of that file differ (back-channel logout on, request objects off, a
 * 10-minute Session ttl): the newest is followed. Its discovery therefore says what
 * oidc-provider says for that configuration (request objects, `code_challenge_methods_supported`),
 * while v2's own check of /authorize refuses those parameters (v2.mjs): both as v2 does.
 */
function configuration({ clients, identities, entityIds, subSecret, pages, allowedAcr }) {
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  return {
    clients,
    jwks: { keys: signingKeys() },
    cookies: providerCookies(),
    scopes: ['openid'],
    claims: SCOPES,
    acrValues: allowedAcr,
    subjectTypes: ['pairwise'],
    // v2 computes the sub per service from its entityId (back/apps/core-fcp/src/handlers/verify/core-fcp-default-verify.handler.ts)
    // and passes it through pairwiseIdentifier (back/libs/oidc-provider/src/services/oidc-provider-config.service.ts).
    pairwiseIdentifier: (ctx, accountId, client) => {
      const identity = bySub.get(accountId);
      return subV1(entityIds.get(client.clientId) ?? client.clientId, identity ? identityHash(identity) : accountId, subSecret);
    },
    clientAuthMethods: ['client_secret_post', 'private_key_jwt'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      id_token_signed_response_alg: 'ES256',
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      application_type: 'web',
    },
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
    ttl: { ...LIFETIMES },
    acceptQueryParamAccessTokens: true,
    pkce: { methods: ['S256'], required: () => false },
    routes: {
      authorization: '/authorize',
      check_session: '/session/check',
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
      const { sub: _key, ...claims } = identity; // eslint-disable-line @typescript-eslint/no-unused-vars
      return {
        accountId: sub,
        // The claims v2 can release (fcp-low.claims.ts); oidc-provider keeps those the scopes and claims ask for.
        claims: async () => ({
          sub,
          ...claims,
          given_name_array: givenNameArray(identity.given_name),
          idp_birthdate: identity.birthdate,
          amr: AMR,
          idp_id: LOCAL_IDP_ID,
        }),
      };
    },
    clientBasedCORS: () => false,
    features: {
      devInteractions: { enabled: false },
      encryption: { enabled: false },
      jwtUserinfo: { enabled: true },
      backchannelLogout: { enabled: false },
      revocation: { enabled: true },
      claimsParameter: { enabled: true },
      resourceIndicators: { enabled: false },
      requestObjects: { enabled: true },
      pushedAuthorizationRequests: { enabled: false },
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
 * Starts the local FranceConnect on loopback.
 * @param {object} options
 * @param {number} [options.port] 0 for any free port
 * @param {string} [options.host]
 * @param {Array<object>} options.clients the registered services: client_id, client_secret,
 *   signing_alg (ES256 or RS256), redirect_uris, post_logout_redirect_uris, and
 *   optionally name and entity_id (see clients.mjs)
 * @param {Array<object>} [options.identities] the people offered, in claim format, each with a unique `sub` key
 * @param {string} [options.subSecret] mixed into every sub (v2's subSecretKey); the default keeps subs stable across restarts
 * @param {boolean} [options.plus] FranceConnect+ rather than FranceConnect: eidas2 and eidas3, a
 *   10-minute session (no second factor: the fictional people log in at once)
 * @param {boolean} [options.rehearsal] for franceconnect-rehearse: an authorize whose only
 *   faults are those the qualification grades (acr_values, rule 19; nonce, rule 20) goes on
 *   instead of stopping on v2's 400 page, and its record says what v2 would have done
 * @returns {Promise<{ issuer: string, url: string, clients: object[], received: object[],
 *   tamperNext: (parameter: 'state' | 'nonce') => void, close: () => Promise<void> }>}
 */
export async function startLocalFranceConnect({
  port = 3001,
  host = '127.0.0.1',
  clients,
  identities = demoIdentities,
  subSecret = 'local-franceconnect',
  plus = false,
  rehearsal = false,
}) {
  const allowedAcr = plus ? PLUS.allowedAcr : ALLOWED_ACR;
  const defaultAcr = plus ? PLUS.defaultAcr : undefined;
  const sessionLifetime = plus ? PLUS.session : LIFETIMES.Session;
  if (!Array.isArray(clients) || clients.length === 0) throw new ClientConfigurationError('register at least one client');
  const registered = clients.map(normalizeClient);
  const entityIds = new Map(registered.map(({ client_id: id, entity_id: entityId }) => [id, entityId]));
  const metadata = registered.map(({ entity_id: _entity, ...client }) => client); // eslint-disable-line @typescript-eslint/no-unused-vars
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));

  const { server, origin } = await listen(port, host);
  const issuer = `${origin}${MOUNT}`;

  /**
   * FranceConnect's own session (30 minutes, sliding), apart from oidc-provider's: it
   * remembers who logged in, for the next service of the same browser (SSO), and the
   * CSRF token of the information step. back/instances/core-fcp-low/src/config/session.ts
   */
  const sessions = sessionStore({ cookie: SESSION_COOKIE, lifetime: sessionLifetime });
  const session = (req, res, create = false) => sessions.get(req, res, create);
  const endSession = (req) => sessions.end(req);

  function clientName(clientId) {
    return registered.find((client) => client.client_id === clientId)?.client_name ?? clientId;
  }

  /** « Revenir sur … »: redirect-to-sp-with-error with the error, the service's state and redirect_uri. */
  function backTo(params, { error, description }) {
    const query = new URLSearchParams({ error, error_description: description });
    if (params.state) query.set('state', params.state);
    query.set('redirect_uri', params.redirect_uri);
    return { href: `${MOUNT}/redirect-to-sp-with-error?${query}`, clientName: clientName(params.client_id) };
  }

  function showError(res, kind, { back, detail } = {}) {
    const { code, status, message } = ERRORS[kind];
    send(res, status, errorPage({ code, message, detail, back }));
  }

  const pages = {
    /** oidc-provider's errors that cannot go back to the service, on v2's error page. */
    async renderError(ctx, out, error) {
      let kind = 'provider';
      if (error?.name === 'InvalidClient') kind = 'invalidClient';
      else if (error?.name === 'InvalidRedirectUri') kind = 'invalidRedirectUri';
      const { code, status, message } = ERRORS[kind];
      ctx.status = error?.statusCode && kind === 'provider' ? error.statusCode : status;
      ctx.type = 'html';
      ctx.body = errorPage({ code, message, detail: `${out.error}: ${out.error_description ?? ''}` });
    },
    /** session/end: oidc-provider's confirmation form, submitted by itself. */
    async logoutSource(ctx, form) {
      ctx.body = logoutPage(form);
    },
  };

  /**
   * What this FranceConnect received, in order: every authorize (its parameters as the
   * service sent them) and every session/end, with what v2 refuses in it.
   */
  const received = [];
  /** The parameter to change in the next authorize, as a tester editing the URL would. */
  let tamper;

  const provider = new Provider(issuer, configuration({ clients: metadata, identities, entityIds, subSecret, pages, allowedAcr }));
  const toProvider = mounted(provider);

  /**
   * /authorize, GET or POST. v2 checks the parameters first and answers a 400 page
   * (Y030007) without going back to the service (back/apps/core-fcp/src/controllers/oidc-provider.controller.ts),
   * then drops oidc-provider's cookies, keeps the weakest known eIDAS level and forces
   * prompt=login consent (back/libs/core/src/services/core-oidc-provider-middleware.service.ts).
   */
  async function authorize(req, res, url) {
    const params = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
    const violations = authorizeViolations(params);
    const record = { endpoint: 'authorize', method: req.method, at: Date.now(), params: [...params], violations };
    received.push(record);
    // In a rehearsal, faults the qualification grades itself go on, recorded (see above).
    const stopping = rehearsal ? violations.filter((name) => !QUALIFIER_GRADED.includes(name)) : violations;
    record.stopped = stopping.length > 0;
    if (record.stopped) return showError(res, 'authorizeParams');
    record.refusedByV2 = violations.length > 0 ? ERRORS.authorizeParams.code : undefined;
    if (tamper && params.get(tamper)) {
      const value = params.get(tamper);
      const changed = (value[0] === 'A' ? 'B' : 'A') + value.slice(1);
      params.set(tamper, changed);
      record.tampered = { parameter: tamper, from: value, to: changed };
      tamper = undefined;
    }
    params.set('acr_values', pickAcr(params.get('acr_values') ?? '', defaultAcr));
    params.set('prompt', FORCED_PROMPT);
    withoutProviderCookies(req, res);
    // A POST goes on as the same request in the query: the body has been read.
    req.method = 'GET';
    delete req.headers['content-type'];
    delete req.headers['content-length'];
    return toProvider(req, res, `${MOUNT}/authorize?${params}`);
  }

  const details = (req, res) => interactionDetails(provider, req, res);

  /** The identity choice, or straight to the information step when the FranceConnect session knows the person (SSO). */
  async function interaction(req, res, uid) {
    const found = await details(req, res);
    if (!found || found.uid !== uid) return showError(res, 'provider', { detail: 'SessionNotFound: interaction expired' });
    const { params } = found;
    // The level kept must be one this FranceConnect offers, or the service gets invalid_acr:
    // back/libs/core/src/services/core-acr.service.ts (rejectInvalidAcr).
    if (!allowedAcr.includes(params.acr_values)) {
      return provider.interactionFinished(req, res, {
        error: 'invalid_acr',
        error_description: `acr_value is not valid, should be equal one of these values, expected ${allowedAcr.join(',')}, got ${params.acr_values}`,
      });
    }
    const fcSession = session(req, res, true);
    fcSession.interaction = { uid, params };
    if (fcSession.identity && bySub.has(fcSession.identity) && fcSession.finished) {
      return redirect(res, `${MOUNT}/interaction/${uid}/consent`);
    }
    return send(
      res,
      200,
      chooseIdentityPage({
        action: `${MOUNT}/interaction/${uid}/identity`,
        clientName: clientName(params.client_id),
        identities,
        back: backTo(params, USER_ABORTED),
      }),
    );
  }

  /** The person chosen (stands for the identity provider's answer), then the information step. */
  async function chooseIdentity(req, res, uid) {
    const fcSession = session(req, res);
    const form = new URLSearchParams(await readBody(req));
    const interactionState = fcSession?.interaction;
    if (!interactionState || interactionState.uid !== uid) return showError(res, 'provider', { detail: 'SessionNotFound: no interaction' });
    const sub = form.get('sub');
    if (!bySub.has(sub)) {
      return showError(res, 'provider', { detail: 'unknown identity', back: backTo(interactionState.params, ERRORS.provider) });
    }
    fcSession.identity = sub;
    fcSession.finished = false;
    redirect(res, `${MOUNT}/interaction/${uid}/consent`);
  }

  /** The information step: back/apps/core-fcp/src/controllers/core-fcp.controller.ts (getConsent). */
  async function consent(req, res, uid) {
    const fcSession = session(req, res);
    const found = await details(req, res);
    if (!found || found.uid !== uid || !fcSession?.identity) return showError(res, 'provider', { detail: 'SessionNotFound: no interaction' });
    fcSession.csrf = randomBytes(32).toString('hex');
    fcSession.interaction = { uid, params: found.params };
    const scopes = found.params.scope.split(' ');
    const claims = scopes.flatMap((scope) => SCOPES[scope] ?? []);
    return send(
      res,
      200,
      informationPage({
        action: `${MOUNT}/login`,
        clientName: clientName(found.params.client_id),
        identity: bySub.get(fcSession.identity),
        claims,
        csrfToken: fcSession.csrf,
      }),
    );
  }

  /**
   * « Continuer sur … »: the CSRF token checked (back/libs/csrf), then login and consent
   * at once, as v2's finishInteraction does (back/libs/oidc-provider/src/services/oidc-provider-app-config-lib.service.ts).
   */
  async function login(req, res) {
    const fcSession = session(req, res);
    const form = new URLSearchParams(await readBody(req));
    const found = await details(req, res);
    if (!found || !fcSession?.identity) return showError(res, 'provider', { detail: 'SessionNotFound: no interaction' });
    const back = (kind) => backTo(found.params, ERRORS[kind]);
    const token = form.get('csrfToken');
    if (!token) return showError(res, 'csrfMissing', { back: back('csrfMissing') });
    if (!fcSession.csrf || !sameToken(token, fcSession.csrf)) return showError(res, 'csrfBad', { back: back('csrfBad') });
    delete fcSession.csrf;
    const grant = new provider.Grant({ accountId: fcSession.identity, clientId: found.params.client_id });
    grant.addOIDCScope(found.params.scope.split(' ').filter((scope) => scope in SCOPES).join(' '));
    if (found.params.claims) {
      const requested = JSON.parse(found.params.claims);
      grant.addOIDCClaims([...Object.keys(requested.id_token ?? {}), ...Object.keys(requested.userinfo ?? {})]);
    }
    const grantId = await grant.save();
    fcSession.finished = true;
    return provider.interactionFinished(
      req,
      res,
      {
        login: { accountId: fcSession.identity, acr: found.params.acr_values, amr: AMR, ts: Math.floor(Date.now() / 1000), remember: false },
        consent: { grantId },
      },
      { mergeWithLastSubmission: false },
    );
  }

  /**
   * « Revenir sur … »: the interaction ends with the error, and oidc-provider sends it
   * to the service with state and iss. Without an interaction, a redirect to a registered
   * redirect_uri, else an error page. back/apps/core-fcp/src/controllers/oidc-provider.controller.ts
   * (redirectToSpWithError) and back/libs/oidc-provider/src/filters/oidc-provider-redirect-exception.filter.ts.
   */
  async function redirectToSpWithError(req, res, url) {
    const query = url.searchParams;
    const error = query.get('error') ?? USER_ABORTED.error;
    const description = query.get('error_description') ?? USER_ABORTED.description;
    const found = await details(req, res);
    if (found) return provider.interactionFinished(req, res, { error, error_description: description });
    const redirectUri = query.get('redirect_uri');
    if (!redirectUri || !registered.some((client) => client.redirect_uris.includes(redirectUri))) return showError(res, 'redirectUri');
    const target = new URL(redirectUri);
    target.searchParams.append('error', error);
    target.searchParams.append('error_description', description);
    target.searchParams.append('state', query.get('state') ?? 'undefined');
    target.searchParams.append('iss', issuer);
    res.writeHead(302, { location: target.href, 'content-type': 'text/plain; charset=utf-8' });
    res.end();
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
        // back/libs/oidc-provider/src/dto/logout-params.dto.ts: id_token_hint required, nothing unknown.
        if (violations.length > 0) return showError(res, 'badRequest');
      }
      // session/end ends FranceConnect's session whatever oidc-provider's holds (v2: logoutSource,
      // back/libs/core/src/services/core-oidc-provider-config-app.service.ts).
      if (route === `GET ${MOUNT}/session/end`) endSession(req);
      // That the service redeemed a code, and when (a rehearsal checks it did not after a wrong state).
      if (route === `POST ${MOUNT}/token`) received.push({ endpoint: 'token', method: req.method, at: Date.now(), params: [], violations: [] });
      if (route === `GET ${MOUNT}/redirect-to-sp-with-error`) return await redirectToSpWithError(req, res, url);
      if (route === `POST ${MOUNT}/login`) return await login(req, res);
      const step = pathname.match(/^\/api\/v2\/interaction\/([\w-]+)(?:\/(identity|consent))?$/);
      if (step && req.method === 'GET' && !step[2]) return await interaction(req, res, step[1]);
      if (step && req.method === 'POST' && step[2] === 'identity') return await chooseIdentity(req, res, step[1]);
      if (step && req.method === 'GET' && step[2] === 'consent') return await consent(req, res, step[1]);
      if (pathname === MOUNT || pathname.startsWith(`${MOUNT}/`)) return await toProvider(req, res);
      if (pathname === '/') {
        return send(res, 200, page('Accueil', `      <h1>FranceConnect local</h1>
      <p>Émetteur OpenID Connect : <code>${issuer}</code>. Un service s’y connecte comme à
      l’environnement d’intégration de FranceConnect v2.</p>`));
      }
      send(res, 404, page('Introuvable', '<h1>Page introuvable</h1>'));
    } catch (error) {
      if (!res.headersSent) showError(res, 'provider', { detail: error.name });
      else res.end();
    }
  });

  return {
    issuer,
    url: `${origin}/`,
    clients: registered,
    /** A copy of the record, oldest first: `{ endpoint, method, at, params: [[name, value]…], violations, stopped, refusedByV2?, tampered? }`. */
    get received() {
      return received.map((entry) => ({ ...entry, params: [...entry.params] }));
    },
    /** The next authorize has this parameter changed (its first character), as the qualifier does for rule 20. */
    tamperNext(parameter) {
      if (parameter !== 'state' && parameter !== 'nonce') throw new TypeError(`tamperNext: "${parameter}" is neither state nor nonce`);
      tamper = parameter;
    },
    close: closer(server),
  };
}

/**
 * The command line (`npx franceconnect-local`): registers the services given by options
 * or the environment, and runs until Ctrl-C.
 */
export async function main(argv = process.argv.slice(2)) {
  let options;
  try {
    options = clientsFromCommandLine(argv);
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (options.clients.length === 0) {
    console.error(`No service registered.\n\n${USAGE}`);
    process.exit(2);
  }
  const fc = await startLocalFranceConnect(options).catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${options.port} is in use: set --port or FC_PORT.` : error.message);
    process.exit(1);
  });
  console.log(`Local FranceConnect (demonstration): ${fc.url} — issuer ${fc.issuer}`);
  for (const client of fc.clients) {
    console.log(`  client ${client.client_id} (${client.id_token_signed_response_alg}): ${client.redirect_uris.join(' ')}`);
  }
  process.on('SIGINT', () => fc.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => fc.close().then(() => process.exit(0)));
}

// Run on its own: node local-franceconnect/server.mjs --help
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
