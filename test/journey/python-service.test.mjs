// A client of another stack against the local FranceConnect: the Python reference
// service (examples/service-python, Flask and Authlib from Debian), configured only as
// FranceConnect's documentation tells integrators, logs in, reads the claims and logs
// out in a real Chromium.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { freePort, PYTHON, registration, startFranceConnect, startPythonService, startServers } from './servers.mjs';

let browser;
let servers;
before(async () => {
  assert.ok(existsSync(PYTHON), `${PYTHON} (Debian's Python, with python3-flask and python3-authlib) is needed`);
  servers = await startServers({ service: 'python' });
  browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

describe('the Python reference service against the local FranceConnect', () => {
  it('rules 8, 9, 17, 19, 20: logs in, reads the claims from the signed userinfo, logs out through session/end', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const authorize = [];
    const endSession = [];
    context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== servers.fcOrigin) return;
      if (url.pathname === '/api/v2/authorize') authorize.push(url);
      if (url.pathname === '/api/v2/session/end') endSession.push(url);
    });
    const page = await context.newPage();
    await page.goto(servers.serviceOrigin);
    await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
    await page.getByRole('button', { name: /^Yasmine EL AMRANI/ }).click();
    await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
    await page.waitForURL(`${servers.serviceOrigin}/`);
    assert.match(await page.locator('.flash').innerText(), /Vous êtes connecté\(e\) avec FranceConnect/);
    const claims = Object.fromEntries(
      await page.locator('table tr').evaluateAll((rows) => rows.map((row) => [row.querySelector('th').textContent, JSON.parse(row.querySelector('td').textContent)])),
    );
    assert.equal(claims.given_name, 'Yasmine');
    assert.equal(claims.family_name, 'EL AMRANI');
    assert.equal(claims.birthdate, '2001-02-28');
    assert.equal(claims.email, 'yasmine.elamrani@example.fr');
    assert.deepEqual(claims.given_name_array, ['Yasmine']);
    assert.match(claims.sub, /^[0-9a-f]{64}v1$/);

    const [first] = authorize;
    assert.equal(first.searchParams.get('acr_values'), 'eidas1');
    assert.equal(first.searchParams.get('client_id'), servers.clientId);
    for (const name of ['state', 'nonce']) assert.match(first.searchParams.get(name), /^[A-Za-z0-9]{22,}$/, name);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(`${servers.serviceOrigin}/`);
    assert.match(await page.locator('.flash').innerText(), /déconnecté\(e\) du service et de FranceConnect/);
    assert.equal(endSession.length, 1);
    assert.match(endSession[0].searchParams.get('id_token_hint'), /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.equal(endSession[0].searchParams.get('post_logout_redirect_uri'), `${servers.serviceOrigin}/auth/franceconnect/logout/callback`);
    // The FranceConnect session is over: the next login asks who is connecting.
    await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
    await page.getByRole('button', { name: /^Yasmine EL AMRANI/ }).waitFor();
    assert.deepEqual(servers.log.filter((line) => /refused/.test(line)), []);
    await context.close();
  });

  it('rule 8 with an RS256 client: the Python service checks the RS256 ID token and userinfo', async () => {
    const rs = await startServers({ service: 'python', signingAlg: 'RS256' });
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(rs.serviceOrigin);
      await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
      await page.getByRole('button', { name: /^Marie Anne CLÉMENT/ }).click();
      await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
      await page.waitForURL(`${rs.serviceOrigin}/`);
      assert.match(await page.locator('.flash').innerText(), /Vous êtes connecté\(e\) avec FranceConnect/);
      assert.match(await page.locator('table').innerText(), /CLÉMENT/);
      assert.deepEqual(rs.log.filter((line) => /refused/.test(line)), []);
    } finally {
      await context.close();
      await rs.close();
    }
  });

  it('control: a Python service expecting RS256 refuses an ES256 ID token, and ends the FranceConnect session with it', async () => {
    // The deliberately broken variant: registered ES256 at FranceConnect, configured RS256.
    const port = await freePort();
    const client = registration({ origin: `http://127.0.0.1:${port}`, signingAlg: 'ES256', name: 'Mon service' });
    const fc = await startFranceConnect([client]);
    const log = [];
    const service = await startPythonService({ issuer: fc.issuer, client: { ...client, signing_alg: 'RS256' }, port, log: (line) => log.push(line) });
    const context = await browser.newContext({ locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto(service.url);
      await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
      await page.getByRole('button', { name: /^Marie Anne CLÉMENT/ }).click();
      await page.getByRole('button', { name: 'Continuer sur Mon service' }).click();
      await page.waitForURL(service.url);
      assert.match(await page.locator('.flash').innerText(), /La connexion avec FranceConnect n’a pas abouti/);
      assert.equal(await page.locator('table').count(), 0, 'not logged in');
      assert.match(log.join('\n'), /ID token signed ES256, not RS256/);
      // The ID token was used as id_token_hint: FranceConnect asks who is connecting again.
      await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
      await page.getByRole('button', { name: /^Marie Anne CLÉMENT/ }).waitFor();
    } finally {
      await context.close();
      await service.close();
      await fc.close();
    }
  });

  it('« Revenir sur Mon service »: back at the Python service with a French message, state checked', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(servers.serviceOrigin);
    await page.getByRole('button', { name: 'S’identifier avec FranceConnect' }).click();
    await page.getByRole('link', { name: 'Revenir sur Mon service' }).click();
    await page.waitForURL(`${servers.serviceOrigin}/`);
    assert.match(await page.locator('.flash').innerText(), /Vous avez interrompu la connexion avec FranceConnect/);
    assert.equal(await page.locator('table').count(), 0, 'not logged in');
    await context.close();
  });
});
