// The local FranceConnect as franceconnect-rehearse starts it (`rehearsal: true`), over
// HTTP: it records what it receives, lets through only the two faults the qualification
// grades itself (acr_values, rule 19; nonce, rule 20) and still refuses every other one
// as v2 does, changes a state or nonce on its way in when asked, and as FranceConnect+
// offers eidas2 and eidas3 only.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startLocalFranceConnect } from 'franceconnect-rehearse/local-franceconnect';
import { browser, formOf, textOf, verifyJwt } from './http-client.mjs';

const SERVICE = 'http://127.0.0.1:9';
const client = {
  client_id: randomBytes(32).toString('hex'),
  client_secret: randomBytes(32).toString('hex'),
  signing_alg: 'ES256',
  name: 'Service répété',
  redirect_uris: [`${SERVICE}/callback`],
  post_logout_redirect_uris: [`${SERVICE}/logged-out`],
};
const atService = (url) => url.startsWith(`${SERVICE}/`);

let fc;
let plain;
before(async () => {
  fc = await startLocalFranceConnect({ port: 0, clients: [client], rehearsal: true });
  plain = await startLocalFranceConnect({ port: 0, clients: [client] });
});
after(() => Promise.all([fc?.close(), plain?.close()]));

function authorizeUrl(issuer, changes = {}) {
  const url = new URL(`${issuer}/authorize`);
  const params = {
    client_id: client.client_id,
    redirect_uri: client.redirect_uris[0],
    response_type: 'code',
    scope: 'openid given_name family_name',
    acr_values: 'eidas1',
    state: 'S'.repeat(32),
    nonce: 'N'.repeat(32),
    ...changes,
  };
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url;
}

/** Through the identity choice and « Continuer »: the URL the service is sent back to. */
async function logIn(b, url) {
  let { response, stoppedAt } = await b.follow(url, { stop: atService });
  if (stoppedAt) return { stoppedAt };
  const choice = formOf(response.body, response.url, 'Marie Anne');
  if (!choice) return { response };
  ({ response } = await b.follow(choice.action, { method: 'POST', form: choice.fields, stop: atService }));
  const next = formOf(response.body, response.url, 'Continuer');
  ({ stoppedAt } = await b.follow(next.action, { method: 'POST', form: next.fields, stop: atService }));
  return { stoppedAt };
}

async function idToken(issuer, callback) {
  const token = await (
    await fetch(`${issuer}/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code'), redirect_uri: client.redirect_uris[0], client_id: client.client_id, client_secret: client.client_secret }),
    })
  ).json();
  const keys = await (await fetch(`${issuer}/jwks`)).json();
  return { raw: token.id_token, ...verifyJwt(token.id_token, keys) };
}

const last = (endpoint) => fc.received.filter((r) => r.endpoint === endpoint).at(-1);

describe('the local FranceConnect in a rehearsal', () => {
  it('records every authorize as the service sent it, GET or POST, and every session/end and token call', async () => {
    const b = browser();
    const { stoppedAt } = await logIn(b, authorizeUrl(fc.issuer, { state: 'RecordedState0123456789' }));
    const record = last('authorize');
    assert.equal(record.method, 'GET');
    assert.equal(Object.fromEntries(record.params).state, 'RecordedState0123456789');
    assert.deepEqual(record.violations, []);
    assert.equal(record.stopped, false);
    const token = await idToken(fc.issuer, stoppedAt);
    assert.ok(last('token').at >= record.at, 'the code redeemed after the authorize');
    await b.follow(`${fc.issuer}/session/end?${new URLSearchParams({ id_token_hint: token.raw, state: 'L'.repeat(22), post_logout_redirect_uri: client.post_logout_redirect_uris[0] })}`, { stop: atService });
    assert.equal(Object.fromEntries(last('session/end').params).state, 'L'.repeat(22));
    assert.deepEqual(last('session/end').violations, []);
    // A session/end v2 refuses is recorded with why.
    await browser().request(`${fc.issuer}/session/end?${new URLSearchParams({ post_logout_redirect_uri: client.post_logout_redirect_uris[0] })}`);
    assert.deepEqual(last('session/end').violations, ['id_token_hint']);
    const post = await browser().request(`${fc.issuer}/authorize`, { method: 'POST', form: Object.fromEntries(authorizeUrl(fc.issuer, { state: 'PostedState' }).searchParams) });
    assert.equal(post.status, 303);
    assert.equal(last('authorize').method, 'POST');
    assert.equal(Object.fromEntries(last('authorize').params).state, 'PostedState');
  });

  it('lets an authorize without acr_values, or with a short nonce, go on (recorded as v2 refusing it, Y030007); a plain local FranceConnect refuses both', async () => {
    for (const changes of [{ acr_values: undefined }, { nonce: 'N'.repeat(16) }, { nonce: undefined }]) {
      const { stoppedAt } = await logIn(browser(), authorizeUrl(fc.issuer, changes));
      assert.ok(stoppedAt?.searchParams.get('code'), `${JSON.stringify(changes)}: a code for the service`);
      const record = last('authorize');
      assert.equal(record.refusedByV2, 'Y030007');
      assert.deepEqual(record.violations, Object.keys(changes));
      assert.equal(record.stopped, false);
      const { payload } = await idToken(fc.issuer, stoppedAt);
      assert.equal(payload.acr, 'eidas1', 'the level v2 keeps when none is asked');
      const refused = await browser().request(authorizeUrl(plain.issuer, changes).href);
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /Erreur Y030007/);
    }
  });

  it('still refuses, as v2, every other fault: PKCE, an unknown parameter, a prompt without login or consent, a missing state', async () => {
    for (const changes of [{ code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' }, { login_hint: 'marie' }, { prompt: 'none' }, { state: undefined }, { nonce: 'short', login_hint: 'marie' }]) {
      const response = await browser().request(authorizeUrl(fc.issuer, changes).href);
      assert.equal(response.status, 400, JSON.stringify(changes));
      assert.equal(response.location, null);
      assert.match(textOf(response.body), /Erreur Y030007/);
      assert.equal(last('authorize').stopped, true);
    }
  });

  it('changes the next state, or the next nonce, on its way in: the service gets the changed state back, the ID token carries the changed nonce', async () => {
    fc.tamperNext('state');
    const state = await logIn(browser(), authorizeUrl(fc.issuer, { state: 'AbcdefghijklmnopqrstuvwxyZ' }));
    assert.equal(state.stoppedAt.searchParams.get('state'), 'BbcdefghijklmnopqrstuvwxyZ');
    assert.deepEqual(last('authorize').tampered, { parameter: 'state', from: 'AbcdefghijklmnopqrstuvwxyZ', to: 'BbcdefghijklmnopqrstuvwxyZ' });
    assert.equal(Object.fromEntries(last('authorize').params).state, 'AbcdefghijklmnopqrstuvwxyZ', 'recorded as the service sent it');
    fc.tamperNext('nonce');
    const nonce = await logIn(browser(), authorizeUrl(fc.issuer, { nonce: 'ZyxwvutsrqponmlkjihgfedcbA' }));
    assert.equal((await idToken(fc.issuer, nonce.stoppedAt)).payload.nonce, 'AyxwvutsrqponmlkjihgfedcbA');
    // Once only: the next authorize goes through untouched.
    const untouched = await logIn(browser(), authorizeUrl(fc.issuer, { state: 'AAAAAAAAAAAAAAAAAAAAAAAA' }));
    assert.equal(untouched.stoppedAt.searchParams.get('state'), 'AAAAAAAAAAAAAAAAAAAAAAAA');
    assert.throws(() => fc.tamperNext('scope'), /neither state nor nonce/);
  });

  it('as FranceConnect+ (core-fcp-high): eidas2 and eidas3 only, eidas3 when none is asked (back/instances/core-fcp-high/src/config/oidc-acr.ts)', async (t) => {
    const plus = await startLocalFranceConnect({ port: 0, clients: [client], plus: true });
    t.after(() => plus.close());
    const discovery = await (await fetch(`${plus.issuer}/.well-known/openid-configuration`)).json();
    assert.deepEqual(discovery.acr_values_supported, ['eidas2', 'eidas3']);
    for (const [asked, kept] of [['eidas2', 'eidas2'], ['eidas3', 'eidas3'], ['inconnu', 'eidas3']]) {
      const { stoppedAt } = await logIn(browser(), authorizeUrl(plus.issuer, { acr_values: asked }));
      assert.equal((await idToken(plus.issuer, stoppedAt)).payload.acr, kept, asked);
    }
    // eidas1 is a known level FranceConnect+ does not offer: invalid_acr back to the service.
    const { stoppedAt } = await logIn(browser(), authorizeUrl(plus.issuer, { acr_values: 'eidas1' }));
    assert.equal(stoppedAt.searchParams.get('error'), 'invalid_acr');
  });

  it('as FranceConnect+: a 10-minute session, where FranceConnect’s is 30 (back/instances/core-fcp-high/src/config/session.ts, lifetime)', async (t) => {
    // The clock is moved, not waited for: Date is mocked, the server runs in this process.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const plus = await startLocalFranceConnect({ port: 0, clients: [client], plus: true });
    t.after(() => plus.close());
    const b = browser();
    const url = () => authorizeUrl(plus.issuer, { acr_values: 'eidas2' });
    await logIn(b, url());
    /** What the same browser meets at the next authorize: FranceConnect's information step (the session holds) or the identity choice. */
    const next = async () => {
      const { response } = await b.follow(url(), { stop: atService });
      return formOf(response.body, response.url, 'Continuer sur') ? 'information' : formOf(response.body, response.url, 'Marie Anne') ? 'identity' : response.url;
    };
    t.mock.timers.tick(9 * 60_000);
    assert.equal(await next(), 'information', 'the session holds 9 minutes after its last use');
    t.mock.timers.tick(11 * 60_000);
    assert.equal(await next(), 'identity', '11 minutes later, who is connecting is asked again');
  });
});
