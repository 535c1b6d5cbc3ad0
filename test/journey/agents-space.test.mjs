// The reference service's agents' space (/agents), logging in with the local ProConnect,
// driven by the rehearsal's own browser steps (franceconnect-rehearse/driver): its pages
// are accessible, the agent's names and organisation show at once, hostile claims stay text,
// the authorize carries what ProConnect documents, logout goes through session/end, and a
// login at a level below the one required is refused and ends the ProConnect session.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, Visitor } from 'franceconnect-rehearse/driver';
import { demoAgents } from 'franceconnect-rehearse/local-proconnect';
import { startAgentServers } from './servers.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const CAMILLE = demoAgents.find((agent) => agent.usual_name === 'Martin');
const HOSTILE = demoAgents.find((agent) => agent.usual_name.includes('<svg'));

async function axeViolations(visitor) {
  await visitor.page.addScriptTag({ path: AXE });
  return visitor.page.evaluate(async () => (await globalThis.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
}

let browser;
let servers;
before(async () => {
  browser = await launchBrowser();
  servers = await startAgentServers();
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

const visit = () => Visitor.open(browser, { franceConnect: servers.pc.issuer, service: servers.serviceOrigin });
const authorizeCalls = (since = 0) => servers.pc.received.slice(since).filter((r) => r.endpoint === 'authorize').map((r) => Object.fromEntries(r.params));

/** From /agents to the account page as `agent`; the visitor is then logged in. */
async function logIn(visitor, agent = CAMILLE) {
  await visitor.goto(`${servers.serviceOrigin}/agents`);
  const { button, state } = await visitor.activateProConnect();
  assert.ok(button, 'a ProConnect button on /agents');
  assert.equal(state.page, 'identity', `ProConnect’s login page, not ${state.url}`);
  const back = await visitor.chooseAgent(agent);
  assert.equal(back.at, 'service', `back at the service, not ${back.url}`);
  return visitor.look(agent);
}

describe('the agents’ space of the Node reference service, with the local ProConnect', () => {
  it('/agents: ProConnect’s block (button « S’identifier avec ProConnect », its link), and axe finds nothing there, at ProConnect, nor on the account page', async () => {
    const visitor = await visit();
    await visitor.goto(`${servers.serviceOrigin}/agents`);
    await visitor.page.waitForFunction(() => customElements.get('fc-login-block') !== undefined);
    assert.equal(await visitor.page.getByRole('button', { name: 'S’identifier avec ProConnect' }).count(), 1);
    assert.equal(await visitor.page.getByRole('link', { name: /Qu’est-ce que ProConnect/ }).count(), 1);
    const found = { '/agents': await axeViolations(visitor) };
    assert.equal((await visitor.activateProConnect()).state.page, 'identity');
    found['ProConnect: login page'] = await axeViolations(visitor);
    assert.equal((await visitor.chooseAgent(CAMILLE)).at, 'service');
    found['/agents (logged in)'] = await axeViolations(visitor);
    await visitor.goto(`${servers.serviceOrigin}/agents/compte`);
    found['/agents/compte'] = await axeViolations(visitor);
    assert.deepEqual(found, { '/agents': [], 'ProConnect: login page': [], '/agents (logged in)': [], '/agents/compte': [] });
    await visitor.close();
  });

  it('a login: the account page names the agent (given_name, usual_name, organisation) without a click; the authorize asks the level through claims, with a state and a nonce of 32 characters at least', async () => {
    const visitor = await visit();
    const since = servers.pc.received.length;
    const look = await logIn(visitor);
    assert.equal(new URL(look.url).pathname, '/agents');
    assert.equal(look.namesVisible, true, `names visible: ${look.text.visible}`);
    assert.match(look.text.visible, /Camille Martin\s*, Direction interministérielle du numérique/);
    await visitor.goto(`${servers.serviceOrigin}/agents/compte`);
    const account = await visitor.look(CAMILLE);
    assert.match(account.text.visible, /Nom d’usage Martin/);
    assert.match(account.text.visible, /13002526500013/);
    const [call] = authorizeCalls(since);
    assert.ok(call.state.length >= 32 && call.nonce.length >= 32, `${call.state} / ${call.nonce}`);
    assert.deepEqual(JSON.parse(call.claims), { id_token: { acr: { essential: true, values: ['eidas1', 'eidas2', 'eidas3'] } } });
    assert.equal(call.acr_values, undefined);
    assert.match(call.scope, /\busual_name\b/);
    assert.match(call.scope, /\borganization_label\b/);
    await visitor.close();
  });

  it('a hostile agent: every claim shown as text, no script run', async () => {
    const visitor = await visit();
    const dialogs = [];
    visitor.page.on('dialog', (dialog) => dialogs.push(dialog.message()));
    await logIn(visitor, HOSTILE);
    await visitor.goto(`${servers.serviceOrigin}/agents/compte`);
    const look = await visitor.look(HOSTILE);
    assert.equal(new URL(look.url).pathname, '/agents/compte');
    assert.ok(look.text.visible.includes(HOSTILE.usual_name), 'the usual_name, as text');
    assert.ok(look.text.visible.includes(HOSTILE.organization_label));
    assert.equal(await visitor.page.locator('main svg, main img, main script').count(), 0, 'no markup from the claims');
    assert.deepEqual(dialogs, []);
    await visitor.close();
  });

  it('logout: session/end with id_token_hint, state and post_logout_redirect_uri, back at /agents logged out with a message; the next login asks ProConnect again', async () => {
    const visitor = await visit();
    await logIn(visitor);
    const since = servers.pc.received.length;
    const control = await visitor.control(/Se déconnecter/);
    assert.ok(control && !control.hidden, 'a visible logout button');
    await visitor.clickAndNavigate(control.locator);
    const back = await visitor.until((s) => s.at === 'service' && new URL(s.url).pathname === '/agents');
    assert.equal(back.at, 'service');
    const end = servers.pc.received.slice(since).find((r) => r.endpoint === 'session/end');
    const params = Object.fromEntries(end.params);
    assert.ok(params.id_token_hint);
    assert.ok(params.state.length >= 32);
    assert.equal(params.post_logout_redirect_uri, `${servers.serviceOrigin}/agents/auth/logout/callback`);
    const look = await visitor.look(CAMILLE);
    assert.equal(look.loggedIn, false);
    assert.match(look.message, /déconnecté\(e\) de l’espace agents et de ProConnect/);
    await visitor.goto(`${servers.serviceOrigin}/agents`);
    assert.equal((await visitor.activateProConnect()).state.page, 'identity', 'ProConnect asks again');
    await visitor.close();
  });

  it('a second login in the same browser without logout: ProConnect reuses its session, straight back, no page', async () => {
    const visitor = await visit();
    await logIn(visitor);
    await visitor.page.context().clearCookies({ name: 'agents_session' });
    await visitor.goto(`${servers.serviceOrigin}/agents`);
    const { state } = await visitor.activateProConnect();
    assert.equal(state.at, 'service');
    assert.equal((await visitor.look(CAMILLE)).namesVisible, true);
    await visitor.close();
  });

  it('a login finished below the level required (the required acr taken out on its way to ProConnect): refused, with a message, and the ProConnect session ended with its ID token', async () => {
    const visitor = await visit();
    const since = servers.pc.received.length;
    servers.pc.tamperNext('acr');
    const look = await logIn(visitor);
    assert.equal(look.loggedIn, false, `not logged in: ${look.text.visible}`);
    assert.match(look.message, /La connexion avec ProConnect n’a pas abouti/);
    assert.ok(servers.log.some((line) => /unexpected acr eidas0/.test(line)), servers.log.join('\n'));
    const end = servers.pc.received.slice(since).find((r) => r.endpoint === 'session/end');
    assert.ok(end && Object.fromEntries(end.params).id_token_hint, 'session/end with the refused ID token');
    await visitor.close();
  });

  it('« Revenir sur … » at ProConnect: back at /agents with a French message, nothing ended', async () => {
    const visitor = await visit();
    const since = servers.pc.received.length;
    await visitor.goto(`${servers.serviceOrigin}/agents`);
    assert.equal((await visitor.activateProConnect()).state.page, 'identity');
    await visitor.clickAndNavigate(visitor.page.getByRole('link', { name: /^Revenir sur / }));
    assert.equal((await visitor.until((s) => s.at === 'service')).at, 'service');
    const look = await visitor.look(CAMILLE);
    assert.equal(look.loggedIn, false);
    assert.match(look.message, /La connexion avec ProConnect a été interrompue ou refusée/);
    assert.deepEqual(servers.pc.received.slice(since).filter((r) => r.endpoint === 'session/end'), []);
    await visitor.close();
  });
});
