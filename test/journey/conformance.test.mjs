// The local FranceConnect against FranceConnect v2, over HTTP, the way v2's own
// behaviour tests drive it (quality/fcp/cypress/integration in france-connect/sources):
// one test per behaviour, each naming the file of france-connect/sources it follows.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it, mock } from 'node:test';
import { startLocalFranceConnect } from 'franceconnect-rehearse/local-franceconnect';
import { browser, formOf, linkOf, textOf, verifyJwt } from './http-client.mjs';

// Two services nobody here wrote, registered as FranceConnect's partner space would.
const SERVICE = 'http://127.0.0.1:9';
const es = {
  client_id: randomBytes(32).toString('hex'),
  client_secret: randomBytes(32).toString('hex'),
  id_token_signed_response_alg: 'ES256',
  userinfo_signed_response_alg: 'ES256',
  redirect_uris: [`${SERVICE}/es/callback`, `${SERVICE}/es/other-callback`],
  post_logout_redirect_uris: [`${SERVICE}/es/logged-out`],
};
const rs = {
  client_id: randomBytes(32).toString('hex'),
  client_secret: randomBytes(32).toString('hex'),
  id_token_signed_response_alg: 'RS256',
  userinfo_signed_response_alg: 'RS256',
  redirect_uris: [`${SERVICE}/rs/callback`],
  post_logout_redirect_uris: [`${SERVICE}/rs/logged-out`],
};
const atService = (url) => url.startsWith(`${SERVICE}/`);

let fc;
let discovery;
let jwks;
before(async () => {
  fc = await startLocalFranceConnect({ port: 0, clients: [es, rs] });
  discovery = await (await fetch(`${fc.issuer}/.well-known/openid-configuration`)).json();
  jwks = await (await fetch(discovery.jwks_uri)).json();
});
after(() => fc?.close());

/** v2's nominal authorize (quality/fcp/cypress/fixtures/fcp-low/docker/api-common.json, "authorize"), for one client. */
function authorizeUrl(client = es, changes = {}) {
  const url = new URL(`${fc.issuer}/authorize`);
  const params = {
    scope: 'openid profile',
    acr_values: 'eidas1',
    claims: JSON.stringify({ id_token: { amr: { essential: true } } }),
    prompt: 'login consent',
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0],
    response_type: 'code',
    state: randomBytes(32).toString('hex'),
    nonce: randomBytes(32).toString('hex'),
    ...changes,
  };
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** The page a browser lands on from an authorize (or the service URL it was sent to). */
const open = (b, url) => b.follow(url, { stop: atService });

/** Who is connecting (identity choice), then « Continuer »: back at the service with a code. */
async function logIn(b, url, name = 'Marie Anne') {
  let { response, stoppedAt } = await open(b, url);
  if (stoppedAt) return stoppedAt;
  const choice = formOf(response.body, response.url, name);
  if (choice) ({ response, stoppedAt } = await b.follow(choice.action, { method: 'POST', form: choice.fields, stop: atService }));
  if (stoppedAt) return stoppedAt;
  const next = formOf(response.body, response.url, 'Continuer');
  assert.ok(next, `a « Continuer » step at ${response.url}`);
  ({ stoppedAt } = await b.follow(next.action, { method: 'POST', form: next.fields, stop: atService }));
  assert.ok(stoppedAt, 'back at the service');
  return stoppedAt;
}

async function redeem(client, callback) {
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code'),
      redirect_uri: `${callback.origin}${callback.pathname}`,
      client_id: client.client_id,
      client_secret: client.client_secret,
    }),
  });
  return { status: response.status, body: await response.json() };
}

const userinfo = (accessToken) => fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });

/** A v2 error page: HTML, the status, the code, and no way back to the service in the Location. */
function assertErrorPage(response, status, code) {
  assert.equal(response.status, status, `${response.url}: HTTP ${status}`);
  assert.match(response.headers.get('content-type'), /text\/html/);
  assert.equal(response.location, null, 'no redirect');
  assert.match(textOf(response.body), new RegExp(`Erreur ${code}`));
}

describe('the local FranceConnect behaves as FranceConnect v2 on the wire', () => {
  it('refuses a bad authorize on its own 400 page, Y030007, without going back to the service (back/apps/core-fcp/src/dto/authorize-params.dto.ts; quality/fcp/cypress/integration/api/api-authorize.feature)', async () => {
    const refused = {
      'acr_values missing': { acr_values: undefined },
      'nonce missing': { nonce: undefined },
      'nonce of 21 characters': { nonce: 'N'.repeat(21) },
      'nonce_trop_court': { nonce: 'nonce_trop_court' },
      'prompt=none': { prompt: 'none' },
      'prompt=select_account': { prompt: 'select_account' },
      'prompt empty': { prompt: '' },
      'state missing': { state: undefined },
      'login_hint': { login_hint: 'marie@example.fr' },
      'code_challenge (PKCE)': { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' },
      'response_mode': { response_mode: 'form_post' },
      'max_age': { max_age: '0' },
      'request': { request: 'eyJhbGciOiJub25lIn0.e30.' },
    };
    for (const [label, changes] of Object.entries(refused)) {
      const response = await browser().request(authorizeUrl(es, changes));
      assertErrorPage(response, 400, 'Y030007');
      assert.doesNotMatch(response.body, /Revenir sur/, `${label}: no link back, the service is not known yet`);
    }
    // What v2 does send back, once its checks pass: oidc-provider's own refusals (api-authorize.feature).
    for (const [changes, error, description] of [
      [{ scope: 'profile' }, 'invalid_request', 'openid scope must be requested when using the acr_values parameter'],
      [{ response_type: '' }, 'invalid_request', "missing required parameter 'response_type'"],
      [{ response_type: 'inconnu' }, 'unsupported_response_type', 'unsupported response_type requested'],
    ]) {
      const response = await browser().request(authorizeUrl(es, changes));
      assert.equal(response.status, 303);
      const back = new URL(response.location);
      assert.equal(`${back.origin}${back.pathname}`, es.redirect_uris[0]);
      assert.equal(back.searchParams.get('error'), error);
      assert.equal(back.searchParams.get('error_description'), description);
    }
    // The same by POST, which v2's authorize takes too.
    const form = Object.fromEntries(authorizeUrl(es, { acr_values: undefined }).searchParams);
    assertErrorPage(await browser().request(`${fc.issuer}/authorize`, { method: 'POST', form }), 400, 'Y030007');
  });

  it('accepts what v2 accepts: a state of any length, an unknown level next to eidas1, an unknown level alone (back/libs/core/src/transforms/acr.transform.ts; quality/fcp/cypress/integration/usager/connexion-acr-fcp-low.feature)', async () => {
    for (const changes of [{ state: 'x' }, { acr_values: 'eidas1 niveau_inconnu' }, { acr_values: 'niveau_inconnu' }, { ui_locales: 'fr-FR' }]) {
      const b = browser();
      const callback = await logIn(b, authorizeUrl(es, changes));
      assert.ok(callback.searchParams.get('code'), `${JSON.stringify(changes)}: a code`);
      if (changes.state) assert.equal(callback.searchParams.get('state'), 'x');
      const { body } = await redeem(es, callback);
      assert.equal(verifyJwt(body.id_token, jwks).payload.acr, 'eidas1', 'the level kept is eidas1');
    }
    // By POST too (connexion-acr-fcp-low.feature's "méthode post").
    const post = await browser().follow(`${fc.issuer}/authorize`, { method: 'POST', form: Object.fromEntries(authorizeUrl(es, { acr_values: 'niveau_inconnu' }).searchParams), stop: atService });
    assert.ok(formOf(post.response.body, post.response.url, 'Marie Anne'), 'POST: the identity choice');
    // A known level above eidas1 goes back to the service as invalid_acr.
    const { stoppedAt } = await open(browser(), authorizeUrl(es, { acr_values: 'inconnu eidas3' }));
    assert.equal(stoppedAt.searchParams.get('error'), 'invalid_acr');
    assert.equal(stoppedAt.searchParams.get('error_description'), 'acr_value is not valid, should be equal one of these values, expected eidas1, got eidas3');
  });

  it('signs the ID token and the userinfo JWT with the algorithm of each service, ES256 or RS256, with one key of each kind in the JWKS (back/instances/core-fcp-low/src/config/oidc-provider.ts, jwks; quality/fcp/cypress/fixtures/fcp-low/docker/api-common.json, "token pour un FS avec signature RS256")', async () => {
    assert.deepEqual(jwks.keys.map((key) => [key.kty, key.alg]).sort(), [['EC', 'ES256'], ['RSA', 'RS256']]);
    assert.ok(jwks.keys.every((key) => key.d === undefined), 'no private part published');
    for (const [client, alg] of [[es, 'ES256'], [rs, 'RS256']]) {
      const { body } = await redeem(client, await logIn(browser(), authorizeUrl(client)));
      assert.equal(verifyJwt(body.id_token, jwks).header.alg, alg, `${alg} ID token`);
      const response = await userinfo(body.access_token);
      assert.match(response.headers.get('content-type'), /^application\/jwt/);
      assert.equal(verifyJwt(await response.text(), jwks).header.alg, alg, `${alg} userinfo`);
    }
  });

  it('advertises what v2 offers and nothing else (back/instances/core-fcp-low/src/config/oidc-provider.ts; quality/fcp/cypress/integration/api/api-discovery.feature)', () => {
    assert.deepEqual(discovery.token_endpoint_auth_methods_supported, ['client_secret_post', 'private_key_jwt']);
    assert.deepEqual(discovery.grant_types_supported, ['authorization_code']);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(discovery.acr_values_supported, ['eidas1']);
    assert.deepEqual(discovery.subject_types_supported, ['pairwise']);
    assert.equal(discovery.claims_parameter_supported, true);
    assert.deepEqual(discovery.dpop_signing_alg_values_supported, ['ES256', 'RS256']);
    assert.deepEqual([...discovery.id_token_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.deepEqual([...discovery.userinfo_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.ok(!discovery.scopes_supported.includes('offline_access'), 'no offline_access');
    // What oidc-provider 9 publishes for v2's configuration (requestObjects on, PKCE as its
    // default), though v2's own check of /authorize refuses `request`, `code_challenge` and
    // `response_mode` (tested above): a service reading discovery sees what v2's shows.
    assert.equal(discovery.request_parameter_supported, true);
    assert.equal(discovery.request_uri_parameter_supported, false);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    for (const absent of [
      'pushed_authorization_request_endpoint',
      'introspection_endpoint',
      'registration_endpoint',
      'id_token_encryption_alg_values_supported',
      'userinfo_encryption_alg_values_supported',
      'backchannel_logout_supported',
    ]) {
      assert.equal(discovery[absent], undefined, `no ${absent}`);
    }
    assert.equal(discovery.revocation_endpoint, `${fc.issuer}/token/revocation`);
  });

  it('has fcp-low’s scopes and claims, given_name_array, amr through the claims parameter, and a pairwise sub per service (back/libs/scopes/src/data/fcp-low/fcp-low.scopes.ts; quality/fcp/cypress/integration/usager/connexion-claims.feature, connexion-sub.feature)', async () => {
    for (const scope of ['openid', 'profile', 'birth', 'identite_pivot', 'idp_birthdate', 'given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'email', 'preferred_username']) {
      assert.ok(discovery.scopes_supported.includes(scope), `scope ${scope}`);
    }
    for (const claim of ['sub', 'given_name', 'given_name_array', 'amr', 'acr']) assert.ok(discovery.claims_supported.includes(claim), `claim ${claim}`);

    const b = browser();
    const first = await redeem(es, await logIn(b, authorizeUrl(es, { scope: 'openid profile birth idp_birthdate' })));
    const idToken = verifyJwt(first.body.id_token, jwks).payload;
    assert.deepEqual(idToken.amr, ['fc', 'pwd'], 'amr asked through claims');
    const claims = verifyJwt(await (await userinfo(first.body.access_token)).text(), jwks).payload;
    assert.deepEqual(claims.given_name_array, ['Marie', 'Anne']);
    assert.equal(claims.given_name, 'Marie Anne');
    for (const claim of ['family_name', 'birthdate', 'gender', 'preferred_username', 'birthplace', 'birthcountry', 'idp_birthdate']) assert.ok(claim in claims, claim);
    assert.equal(claims.email, undefined, 'no email without its scope');
    assert.match(idToken.sub, /^[0-9a-f]{64}v1$/);
    assert.equal(claims.sub, idToken.sub);

    const second = await redeem(rs, await logIn(browser(), authorizeUrl(rs, { claims: undefined })));
    const other = verifyJwt(second.body.id_token, jwks).payload;
    assert.match(other.sub, /^[0-9a-f]{64}v1$/);
    assert.notEqual(other.sub, idToken.sub, 'another service, another sub for the same person');
    assert.equal(other.amr, undefined, 'no amr when not asked');
  });

  it('forces prompt=login consent: a second login in the same FranceConnect session still shows the information step (back/libs/core/src/services/core-oidc-provider-middleware.service.ts; quality/fcp/cypress/integration/usager/connexion-sso-fcp-low.feature)', async () => {
    const b = browser();
    await logIn(b, authorizeUrl(es));
    for (const changes of [{ prompt: 'consent' }, { prompt: undefined }, {}]) {
      const { response, stoppedAt } = await open(b, authorizeUrl(rs, changes));
      assert.equal(stoppedAt, undefined, `${JSON.stringify(changes)}: never a silent redirect to the service`);
      assert.equal(response.status, 200);
      assert.ok(formOf(response.body, response.url, 'Continuer sur'), 'the information step, « Continuer sur … »');
      assert.equal(formOf(response.body, response.url, 'Marie Anne'), undefined, 'SSO: no identity choice');
    }
  });

  it('keeps v2’s lifetimes: code 30 s, access token 60 s, ID token 60 s, session 30 min (back/instances/core-fcp-low/src/config/oidc-provider.ts, ttl; back/instances/core-fcp-low/src/config/session.ts)', async (t) => {
    // The clock is moved, not waited for: Date is mocked, the servers run in this process.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const b = browser();
    const late = await logIn(b, authorizeUrl(es));
    t.mock.timers.tick(31_000);
    const refused = await redeem(es, late);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error, 'invalid_grant', 'a code 31 s old is refused');

    const fresh = await logIn(b, authorizeUrl(es));
    t.mock.timers.tick(29_000);
    const { status, body } = await redeem(es, fresh);
    assert.equal(status, 200, 'a code 29 s old is redeemed');
    assert.equal(body.expires_in, 60);
    const idToken = verifyJwt(body.id_token, jwks).payload;
    assert.equal(idToken.exp - idToken.iat, 60);
    t.mock.timers.tick(61_000);
    assert.equal((await userinfo(body.access_token)).status, 401, 'an access token 61 s old is refused');

    // The FranceConnect session: still there after 29 minutes (sliding), gone 31 minutes after its last use.
    t.mock.timers.tick(29 * 60_000 - 61_000);
    const kept = await open(b, authorizeUrl(es));
    assert.ok(formOf(kept.response.body, kept.response.url, 'Continuer sur'), 'SSO within 30 minutes');
    t.mock.timers.tick(31 * 60_000);
    const expired = await open(b, authorizeUrl(es));
    assert.ok(formOf(expired.response.body, expired.response.url, 'Marie Anne'), 'identity choice again after 30 minutes');
    mock.timers.reset();
  });

  it('session/end as v2: id_token_hint required, unknown parameters refused, post_logout_redirect_uri registered (back/libs/oidc-provider/src/dto/logout-params.dto.ts; quality/fcp/cypress/integration/usager/deconnexion-usager.feature)', async () => {
    const b = browser();
    const { body } = await redeem(es, await logIn(b, authorizeUrl(es)));
    const endSession = (params) => `${discovery.end_session_endpoint}?${new URLSearchParams(params)}`;
    const registered = es.post_logout_redirect_uris[0];
    assertErrorPage(await b.request(endSession({ state: 'S', post_logout_redirect_uri: registered })), 400, 'Y000400');
    assertErrorPage(await b.request(endSession({ client_id: es.client_id, state: 'S', post_logout_redirect_uri: registered })), 400, 'Y000400');
    assertErrorPage(await b.request(endSession({ id_token_hint: body.id_token, prompt: 'none', post_logout_redirect_uri: registered })), 400, 'Y000400');
    const unregistered = await b.request(endSession({ id_token_hint: body.id_token, post_logout_redirect_uri: `${SERVICE}/elsewhere` }));
    assert.equal(unregistered.status, 400);
    assert.equal(unregistered.location, null);
    // The way that works: the ID token as hint, back to the registered URI with the state.
    const { response } = await b.follow(endSession({ id_token_hint: body.id_token, state: 'S', post_logout_redirect_uri: registered }), { stop: atService });
    const confirm = formOf(response.body, response.url, 'Se déconnecter') ?? formOf(response.body, response.url, 'Continue');
    const { stoppedAt } = await b.follow(confirm.action, { method: 'POST', form: confirm.fields, stop: atService });
    assert.equal(`${stoppedAt.origin}${stoppedAt.pathname}`, registered);
    assert.equal(stoppedAt.searchParams.get('state'), 'S');
    // And the FranceConnect session is over: the next login asks who is connecting.
    const next = await open(b, authorizeUrl(es));
    assert.ok(formOf(next.response.body, next.response.url, 'Marie Anne'), 'identity choice after logout');
  });

  it('offers « Revenir sur … » on the identity choice and the error pages, back to the service with the error, state and iss (back/apps/core-fcp/src/views/includes/back-button.ejs; quality/fcp/cypress/integration/usager/fournisseur-service-retour.feature, api-redirect-to-sp.feature, information-consentement.feature)', async () => {
    const name = 'Mon service (démonstration)';
    let b = browser();
    const url = authorizeUrl(es);
    const { response } = await open(b, url);
    const back = linkOf(response.body, response.url, `Revenir sur ${name}`);
    assert.ok(back, '« Revenir sur » on the identity choice');
    const { stoppedAt } = await b.follow(back, { stop: atService });
    assert.equal(`${stoppedAt.origin}${stoppedAt.pathname}`, es.redirect_uris[0]);
    assert.deepEqual(Object.fromEntries(stoppedAt.searchParams), {
      error: 'access_denied',
      error_description: 'User auth aborted',
      state: url.searchParams.get('state'),
      iss: fc.issuer,
    });

    // The information step without its CSRF token: Y470002, and the way back says server_error.
    b = browser();
    const page = await open(b, authorizeUrl(es));
    const choice = formOf(page.response.body, page.response.url, 'Marie Anne');
    const information = (await b.follow(choice.action, { method: 'POST', form: choice.fields })).response;
    const next = formOf(information.body, information.url, 'Continuer sur');
    const error = await b.request(next.action, { method: 'POST', form: {} });
    assertErrorPage(error, 400, 'Y470002');
    const fromError = await b.follow(linkOf(error.body, error.url, `Revenir sur ${name}`), { stop: atService });
    assert.equal(fromError.stoppedAt.searchParams.get('error'), 'server_error');
    assert.equal(fromError.stoppedAt.searchParams.get('iss'), fc.issuer);

    // Without an interaction, to a registered redirect_uri only (302), else Y030030.
    const direct = await browser().request(`${fc.issuer}/redirect-to-sp-with-error?${new URLSearchParams({ error: 'access_denied', error_description: 'user authentication aborted', state: 'S', redirect_uri: rs.redirect_uris[0] })}`);
    assert.equal(direct.status, 302);
    assert.equal(new URL(direct.location).searchParams.get('iss'), fc.issuer);
    assertErrorPage(await browser().request(`${fc.issuer}/redirect-to-sp-with-error?${new URLSearchParams({ error: 'access_denied', redirect_uri: `${SERVICE}/nowhere` })}`), 500, 'Y030030');
  });

  it('registers any client from the command line, the environment or the module API, with any number of URIs, as the partner space’s form does (back/apps/partners/src/i18n/fr-FR.i18n.ts: client id, secret, ES256 or RS256, redirect and post-logout URIs)', async (t) => {
    const server = fileURLToPath(import.meta.resolve('franceconnect-rehearse/local-franceconnect'));
    async function run(args, env = {}) {
      const child = spawn(process.execPath, [server, '--port', '0', ...args], { env: { ...process.env, FC_PORT: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      t.after(() => child.kill());
      let output = '';
      const issuer = await new Promise((resolve, reject) => {
        child.stdout.on('data', (chunk) => {
          output += chunk;
          const found = /issuer (\S+)/.exec(output);
          if (found) resolve(found[1]);
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
      });
      return issuer;
    }
    const cli = await run([
      '--client-id', 'cli-one', '--client-secret', 'secret-one', '--signing-alg', 'RS256',
      '--redirect-uri', `${SERVICE}/a`, '--redirect-uri', `${SERVICE}/b`, '--redirect-uri', `${SERVICE}/c`,
      '--post-logout-redirect-uri', `${SERVICE}/out-a`, '--post-logout-redirect-uri', `${SERVICE}/out-b`,
      '--client-id', 'cli-two', '--client-secret', 'secret-two', '--redirect-uri', `${SERVICE}/two`,
    ]);
    const env = await run([], {
      FC_CLIENT_ID: 'env-one',
      FC_CLIENT_SECRET: 'secret-env',
      FC_SIGNING_ALG: 'RS256',
      FC_REDIRECT_URIS: `${SERVICE}/x ${SERVICE}/y`,
      FC_POST_LOGOUT_REDIRECT_URIS: `${SERVICE}/out-x ${SERVICE}/out-y`,
    });
    // HS256 is in v2's discovery, but the partner space offers ES256 and RS256 only.
    await assert.rejects(
      startLocalFranceConnect({ port: 0, clients: [{ client_id: 'hs', client_secret: 'secret', signing_alg: 'HS256', redirect_uris: [`${SERVICE}/h`] }] }),
      /client hs: signing algorithm "HS256" is not one of ES256, RS256/,
    );
    const api = await startLocalFranceConnect({
      port: 0,
      clients: [{ client_id: 'api-one', client_secret: 'secret-api', signing_alg: 'RS256', redirect_uris: [`${SERVICE}/p`, `${SERVICE}/q`], post_logout_redirect_uris: [`${SERVICE}/out-p`] }],
    });
    t.after(() => api.close());
    for (const [issuer, client, secret, redirectUri, postLogout] of [
      [cli, 'cli-one', 'secret-one', `${SERVICE}/c`, `${SERVICE}/out-b`],
      [env, 'env-one', 'secret-env', `${SERVICE}/y`, `${SERVICE}/out-y`],
      [api.issuer, 'api-one', 'secret-api', `${SERVICE}/q`, `${SERVICE}/out-p`],
    ]) {
      const url = new URL(`${issuer}/authorize?${new URLSearchParams({ client_id: client, redirect_uri: redirectUri, response_type: 'code', scope: 'openid', acr_values: 'eidas1', state: 'S', nonce: 'N'.repeat(22) })}`);
      const b = browser();
      const callback = await logIn(b, url);
      assert.equal(`${callback.origin}${callback.pathname}`, redirectUri, `${client}: the last redirect URI is registered`);
      const token = await (await fetch(`${issuer}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: redirectUri, client_id: client, client_secret: secret }) })).json();
      const keys = await (await fetch(`${issuer}/jwks`)).json();
      assert.equal(verifyJwt(token.id_token, keys).header.alg, 'RS256', `${client}: the signing algorithm chosen`);
      const { response } = await b.follow(`${issuer}/session/end?${new URLSearchParams({ id_token_hint: token.id_token, state: 'S', post_logout_redirect_uri: postLogout })}`, { stop: atService });
      const confirm = formOf(response.body, response.url, 'Se déconnecter') ?? formOf(response.body, response.url, 'Continue');
      const { stoppedAt } = await b.follow(confirm.action, { method: 'POST', form: confirm.fields, stop: atService });
      assert.equal(`${stoppedAt.origin}${stoppedAt.pathname}`, postLogout, `${client}: the last post-logout URI is registered`);
      assertErrorPage(await browser().request(url.href.replace(encodeURIComponent(redirectUri), encodeURIComponent(`${SERVICE}/unregistered`))), 400, 'Y04C013C');
    }
  });
});
