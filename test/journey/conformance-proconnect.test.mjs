// The local ProConnect against ProConnect, over HTTP: one test per documented behaviour,
// probed on the wire, each naming its source — a file of proconnect-gouv/federation
// (back/…) or a page of proconnect-gouv/proconnect-espace-partenaires
// (src/pages/docs/fournisseur-service/…).
import assert from 'node:assert/strict';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { demoAgents, startLocalProConnect } from 'franceconnect-rehearse/local-proconnect';
import { browser, formOf, textOf, verifyJwt } from './http-client.mjs';

const SERVICE = 'http://127.0.0.1:9';
const client = {
  client_id: randomBytes(32).toString('hex'),
  client_secret: randomBytes(32).toString('hex'),
  signing_alg: 'RS256',
  name: 'Espace agents',
  redirect_uris: [`${SERVICE}/agents/callback`],
  post_logout_redirect_uris: [`${SERVICE}/agents/logged-out`],
};
const atService = (url) => url.startsWith(`${SERVICE}/`);
const ACR_ELIGIBLE = JSON.stringify({ id_token: { acr: { essential: true, values: ['eidas1', 'eidas2', 'eidas3'] } } });
const camille = demoAgents.find((agent) => agent.usual_name === 'Martin');
const certified = demoAgents.find((agent) => agent.idp_acr === 'eidas2');
const hostile = demoAgents.find((agent) => agent.usual_name.includes('<svg'));

let pc;
let rehearsal;
let discovery;
let jwks;
before(async () => {
  pc = await startLocalProConnect({ port: 0, clients: [client] });
  rehearsal = await startLocalProConnect({ port: 0, clients: [client], rehearsal: true });
  discovery = await (await fetch(`${pc.issuer}/.well-known/openid-configuration`)).json();
  jwks = await (await fetch(discovery.jwks_uri)).json();
});
after(() => Promise.all([pc?.close(), rehearsal?.close()]));

function authorizeUrl(changes = {}, issuer = pc.issuer) {
  const params = {
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0],
    response_type: 'code',
    scope: 'openid given_name usual_name email uid siret organization_label idp_id phone belonging_population chorusdt',
    claims: ACR_ELIGIBLE,
    state: randomBytes(24).toString('base64url'),
    nonce: randomBytes(24).toString('base64url'),
    ...changes,
  };
  const url = new URL(`${issuer}/authorize`);
  for (const [name, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(name, value);
  return url.href;
}

/** From an authorize to the service: the login page, the agent chosen, back with a code (or an error). */
async function logIn(b, url, agent = camille) {
  const { response, stoppedAt } = await b.follow(url, { stop: atService });
  if (stoppedAt) return { callback: stoppedAt, page: false };
  const form = formOf(response.body, response.url, `${agent.given_name} ${agent.usual_name}`);
  assert.ok(form, `the login page lists ${agent.given_name} ${agent.usual_name}: ${textOf(response.body).slice(0, 300)}`);
  const back = await b.follow(form.action, { method: 'POST', form: form.fields, stop: atService });
  assert.ok(back.stoppedAt, `back at the service, not ${back.response.url}: ${textOf(back.response.body).slice(0, 300)}`);
  return { callback: back.stoppedAt, page: true, html: response.body };
}

async function redeem(callback) {
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

/** ProConnect's error page: HTML, the status, the code, and no way back to the service. */
function assertErrorPage(response, status, code) {
  assert.equal(response.status, status, `${response.url}: HTTP ${status}`);
  assert.match(response.headers.get('content-type'), /text\/html/);
  assert.equal(response.location, null, 'no redirect to the service');
  assert.match(textOf(response.body), new RegExp(`Erreur ${code}`));
}

describe('the local ProConnect, as ProConnect answers on the wire', () => {
  it('discovery at /api/v2/.well-known/openid-configuration, every endpoint under /api/v2/ (implementation_technique.md 1.2 and 2.2; back/apps/core-fca-low/src/config/app.ts urlPrefix)', () => {
    assert.equal(discovery.issuer, pc.issuer);
    assert.match(pc.issuer, /\/api\/v2$/);
    for (const [key, path] of [
      ['authorization_endpoint', '/authorize'],
      ['token_endpoint', '/token'],
      ['userinfo_endpoint', '/userinfo'],
      ['end_session_endpoint', '/session/end'],
      ['jwks_uri', '/jwks'],
    ]) {
      assert.equal(discovery[key], `${pc.issuer}${path}`, key);
    }
  });

  it('discovery lists ProConnect’s scopes, claims, levels and algorithms (back/libs/oidc-provider/src/services/oidc-provider-config.service.ts; config/oidc-provider.ts supportedAcrValues; scope-claims.md)', () => {
    for (const scope of ['openid', 'given_name', 'usual_name', 'email', 'uid', 'siret', 'idp_id', 'organization_label', 'phone', 'belonging_population', 'chorusdt', 'roles', 'custom']) {
      assert.ok(discovery.scopes_supported.includes(scope), scope);
    }
    for (const claim of ['given_name', 'usual_name', 'email', 'uid', 'siret', 'organization_label', 'idp_id', 'phone_number', 'belonging_population', 'chorusdt:matricule', 'acr', 'amr']) {
      assert.ok(discovery.claims_supported.includes(claim), claim);
    }
    assert.deepEqual(discovery.acr_values_supported, ['eidas0', 'eidas0-mfa', 'eidas1', 'eidas1-mfa', 'eidas2', 'eidas3', 'https://proconnect.gouv.fr/assurance/certification-dirigeant']);
    assert.equal(discovery.claims_parameter_supported, true);
    assert.deepEqual(discovery.subject_types_supported, ['public']);
    assert.deepEqual([...discovery.id_token_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.deepEqual([...discovery.userinfo_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.deepEqual(discovery.token_endpoint_auth_methods_supported, ['client_secret_post', 'private_key_jwt']);
    assert.ok(discovery.grant_types_supported.includes('refresh_token'));
  });

  it('a login: the login page, back with code, state and iss; the ID token signed with the registered algorithm, its nonce and acr; userinfo a signed JWT with the agent’s claims (implementation_technique.md 2.3; niveaux-acr.md; donnees_fournies.md)', async () => {
    const b = browser();
    const url = authorizeUrl();
    const { callback, page, html } = await logIn(b, url);
    assert.ok(page, 'the login page is shown the first time');
    assert.match(textOf(html), /S’identifier avec ProConnect/);
    assert.match(textOf(html), /Email professionnel/);
    assert.equal(callback.searchParams.get('state'), new URL(url).searchParams.get('state'));
    assert.equal(callback.searchParams.get('iss'), pc.issuer);
    const token = await redeem(callback);
    assert.equal(token.status, 200);
    assert.equal(token.body.token_type, 'Bearer');
    assert.ok(token.body.refresh_token, 'a refresh token (issueRefreshToken in oidc-provider-config.service.ts; refresh-token.md)');
    const { header, payload } = verifyJwt(token.body.id_token, jwks);
    assert.equal(header.alg, 'RS256');
    assert.equal(payload.nonce, new URL(url).searchParams.get('nonce'));
    assert.equal(payload.acr, 'eidas1', 'the identity provider’s level, one of those required');
    assert.equal(payload.sub, camille.sub, 'a public sub');
    assert.equal(payload.aud, client.client_id);
    const info = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${token.body.access_token}` } });
    assert.match(info.headers.get('content-type'), /application\/jwt/);
    const claims = verifyJwt(await info.text(), jwks).payload;
    for (const claim of ['given_name', 'usual_name', 'email', 'uid', 'siret', 'organization_label', 'phone_number', 'belonging_population', 'chorusdt:matricule']) {
      assert.equal(claims[claim], camille[claim], claim);
    }
    assert.equal(claims.idp_id, 'local-proconnect-idp');
    assert.equal(claims.roles, undefined, 'roles not asked for, not sent');
  });

  it('HS256, which ProConnect also offers: the ID token signed with the client_secret (implementation_technique.md 2.3.4: « RS256, ES256 ou HS256 »)', async () => {
    const hs = { ...client, client_id: randomBytes(32).toString('hex'), signing_alg: 'HS256' };
    const local = await startLocalProConnect({ port: 0, clients: [hs] });
    try {
      const { callback } = await logIn(browser(), authorizeUrl({ client_id: hs.client_id }, local.issuer));
      const response = await fetch(`${local.issuer}/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: hs.redirect_uris[0], client_id: hs.client_id, client_secret: hs.client_secret }),
      });
      const [header, payload, signature] = (await response.json()).id_token.split('.');
      assert.equal(JSON.parse(Buffer.from(header, 'base64url')).alg, 'HS256');
      const expected = createHmac('sha256', hs.client_secret).update(`${header}.${payload}`).digest();
      assert.ok(timingSafeEqual(expected, Buffer.from(signature, 'base64url')), 'HMAC with the client_secret');
    } finally {
      await local.close();
    }
  });

  it('only the scopes asked for are sent: openid alone gives the sub alone (donnees_fournies.md 5)', async () => {
    const { callback } = await logIn(browser(), authorizeUrl({ scope: 'openid' }));
    const token = await redeem(callback);
    const info = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${token.body.access_token}` } });
    const claims = verifyJwt(await info.text(), jwks).payload;
    assert.equal(claims.sub, camille.sub);
    for (const claim of ['given_name', 'usual_name', 'email', 'uid', 'siret', 'organization_label', 'idp_id']) assert.equal(claims[claim], undefined, claim);
  });

  it('an open session is reused: the next authorize of the same browser comes straight back, no page (interaction.controller.ts canReuseActiveSession; implementation_technique.md 2.3.7)', async () => {
    const b = browser();
    await logIn(b, authorizeUrl());
    const again = await b.follow(authorizeUrl(), { stop: atService });
    assert.ok(again.stoppedAt, 'straight back to the service');
    assert.ok(again.stoppedAt.searchParams.get('code'));
    const token = await redeem(again.stoppedAt);
    assert.equal(verifyJwt(token.body.id_token, jwks).payload.sub, camille.sub);
  });

  it('a required level the identity provider does not reach: access_denied « requested ACRs could not be satisfied » sent back with the state (oidc-acr.service.ts getInteractionAcr; interaction.controller.ts getVerify)', async () => {
    const b = browser();
    const url = authorizeUrl({ claims: JSON.stringify({ id_token: { acr: { essential: true, values: ['eidas2', 'eidas3'] } } }) });
    const { callback } = await logIn(b, url, camille);
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    assert.equal(callback.searchParams.get('error_description'), 'requested ACRs could not be satisfied');
    assert.equal(callback.searchParams.get('state'), new URL(url).searchParams.get('state'));
    // An agent whose provider vouches for eidas2 gets through, with eidas2 in the ID token.
    const ok = await logIn(browser(), url, certified);
    assert.equal(verifyJwt((await redeem(ok.callback)).body.id_token, jwks).payload.acr, 'eidas2');
  });

  it('acr_values is not a requirement: ProConnect logs it and sends the identity provider’s level anyway (oidc-acr.service.ts getFilteredAcrParamsFromInteraction; niveaux-acr.md asks for `claims`)', async () => {
    const { callback } = await logIn(browser(), authorizeUrl({ claims: undefined, acr_values: 'eidas3' }));
    assert.equal(callback.searchParams.get('error'), null);
    assert.equal(verifyJwt((await redeem(callback)).body.id_token, jwks).payload.acr, 'eidas1');
  });

  it('state and nonce: ProConnect itself accepts a short state and a 1-character nonce, refuses a missing state or a non-ASCII nonce with Y000400 (authorize-params.dto.ts; the ≥ 32 characters of implementation_technique.md is the service’s duty)', async () => {
    const { callback } = await logIn(browser(), authorizeUrl({ state: 'court', nonce: 'n' }));
    assert.equal(callback.searchParams.get('state'), 'court');
    assert.ok(callback.searchParams.get('code'));
    assertErrorPage(await browser().request(authorizeUrl({ state: undefined })), 400, 'Y000400');
    assertErrorPage(await browser().request(authorizeUrl({ nonce: 'é'.repeat(40) })), 400, 'Y000400');
    assertErrorPage(await browser().request(authorizeUrl({ nonce: 'n'.repeat(513) })), 400, 'Y000400');
  });

  it('hints: login_hint an e-mail (prefilled), siret_hint 14 characters (shown), idp_hint a known provider; malformed ones refused with Y000400, an unknown idp_hint sent back as idp_hint_not_found (authorize-params.dto.ts; interaction.controller.ts; login_hint_usage.md, siret_hint_usage.md, idp_hint_usage.md)', async () => {
    const b = browser();
    const hinted = await b.follow(authorizeUrl({ login_hint: camille.email, siret_hint: camille.siret }), { stop: atService });
    assert.match(hinted.response.body, new RegExp(`name="email" type="email" autocomplete="email" value="${camille.email.replaceAll('.', '\\.')}"`));
    assert.match(textOf(hinted.response.body), new RegExp(`SIRET ${camille.siret}`));
    assertErrorPage(await browser().request(authorizeUrl({ login_hint: 'pas-une-adresse' })), 400, 'Y000400');
    assertErrorPage(await browser().request(authorizeUrl({ siret_hint: '1234567890123' })), 400, 'Y000400');
    const unknown = authorizeUrl({ idp_hint: 'inconnu' });
    const sent = await browser().follow(unknown, { stop: atService });
    assert.equal(sent.stoppedAt?.searchParams.get('error'), 'idp_hint_not_found');
    assert.equal(sent.stoppedAt.searchParams.get('state'), new URL(unknown).searchParams.get('state'));
    const known = await logIn(browser(), authorizeUrl({ idp_hint: 'local-proconnect-idp' }));
    assert.ok(known.callback.searchParams.get('code'));
  });

  it('a parameter ProConnect does not list is let through, not refused (the ValidationPipe of oidc-provider.controller.ts whitelists without forbidNonWhitelisted; implementation_technique.md says Y000400 — the code is followed)', async () => {
    const { callback } = await logIn(browser(), authorizeUrl({ ui_locales: 'fr', inconnu: 'x' }));
    assert.ok(callback.searchParams.get('code'));
  });

  it('prompt=none without a ProConnect session: login_required sent back; with one, a silent login (core-fca-middleware.service.ts handleSilentAuthenticationMiddleware; sso.md)', async () => {
    const b = browser();
    const silent = await b.follow(authorizeUrl({ prompt: 'none' }), { stop: atService });
    assert.equal(silent.stoppedAt?.searchParams.get('error'), 'login_required');
    await logIn(b, authorizeUrl());
    const after = await b.follow(authorizeUrl({ prompt: 'none' }), { stop: atService });
    assert.ok(after.stoppedAt?.searchParams.get('code'), 'a silent login once logged in');
  });

  it('session/end with id_token_hint, state and post_logout_redirect_uri: back to the service with the state; the next login asks again (implementation_technique.md 2.4; oidc-provider.controller.ts getEndSession)', async () => {
    const b = browser();
    const { callback } = await logIn(b, authorizeUrl());
    const token = await redeem(callback);
    const state = randomBytes(24).toString('base64url');
    const end = `${discovery.end_session_endpoint}?${new URLSearchParams({ id_token_hint: token.body.id_token, state, post_logout_redirect_uri: client.post_logout_redirect_uris[0] })}`;
    const { response } = await b.follow(end, { stop: atService });
    const confirm = formOf(response.body, response.url, 'Se déconnecter');
    assert.ok(confirm, 'the logout form, submitted by its own script');
    const out = await b.follow(confirm.action, { method: 'POST', form: confirm.fields, stop: atService });
    assert.equal(`${out.stoppedAt.origin}${out.stoppedAt.pathname}`, client.post_logout_redirect_uris[0]);
    assert.equal(out.stoppedAt.searchParams.get('state'), state);
    const next = await b.follow(authorizeUrl(), { stop: atService });
    assert.equal(next.stoppedAt, undefined, 'not straight back: the session ended');
    assert.ok(formOf(next.response.body, next.response.url, `${camille.given_name} ${camille.usual_name}`), 'the login page again');
    assert.equal(pc.received.filter((r) => r.endpoint === 'session/end').at(-1).violations.length, 0);
  });

  it('session/end without id_token_hint nor client_id ends the session but cannot return to the service: « Vous êtes bien déconnecté » at ProConnect; with client_id it returns (logout-params.dto.ts: all optional; id_token_hint « recommandé », client_id « lorsque l’id_token_hint ne peut être fourni »)', async () => {
    const logOut = async (b, params) => {
      const { response } = await b.follow(`${discovery.end_session_endpoint}?${new URLSearchParams(params)}`, { stop: atService });
      const confirm = formOf(response.body, response.url, 'Se déconnecter') ?? formOf(response.body, response.url, 'Continue');
      assert.ok(confirm, `a logout form at ${response.url}`);
      return b.follow(confirm.action, { method: 'POST', form: confirm.fields, stop: atService });
    };
    const b = browser();
    await logIn(b, authorizeUrl());
    const bare = await logOut(b, { state: 'S'.repeat(32), post_logout_redirect_uri: client.post_logout_redirect_uris[0] });
    assert.equal(bare.stoppedAt, undefined, 'not sent back to the service');
    assert.match(textOf(bare.response.body), /Vous êtes bien déconnecté/);
    const next = await b.follow(authorizeUrl(), { stop: atService });
    assert.equal(next.stoppedAt, undefined, 'its session ended all the same: the login page again');
    const withClient = await logOut(b, { client_id: client.client_id, state: 'S'.repeat(32), post_logout_redirect_uri: client.post_logout_redirect_uris[0] });
    assert.equal(withClient.stoppedAt?.searchParams.get('state'), 'S'.repeat(32));
  });

  it('an unknown client or redirect_uri stays on ProConnect’s error page (oidc-provider renderError)', async () => {
    for (const changes of [{ client_id: 'inconnu' }, { redirect_uri: `${SERVICE}/ailleurs` }]) {
      const response = await browser().request(authorizeUrl(changes));
      assert.equal(response.location, null, JSON.stringify(changes));
      assert.equal(response.status, 400);
      assert.match(textOf(response.body), /Accès impossible/);
    }
  });

  it('hostile claims are text on its pages: the login page escapes the agent whose names carry markup', async () => {
    const { response } = await browser().follow(authorizeUrl(), { stop: atService });
    assert.ok(!response.body.includes(hostile.usual_name), 'no raw markup');
    assert.ok(response.body.includes('&quot;&gt;&lt;svg onload=alert(1)&gt;'));
  });

  it('in a rehearsal, tamperNext("acr") takes the required level out of the next authorize and logs the agent in at eidas0, recorded; outside one it is refused', async () => {
    assert.throws(() => pc.tamperNext('acr'), /rehearsal/);
    assert.throws(() => rehearsal.tamperNext('state'), /not acr/);
    rehearsal.tamperNext('acr');
    const b = browser();
    const { callback } = await logIn(b, authorizeUrl({}, rehearsal.issuer));
    const tokenResponse = await fetch(`${rehearsal.issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: client.redirect_uris[0], client_id: client.client_id, client_secret: client.client_secret }),
    });
    const token = await tokenResponse.json();
    const rehearsalJwks = await (await fetch(`${rehearsal.issuer}/jwks`)).json();
    assert.equal(verifyJwt(token.id_token, rehearsalJwks).payload.acr, 'eidas0');
    const record = rehearsal.received.find((r) => r.tampered);
    assert.equal(record.tampered.from, ACR_ELIGIBLE);
    assert.equal(JSON.parse(record.tampered.to).id_token.acr, null, 'acr still asked for, no longer essential');
    // The next login is untouched.
    const next = await logIn(browser(), authorizeUrl({}, rehearsal.issuer));
    assert.ok(next.callback.searchParams.get('code'));
  });
});
