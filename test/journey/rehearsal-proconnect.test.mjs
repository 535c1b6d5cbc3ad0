// `npx franceconnect-rehearse --provider proconnect` against the Node reference service's
// agents' space (/agents), started by --start, and the Python one's: every ProConnect rule passes; six variants of
// the service, each wrong in one way ProConnect's documentation forbids, fail exactly the rule
// they break; the options and the report are what docs/rehearsal.md says.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FAULTS } from '../../examples/service/faults.mjs';
import { agentsService, rehearse } from './servers.mjs';

const RULES = ['pc-login', 'pc-name', 'pc-logout', 'pc-state', 'pc-acr', 'pc-popup'];
const dir = mkdtempSync(join(tmpdir(), 'rehearsal-pc-'));
before(() => assert.ok(existsSync(new URL('../../dist/cdn/franceconnect-elements.js', import.meta.url)), 'npm run build first'));
after(() => rmSync(dir, { recursive: true, force: true }));

function parsed(run) {
  assert.ok(run.json, `no JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run.json;
}
const statuses = (json) => Object.fromEntries(json.rules.map((r) => [r.rule, r.status]));

describe('franceconnect-rehearse --provider proconnect', { concurrency: 3 }, () => {
  it('the agents’ space passes every ProConnect rule: exit 0, findings in the audit’s shape, a report that says ProConnect', async () => {
    const service = await agentsService();
    const report = join(dir, 'agents.html');
    const run = await rehearse([...service.args, '--json', '--report', report], service.env);
    const json = parsed(run);
    assert.equal(run.code, 0, `${run.stderr}\n${JSON.stringify(json.findings.filter((f) => f.status !== 'pass'), null, 1)}`);
    assert.deepEqual(statuses(json), Object.fromEntries(RULES.map((rule) => [rule, 'pass'])));
    assert.equal(json.provider, 'proconnect');
    assert.match(json.proconnect.issuer, /^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
    for (const f of json.findings) assert.deepEqual(Object.keys(f).sort(), ['evidence', 'message', 'rule', 'status'], JSON.stringify(f));
    const says = (rule) => json.findings.filter((f) => f.rule === rule).map((f) => f.message).join('\n');
    assert.match(says('pc-logout'), /session\/end avec id_token_hint, state et post_logout_redirect_uri=http:\/\/127\.0\.0\.1:\d+\/agents\/auth\/logout\/callback/);
    assert.match(says('pc-name'), /Jean-Luc N’Diaye visible sans clic sur \/agents/);
    assert.match(says('pc-acr'), /ID token au niveau eidas0 refusé/);
    assert.match(says('pc-acr'), /Niveau exigé par claims dans chacun des \d+ appels : eidas1, eidas2, eidas3/);
    const html = readFileSync(report, 'utf8');
    assert.match(html, /<h1>Répétition des exigences ProConnect<\/h1>/);
    assert.match(html, /ProConnect local/);
    assert.doesNotMatch(html, /<script/);
  });

  it('the Python service’s agents’ space (Flask and Authlib, another stack than the one it was built with): every ProConnect rule passes', async () => {
    const service = await agentsService({ service: 'python' });
    const run = await rehearse([...service.args, '--json'], service.env);
    const json = parsed(run);
    assert.equal(run.code, 0, `${run.stderr}\n${JSON.stringify(json.findings.filter((f) => f.status !== 'pass'), null, 1)}`);
    assert.deepEqual(statuses(json), Object.fromEntries(RULES.map((rule) => [rule, 'pass'])));
    const says = (rule) => json.findings.filter((f) => f.rule === rule).map((f) => f.message).join('\n');
    assert.match(says('pc-logout'), /session\/end avec id_token_hint, state et post_logout_redirect_uri=http:\/\/127\.0\.0\.1:\d+\/agents\/auth\/logout\/callback/);
    assert.match(says('pc-name'), /Jean-Luc N’Diaye visible sans clic sur \/agents/);
    assert.match(says('pc-acr'), /ID token au niveau eidas0 refusé : \/agents dit « La connexion avec ProConnect n’a pas abouti/);
  });

  it('SERVICE_FAULTS=pc-authlib-defaults on the Python space (state and nonce left to Authlib): exit 1, pc-state fails quoting both lengths, no other rule', async () => {
    const service = await agentsService({ service: 'python' });
    const run = await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: 'pc-authlib-defaults' });
    const json = parsed(run);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(statuses(json), { ...Object.fromEntries(RULES.map((r) => [r, 'pass'])), 'pc-state': 'fail' }, JSON.stringify(json.findings.filter((f) => f.status !== 'pass'), null, 1));
    const message = json.findings.find((f) => f.rule === 'pc-state' && f.status === 'fail').message;
    assert.match(message, /state=« [A-Za-z0-9]{30} » \(30 caractères\) : ProConnect le demande d’au moins 32 caractères/, message);
    assert.match(message, /nonce=« [A-Za-z0-9]{20} » \(20 caractères\)/, message);
  });

  for (const [fault, rule] of [
    ['pc-short-state', 'pc-state'],
    ['pc-acr-values', 'pc-acr'],
    ['pc-acr-not-checked', 'pc-acr'],
    ['pc-logout-without-session-end', 'pc-logout'],
    ['pc-name-in-menu', 'pc-name'],
    ['pc-popup-login', 'pc-popup'],
  ]) {
    it(`SERVICE_FAULTS=${fault} (${FAULTS[fault].what}): exit 1, ${rule} fails and no other rule`, async () => {
      assert.equal(FAULTS[fault].rule, rule, 'the fault says which rule it breaks');
      const service = await agentsService();
      const run = await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: fault });
      const json = parsed(run);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(statuses(json), { ...Object.fromEntries(RULES.map((r) => [r, 'pass'])), [rule]: 'fail' }, JSON.stringify(json.findings.filter((f) => f.status !== 'pass'), null, 1));
    });
  }

  it('options: a misspelt provider, or an option ProConnect has no use for, stops the run (exit 2) with one sentence', async () => {
    const service = await agentsService();
    const bad = await rehearse(service.args.map((arg) => (arg === 'proconnect' ? 'agentconnect' : arg)), service.env);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--provider « agentconnect » : franceconnect \(par défaut\) ou proconnect\./);
    const signup = await rehearse([...service.args, '--signup', '/inscription'], service.env);
    assert.equal(signup.code, 2);
    assert.match(signup.stderr, /--signup ne s’applique pas à --provider proconnect/);
  });
});
