// What the rehearsal does not grade but the journey must still do, driven by the
// rehearsal's own browser steps (franceconnect-rehearse/driver), not a second driver:
// every page of the journey is accessible (axe), « Revenir sur … » at FranceConnect brings
// the person back with a French message, and a service that expects another signature
// than the one it registered refuses the login and ends the FranceConnect session.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, Visitor } from 'franceconnect-rehearse/driver';
import { demoIdentities } from 'franceconnect-rehearse/local-franceconnect';
import { freePort, registration, startFranceConnect, startPythonService, startServers } from './servers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const MARIE = demoIdentities.find((person) => person.family_name === 'CLÉMENT');

/** axe-core's violations on the visitor's page, as `rule: targets` lines. */
async function axeViolations(visitor) {
  await visitor.page.addScriptTag({ path: AXE });
  return visitor.page.evaluate(async () =>
    (await globalThis.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  );
}

let browser;
const running = {};
before(async () => {
  browser = await launchBrowser();
  [running.node, running.python] = await Promise.all([startServers({ service: 'node' }), startServers({ service: 'python' })]);
});
after(async () => {
  await browser?.close();
  await Promise.all(Object.values(running).map((servers) => servers.close()));
});

const visit = (servers) => Visitor.open(browser, { franceConnect: servers.fc.issuer, service: servers.serviceOrigin });

for (const service of ['node', 'python']) {
  describe(`the ${service === 'node' ? 'Node' : 'Python'} reference service’s journey, beyond the rules`, () => {
    it('axe finds nothing on its pages, logged out and in, nor on the local FranceConnect’s identity choice, information step and error page', async () => {
      const servers = running[service];
      const visitor = await visit(servers);
      const found = {};
      for (const path of ['/', '/connexion', '/inscription']) {
        await visitor.goto(`${servers.serviceOrigin}${path}`);
        await visitor.page.waitForFunction(() => customElements.get('fc-login-block') !== undefined);
        found[path] = await axeViolations(visitor);
      }
      await visitor.goto(`${servers.serviceOrigin}/connexion`);
      const { state } = await visitor.activateFranceConnect();
      assert.equal(state.page, 'identity');
      found['FranceConnect: identity'] = await axeViolations(visitor);
      assert.equal((await visitor.chooseIdentity(MARIE)).page, 'information');
      found['FranceConnect: Continuer'] = await axeViolations(visitor);
      assert.equal((await visitor.continueToService()).at, 'service');
      for (const path of ['/', '/profil']) {
        await visitor.goto(`${servers.serviceOrigin}${path}`);
        found[`${path} (logged in)`] = await axeViolations(visitor);
      }
      // FranceConnect's error page: an authorize v2 refuses (here without acr_values).
      const authorize = new URL(`${servers.fc.issuer}/authorize`);
      for (const [key, value] of Object.entries({ client_id: servers.clientId, redirect_uri: `${servers.serviceOrigin}/auth/franceconnect/callback`, response_type: 'code', scope: 'openid', state: 'S'.repeat(22), nonce: 'N'.repeat(22) })) {
        authorize.searchParams.set(key, value);
      }
      await visitor.goto(authorize.href);
      assert.equal((await visitor.state()).code, 'Y030007');
      found['FranceConnect: error'] = await axeViolations(visitor);
      assert.deepEqual(found, Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      await visitor.close();
    });

    it('« Revenir sur Mon service » at FranceConnect: back with a French message, not logged in, nothing ended', async () => {
      const servers = running[service];
      const visitor = await visit(servers);
      const since = servers.fc.received.length;
      await visitor.goto(`${servers.serviceOrigin}/connexion`);
      assert.equal((await visitor.activateFranceConnect()).state.page, 'identity');
      await visitor.clickAndNavigate(visitor.page.getByRole('link', { name: 'Revenir sur Mon service' }));
      assert.equal((await visitor.until((s) => s.at === 'service')).at, 'service');
      const look = await visitor.look(MARIE);
      assert.equal(look.loggedIn, false);
      assert.match(look.message, /Vous avez interrompu la connexion avec FranceConnect/);
      assert.deepEqual(servers.fc.received.slice(since).filter((r) => r.endpoint === 'session/end'), [], 'no session/end without an ID token');
      await visitor.close();
    });
  });
}

describe('a service that expects another signature than the one it registered', () => {
  it('the Python service configured RS256, registered ES256, refuses the ES256 ID token and ends the FranceConnect session with it', async () => {
    const port = await freePort();
    const client = registration({ origin: `http://127.0.0.1:${port}`, signingAlg: 'ES256', name: 'Mon service' });
    const fc = await startFranceConnect([client]);
    const log = [];
    const service = await startPythonService({ issuer: fc.issuer, client: { ...client, signing_alg: 'RS256' }, port, log: (line) => log.push(line) });
    const visitor = await Visitor.open(browser, { franceConnect: fc.issuer, service: service.url });
    try {
      await visitor.goto(`${service.url}connexion`);
      await visitor.activateFranceConnect();
      await visitor.chooseIdentity(MARIE);
      assert.equal((await visitor.continueToService()).at, 'service');
      const look = await visitor.look(MARIE);
      assert.equal(look.loggedIn, false);
      assert.match(look.message, /La connexion avec FranceConnect n’a pas abouti/);
      assert.match(log.join('\n'), /ID token signed ES256, not RS256/);
      assert.ok(Object.fromEntries(fc.received.findLast((r) => r.endpoint === 'session/end').params).id_token_hint, 'session/end with the refused ID token');
      // The FranceConnect session is over: the next login asks who is connecting.
      await visitor.goto(`${service.url}connexion`);
      assert.equal((await visitor.activateFranceConnect()).state.page, 'identity');
    } finally {
      await visitor.close();
      await service.close();
      await fc.close();
    }
  });
});
