// The whole FranceConnect journey, end to end: a real Chromium drives the reference
// service (examples/service) against the local FranceConnect
// (examples/local-franceconnect), both started here on free loopback ports.
// Each test names the rules of the qualification checklist it proves.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startServers } from './servers.mjs';

const FC_BUTTON = 'S’identifier avec FranceConnect';
const FAILED = 'La connexion avec FranceConnect n’a pas abouti.';
const CANCELLED = 'Vous avez interrompu la connexion avec FranceConnect.';
const PEOPLE = {
  marie: 'Marie Anne CLÉMENT',
  jeanLuc: 'Jean-Luc Pierre N’DIAYE',
  yasmine: 'Yasmine EL AMRANI',
  longNames: 'Marie-Thérèse Geneviève Bernadette Anne-Sophie Françoise DE LA ROCHEFOUCAULD-MONTMORENCY D’ARGENSON',
};
const RANDOM_22 = /^[A-Za-z0-9]{22,}$/;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the current page, as `rule: targets` lines. */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () =>
    (await globalThis.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}

let browser;
let servers;
/** Every authorize request of the run, from every visitor: rules 19 and 21 hold for all. */
const allAuthorize = [];

before(async () => {
  servers = await startServers();
  browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
});

after(async () => {
  await browser?.close();
  await servers?.close();
});

/**
 * A visitor in a fresh browser profile. It records the pages, frames, authorize
 * and session/end requests it sees, for rules 13, 19, 20 and 21.
 */
async function visitor({ handmade = false } = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1000, height: 800 } });
  const seen = { pages: 0, frames: 0, authorize: [], endSession: [] };
  context.on('page', (page) => {
    seen.pages += 1;
    page.on('frameattached', () => {
      seen.frames += 1;
    });
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== servers.fcOrigin) return;
    if (url.pathname === '/api/v2/authorize') {
      seen.authorize.push(url);
      // Requests the test wrote by hand are not the service's.
      if (!handmade) allAuthorize.push(url);
    }
    if (url.pathname === '/api/v2/session/end') seen.endSession.push(url);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    seen,
    /** Rule 13: one page from start to end, never a pop-up, a new tab or a frame. */
    async close() {
      assert.equal(seen.pages, 1, 'one page only: no pop-up, no new tab');
      assert.equal(seen.frames, 0, 'no iframe');
      assert.equal(context.pages().length, 1);
      await context.close();
    },
  };
}

const at = (origin, ...paths) => (url) => url.origin === origin && paths.some((path) => url.pathname === path);

/** Whether the page is the local FranceConnect's identity choice (not its information step). */
const atIdentityChoice = (page) => /^\/api\/v2\/interaction\/[\w-]+$/.test(new URL(page.url()).pathname) && new URL(page.url()).origin === servers.fcOrigin;
/** Whether the page is FranceConnect's information step, « Continuer sur … ». */
const atInformation = (page) => page.url().startsWith(`${servers.fcOrigin}/api/v2/interaction/`) && page.url().endsWith('/consent');

/**
 * Clicks the FranceConnect button of the current page and waits until either
 * the local FranceConnect shows a page, or the service is back (no question).
 * Returns true when FranceConnect asked who is connecting (its identity choice).
 */
async function clickFranceConnect(page) {
  const from = new URL(page.url()).pathname;
  await page.getByRole('button', { name: FC_BUTTON }).click();
  await page.waitForURL(
    (url) =>
      (url.origin === servers.fcOrigin && url.pathname.startsWith('/api/v2/interaction/')) ||
      (url.origin === servers.serviceOrigin && url.pathname !== from && !url.pathname.startsWith('/auth/')),
  );
  return atIdentityChoice(page);
}

/** At the local FranceConnect: picks the person, then "Continuer"; back at the service. */
async function chooseIdentity(page, name) {
  await page.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await continueToService(page);
}

/** FranceConnect's information step: « Continuer sur Mon service »; back at the service. */
async function continueToService(page) {
  await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
  await page.waitForURL(at(servers.serviceOrigin, '/', '/profil'));
}

async function logIn(page, name, from = '/connexion') {
  await page.goto(`${servers.serviceOrigin}${from}`);
  assert.equal(await clickFranceConnect(page), true, 'the local FranceConnect asks who is connecting');
  await chooseIdentity(page, name);
}

const flash = (page) => page.locator('.flash').innerText();

/** The account header, as the visitor sees it without touching anything. */
async function headerShows(page, name) {
  const account = page.locator('header fc-account');
  await account.waitFor();
  // Every word of the first names and the name is rendered and visible in the header.
  for (const word of name.split(' ')) {
    const shown = account.getByText(word, { exact: false }).first();
    assert.equal(await shown.isVisible(), true, `"${word}" visible in the header of ${page.url()}`);
  }
}

/** Logs out through <fc-account>'s "Se déconnecter" and waits for the home page. */
async function logOutFromHeader(page) {
  await page.locator('header fc-account').getByRole('button', { name: 'Se déconnecter' }).click();
  await page.waitForURL(at(servers.serviceOrigin, '/'));
}

/** Rules 9, 12, 20: the session/end request carries what FranceConnect needs. */
function assertEndSession(url, { withIdToken = true } = {}) {
  assert.equal(url.searchParams.get('post_logout_redirect_uri'), `${servers.serviceOrigin}/auth/franceconnect/logout/callback`);
  assert.match(url.searchParams.get('state'), RANDOM_22);
  if (withIdToken) assert.match(url.searchParams.get('id_token_hint'), /^[\w-]+\.[\w-]+\.[\w-]+$/);
}

describe('the whole journey, service and local FranceConnect', () => {
  it('rule 10: signs up with FranceConnect from /inscription: a local account made from the identity', async () => {
    const v = await visitor();
    const { page } = v;
    await logIn(page, PEOPLE.yasmine, '/inscription');
    assert.equal(new URL(page.url()).pathname, '/profil');
    assert.match(await flash(page), /Votre compte a été créé avec FranceConnect/);
    const form = page.locator('fc-profile-form');
    assert.equal(await form.getByRole('textbox', { name: 'Nom de naissance' }).innerText(), 'EL AMRANI');
    assert.equal(await form.getByRole('textbox', { name: 'Email' }).inputValue(), 'yasmine.elamrani@example.fr');
    await v.close();
  });

  it('rules 8 and 9: logs in to an existing account, logs out, and FranceConnect asks again', async () => {
    const v = await visitor();
    const { page } = v;
    // First visit: the account is made (rule 10), then logged out.
    await logIn(page, PEOPLE.marie);
    await logOutFromHeader(page);
    // Rule 8: logging in with FranceConnect to the account that exists.
    await logIn(page, PEOPLE.marie);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await flash(page), /Vous êtes connecté\(e\) avec FranceConnect/);
    await headerShows(page, PEOPLE.marie);
    // Rule 9: logging out goes through FranceConnect's session/end…
    await page.goto(`${servers.serviceOrigin}/profil`);
    await logOutFromHeader(page);
    assert.match(await flash(page), /déconnecté\(e\) de Mon service et de FranceConnect/);
    assert.equal(await page.locator('fc-account').count(), 0, 'logged out of the service');
    assert.equal(v.seen.endSession.length, 2);
    v.seen.endSession.forEach((url) => assertEndSession(url));
    // …so the next login asks FranceConnect again, instead of coming straight back.
    await page.goto(`${servers.serviceOrigin}/connexion`);
    assert.equal(await clickFranceConnect(page), true, 'FranceConnect asks again after logout');
    await v.close();
  });

  it('control for rule 9: without session/end, FranceConnect would not ask who is connecting again', async () => {
    // What the test above detects: if the service forgot its user but left the
    // FranceConnect session alive, the next login would skip the identity choice. As in
    // v2 (prompt=login consent forced), FranceConnect still shows its information step.
    const v = await visitor();
    const { page } = v;
    await logIn(page, PEOPLE.marie);
    await v.context.clearCookies({ name: 'service_session' });
    await page.goto(`${servers.serviceOrigin}/connexion`);
    assert.equal(await clickFranceConnect(page), false, 'no identity choice');
    assert.equal(atInformation(page), true, 'FranceConnect’s information step, never a silent redirect');
    await continueToService(page);
    await headerShows(page, PEOPLE.marie);
    await v.close();
  });

  it('rule 14: the name is in the header of every logged-in page, without any interaction, and leads to the profile', async () => {
    const v = await visitor();
    const { page } = v;
    await logIn(page, PEOPLE.marie);
    for (const path of ['/', '/profil', '/connexion', '/inscription']) {
      await page.goto(`${servers.serviceOrigin}${path}`);
      await headerShows(page, PEOPLE.marie);
    }
    await page.goto(`${servers.serviceOrigin}/`);
    await page.locator('header fc-account a[href="/profil"]').click();
    await page.waitForURL(at(servers.serviceOrigin, '/profil'));
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Mon profil');
    await v.close();
  });

  it('rules 15 and 16: the pivot identity is locked, a forged POST of it is ignored, e-mail and nom d’usage are saved', async () => {
    const v = await visitor();
    const { page } = v;
    await logIn(page, PEOPLE.jeanLuc);
    await page.goto(`${servers.serviceOrigin}/profil`);
    const form = page.locator('fc-profile-form');
    const pivot = {
      'Nom de naissance': 'N’DIAYE',
      Prénoms: 'Jean-Luc Pierre',
      'Date de naissance': '30/11/1988',
      Sexe: 'Masculin',
      'Ville de naissance': '2A004',
      'Pays de naissance': 'France',
    };
    for (const [label, value] of Object.entries(pivot)) {
      const field = form.getByRole('textbox', { name: label });
      assert.equal(await field.getAttribute('aria-readonly'), 'true', `${label} is read-only`);
      assert.equal(await field.isEditable(), false, `${label} cannot be edited`);
      assert.equal(await field.innerText(), value);
    }
    // Rule 16, through the form as a user would.
    await form.getByRole('textbox', { name: 'Nom d’usage' }).fill('MARTIN-DIALLO');
    await form.getByRole('textbox', { name: 'Email' }).fill('jean-luc.nouveau@example.fr');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(at(servers.serviceOrigin, '/profil'));
    assert.match(await flash(page), /Vos modifications sont enregistrées/);
    assert.equal(await form.getByRole('textbox', { name: 'Nom d’usage' }).inputValue(), 'MARTIN-DIALLO');
    assert.equal(await form.getByRole('textbox', { name: 'Email' }).inputValue(), 'jean-luc.nouveau@example.fr');
    // Rule 15 on the server: a forged body with other pivot values changes none of them.
    const status = await page.evaluate(async () => {
      const body = new URLSearchParams({
        family_name: 'FAUX',
        given_name: 'Usurpateur',
        birthdate: '2000-01-01',
        gender: 'female',
        birthplace: '75056',
        birthcountry: '99350',
        preferred_username: 'DURAND',
        email: 'forge@example.fr',
      });
      return (await fetch('/profil', { method: 'POST', body })).status;
    });
    assert.equal(status, 200);
    await page.goto(`${servers.serviceOrigin}/profil`);
    for (const [label, value] of Object.entries(pivot)) {
      assert.equal(await form.getByRole('textbox', { name: label }).innerText(), value, `${label} unchanged`);
    }
    assert.equal(await form.getByRole('textbox', { name: 'Nom d’usage' }).inputValue(), 'DURAND');
    assert.equal(await form.getByRole('textbox', { name: 'Email' }).inputValue(), 'forge@example.fr');
    await headerShows(page, 'Jean-Luc Pierre');
    await v.close();
  });

  it('rule 12: deleting the account ends the FranceConnect session too; the next visit signs up anew', async () => {
    const v = await visitor();
    const { page } = v;
    await logIn(page, PEOPLE.longNames);
    await page.goto(`${servers.serviceOrigin}/profil`);
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click();
    await page.waitForURL(at(servers.serviceOrigin, '/'));
    assert.match(await flash(page), /Votre compte a été supprimé, et vous êtes déconnecté\(e\) de FranceConnect/);
    assert.equal(v.seen.endSession.length, 1);
    assertEndSession(v.seen.endSession[0]);
    await page.goto(`${servers.serviceOrigin}/connexion`);
    assert.equal(await clickFranceConnect(page), true, 'FranceConnect asks again after deletion');
    await chooseIdentity(page, PEOPLE.longNames);
    assert.match(await flash(page), /Votre compte a été créé/, 'the account was really deleted');
    await v.close();
  });

  it('rule 20: state and nonce are 22+ characters of [A-Za-z0-9], different at each attempt', async () => {
    const v = await visitor();
    const { page } = v;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await page.goto(`${servers.serviceOrigin}/connexion`);
      assert.equal(await clickFranceConnect(page), true);
    }
    const values = v.seen.authorize.flatMap((url) => [url.searchParams.get('state'), url.searchParams.get('nonce')]);
    assert.equal(values.length, 6);
    for (const value of values) assert.match(value, RANDOM_22);
    assert.equal(new Set(values).size, 6, 'every state and nonce is new');
    await v.close();
  });

  for (const parameter of ['state', 'nonce']) {
    it(`rule 20: a tampered ${parameter} stops the flow: home, a French message, FranceConnect session ended when an ID token came`, async () => {
      const v = await visitor();
      const { page } = v;
      servers.log.length = 0;
      await page.goto(`${servers.serviceOrigin}/connexion`);
      // The tester's move: take the authorize URL the service makes, change one
      // character of the parameter (still 22+ [A-Za-z0-9]), and go on.
      const response = await v.context.request.get(`${servers.serviceOrigin}/auth/franceconnect/login`, { maxRedirects: 0 });
      const authorize = new URL(response.headers().location);
      const value = authorize.searchParams.get(parameter);
      authorize.searchParams.set(parameter, (value[0] === 'A' ? 'B' : 'A') + value.slice(1));
      await page.goto(authorize.href);
      await chooseIdentity(page, PEOPLE.marie);
      assert.equal(new URL(page.url()).pathname, '/');
      assert.match(await flash(page), new RegExp(FAILED));
      assert.equal(await page.locator('fc-account').count(), 0, 'not logged in');
      assert.match(servers.log.join('\n'), new RegExp(`"${parameter}"`), `refused for its ${parameter}`);
      // A tampered nonce comes with an ID token: the FranceConnect session is ended with it
      // as hint, and FranceConnect asks who is connecting again. A tampered state stops
      // before the code is used: no ID token, and v2 refuses session/end without one
      // (back/libs/oidc-provider/src/dto/logout-params.dto.ts), so none is sent; the next
      // login still shows FranceConnect's information step, never a silent redirect.
      if (parameter === 'nonce') {
        assert.equal(v.seen.endSession.length, 1);
        assertEndSession(v.seen.endSession[0]);
      } else {
        assert.equal(v.seen.endSession.length, 0, 'no session/end without an ID token');
        assert.doesNotMatch(await flash(page), /déconnecté/, 'no claim of a FranceConnect logout');
      }
      await page.goto(`${servers.serviceOrigin}/connexion`);
      assert.equal(await clickFranceConnect(page), parameter === 'nonce', 'identity choice after session/end only');
      if (parameter === 'state') assert.equal(atInformation(page), true, 'FranceConnect’s information step');
      await v.close();
    });
  }

  it('rule 19: an authorize without acr_values stops on FranceConnect’s 400 page (Y030007), nothing goes back to the service', async () => {
    // back/apps/core-fcp/src/controllers/oidc-provider.controller.ts: the parameters are checked first.
    const v = await visitor({ handmade: true });
    const { page } = v;
    const response = await v.context.request.get(`${servers.serviceOrigin}/auth/franceconnect/login`, { maxRedirects: 0 });
    const authorize = new URL(response.headers().location);
    authorize.searchParams.delete('acr_values');
    const shown = await page.goto(authorize.href);
    assert.equal(shown.status(), 400);
    assert.equal(new URL(page.url()).origin, servers.fcOrigin, 'the browser stays at FranceConnect');
    assert.match(await page.locator('main').innerText(), /Erreur Y030007/);
    await v.close();
  });

  it('« Revenir sur Mon service » at FranceConnect: back home with a French message, not logged in, nothing ended', async () => {
    // error=access_denied with state and iss: back/apps/core-fcp/src/views/includes/back-button.ejs.
    const v = await visitor();
    const { page } = v;
    servers.log.length = 0;
    await page.goto(`${servers.serviceOrigin}/connexion`);
    assert.equal(await clickFranceConnect(page), true);
    await page.getByRole('link', { name: 'Revenir sur Mon service' }).click();
    await page.waitForURL(at(servers.serviceOrigin, '/'));
    assert.match(await flash(page), new RegExp(CANCELLED));
    assert.equal(await page.locator('fc-account').count(), 0, 'not logged in');
    assert.match(servers.log.join('\n'), /access_denied/);
    assert.equal(v.seen.endSession.length, 0, 'no session/end without an ID token');
    await v.close();
  });

  it('rules 19 and 21: every authorize of this run carries acr_values=eidas1 and the registered client_id', async () => {
    const v = await visitor();
    await logIn(v.page, PEOPLE.marie);
    await v.close();
    assert.ok(allAuthorize.length >= 10, `${allAuthorize.length} authorize requests seen`);
    for (const url of allAuthorize) {
      assert.equal(url.searchParams.get('acr_values'), 'eidas1');
      assert.equal(url.searchParams.get('client_id'), servers.clientId);
      assert.equal(url.searchParams.get('response_type'), 'code');
      // Rule 17: at least the pivot identity.
      const scopes = url.searchParams.get('scope').split(' ');
      for (const scope of ['openid', 'given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry']) {
        assert.ok(scopes.includes(scope), `scope ${scope}`);
      }
    }
  });
});

describe('the pages of the journey are accessible', () => {
  it('axe finds nothing on the service’s pages, logged out and in, nor on the local FranceConnect’s', async () => {
    const v = await visitor({ handmade: true });
    const { page } = v;
    const found = {};
    const check = async (name) => {
      await page.waitForFunction(() => customElements.get('fc-login-block') !== undefined || !document.querySelector('script[src*="franceconnect-elements"]'));
      found[name] = await axeViolations(page);
    };
    for (const path of ['/', '/connexion', '/inscription']) {
      await page.goto(`${servers.serviceOrigin}${path}`);
      await check(path);
    }
    await page.goto(`${servers.serviceOrigin}/connexion`);
    await clickFranceConnect(page);
    found['FranceConnect: identity'] = await axeViolations(page);
    await page.getByRole('button', { name: new RegExp(`^${PEOPLE.yasmine}`) }).click();
    await page.getByRole('button', { name: 'Continuer sur Mon service' }).waitFor();
    found['FranceConnect: Continuer'] = await axeViolations(page);
    await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
    await page.waitForURL(at(servers.serviceOrigin, '/', '/profil'));
    for (const path of ['/', '/profil']) {
      await page.goto(`${servers.serviceOrigin}${path}`);
      await check(`${path} (logged in)`);
    }
    // FranceConnect's error page (an authorize without acr_values), with its code.
    const authorize = new URL((await v.context.request.get(`${servers.serviceOrigin}/auth/franceconnect/login`, { maxRedirects: 0 })).headers().location);
    authorize.searchParams.delete('acr_values');
    await page.goto(authorize.href);
    found['FranceConnect: error'] = await axeViolations(page);
    assert.deepEqual(found, Object.fromEntries(Object.keys(found).map((name) => [name, []])));
    await v.close();
  });
});

describe('the local FranceConnect refuses what FranceConnect v2 refuses, and only that', () => {
  const authorize = (changes) => {
    const url = new URL(`${servers.fc.issuer}/authorize`);
    const params = {
      client_id: servers.clientId,
      redirect_uri: `${servers.serviceOrigin}/auth/franceconnect/callback`,
      response_type: 'code',
      scope: 'openid given_name family_name',
      acr_values: 'eidas1',
      state: 'S'.repeat(22),
      nonce: 'N'.repeat(22),
      ...changes,
    };
    for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
    return fetch(url, { redirect: 'manual' });
  };
  /** v2's own page: HTTP 400, its code, and nothing sent back to the service. */
  async function assertRefused(response, code) {
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('location'), null, 'no redirect to the service');
    assert.match(await response.text(), new RegExp(`Erreur ${code}`));
  }
  const startsInteraction = (response) => {
    assert.equal(response.status, 303);
    assert.match(response.headers.get('location'), /^\/api\/v2\/interaction\//);
  };

  it('accepts eidas1 with 22-character state and nonce (the interaction starts)', async () => {
    startsInteraction(await authorize({}));
  });

  it('rule 19: refuses an authorize without acr_values on its own 400 page; keeps eidas1 when the levels asked are unknown', async () => {
    await assertRefused(await authorize({ acr_values: undefined }), 'Y030007');
    // back/libs/core/src/transforms/acr.transform.ts: unknown levels give the default, eidas1.
    for (const acr of ['eidas0', 'substantial', 'eidas1 inconnu']) startsInteraction(await authorize({ acr_values: acr }));
  });

  it('rule 20 is the qualifier’s: v2 refuses a nonce under 22 characters, and accepts any state', async () => {
    await assertRefused(await authorize({ nonce: 'N'.repeat(21) }), 'Y030007');
    await assertRefused(await authorize({ nonce: undefined }), 'Y030007');
    startsInteraction(await authorize({ state: 'S' }));
  });

  it('rule 21: refuses a client_id it has not registered, on a page that says it is a local demonstration', async () => {
    const response = await authorize({ client_id: 'f'.repeat(64) });
    assert.equal(response.status, 400);
    const body = await response.text();
    assert.match(body, /Erreur Y04EA6EF/);
    assert.match(body, /invalid_client/);
    assert.match(body, /Démonstration locale/);
  });

  it('publishes FranceConnect v2’s endpoints, signatures, level and scopes', async () => {
    const discovery = await (await fetch(`${servers.fc.issuer}/.well-known/openid-configuration`)).json();
    assert.equal(discovery.issuer, servers.fc.issuer);
    for (const [key, path] of Object.entries({
      authorization_endpoint: 'authorize',
      token_endpoint: 'token',
      userinfo_endpoint: 'userinfo',
      end_session_endpoint: 'session/end',
      jwks_uri: 'jwks',
    })) {
      assert.equal(discovery[key], `${servers.fc.issuer}/${path}`);
    }
    assert.deepEqual([...discovery.id_token_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.deepEqual([...discovery.userinfo_signing_alg_values_supported].sort(), ['ES256', 'HS256', 'RS256']);
    assert.deepEqual(discovery.acr_values_supported, ['eidas1']);
    for (const scope of ['openid', 'identite_pivot', 'given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry', 'email', 'preferred_username']) {
      assert.ok(discovery.scopes_supported.includes(scope), scope);
    }
    const { keys } = await (await fetch(discovery.jwks_uri)).json();
    assert.deepEqual(keys.map((key) => [key.kty, key.alg]).sort(), [['EC', 'ES256'], ['RSA', 'RS256']]);
    assert.ok(keys.every((key) => key.d === undefined), 'no private part published');
  });
});

describe('the reference service with an RS256 client', () => {
  it('rules 8 and 9: logs in and out with its ID token and userinfo signed RS256, as chosen in the partner space', async () => {
    const rs = await startServers({ signingAlg: 'RS256' });
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(`${rs.serviceOrigin}/connexion`);
      await page.getByRole('button', { name: FC_BUTTON }).click();
      await page.getByRole('button', { name: new RegExp(`^${PEOPLE.jeanLuc}`) }).click();
      await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
      await page.waitForURL((url) => url.origin === rs.serviceOrigin && url.pathname === '/profil');
      assert.equal(await page.locator('fc-profile-form').getByRole('textbox', { name: 'Nom de naissance' }).innerText(), 'N’DIAYE');
      await page.locator('header fc-account').getByRole('button', { name: 'Se déconnecter' }).click();
      await page.waitForURL((url) => url.origin === rs.serviceOrigin && url.pathname === '/');
      assert.match(await page.locator('.flash').innerText(), /déconnecté\(e\) de Mon service et de FranceConnect/);
      assert.deepEqual(rs.log, [], 'nothing refused');
    } finally {
      await context.close();
      await rs.close();
    }
  });
});
