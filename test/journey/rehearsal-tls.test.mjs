// Rule 18 as franceconnect-rehearse measures it for an https: service (judged by the page
// audit's judgeTls, as franceconnect-audit --follow judges it), against two loopback
// https servers: one that still accepts TLS 1.0 and 1.1, one limited to 1.2 and 1.3. Only
// handshakes are sent.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tlsFinding as judgeTls } from '../../packages/rehearse/lib/tls.mjs';
import { referenceService, rehearse } from './servers.mjs';

let key;
let cert;
let dir;
const servers = [];
before(() => {
  // A self-signed certificate made now, with Debian's openssl (no key is committed).
  dir = mkdtempSync(join(tmpdir(), 'rehearsal-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  key = readFileSync(join(dir, 'key.pem'));
  cert = readFileSync(join(dir, 'cert.pem'));
});
after(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

async function https(minVersion) {
  const server = createServer({ key, cert, minVersion, ciphers: 'DEFAULT:@SECLEVEL=0' }, (req, res) => res.end('ok'));
  servers.push(server);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `https://127.0.0.1:${server.address().port}/`;
}

describe('rule 18 of a rehearsal', () => {
  it('fails a service that accepts TLS 1.1, quoting what each version got', async () => {
    const finding = await judgeTls(await https('TLSv1'));
    assert.equal(finding.status, 'fail', finding.message);
    assert.match(finding.message, /TLS 1\.1 acceptée.*la règle 18 interdit TLS 1\.0 et 1\.1/);
  });

  it('passes a service limited to TLS 1.2 and 1.3', async () => {
    const finding = await judgeTls(await https('TLSv1.2'));
    assert.equal(finding.status, 'pass', finding.message);
    assert.match(finding.message, /TLS 1(?:\.0)? refusée, TLS 1\.1 refusée, TLS 1\.2 acceptée, TLS 1\.3 acceptée/);
  });

  it('says http on this machine is not applicable, and http elsewhere fails', async () => {
    assert.equal((await judgeTls('http://127.0.0.1:8000/')).status, 'not-applicable');
    assert.equal((await judgeTls('http://service.example.fr/')).status, 'fail');
  });
});

/** The rules whose findings fail, and the status of each rule. */
const failing = (json) => json.rules.filter((r) => r.status === 'fail').map((r) => r.rule);
const statuses = (json) => Object.fromEntries(json.rules.map((r) => [r.rule, r.status]));
/** A clean run of the Node service over https: rule 18 is judged and passes; 11 and 22 are never checked here. */
const CLEAN_HTTPS = Object.fromEntries(Array.from({ length: 22 }, (_, i) => i + 1).map((rule) => [rule, rule === 11 || rule === 22 ? 'not-checked' : 'pass']));

describe('a whole rehearsal of the Node service served over https (TLS_KEY and TLS_CERT, a self-signed certificate)', { concurrency: 2 }, () => {
  it('exit 0: every rule passes, rule 18 with TLS 1.0 and 1.1 refused', async () => {
    const service = await referenceService('node', { tls: { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') } });
    const run = await rehearse([...service.args, '--json'], service.env);
    assert.ok(run.json, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.code, 0, `${run.stderr}\n${JSON.stringify(run.json.findings.filter((f) => f.status === 'fail'), null, 1)}`);
    assert.deepEqual(statuses(run.json), CLEAN_HTTPS);
    const tls = run.json.findings.find((f) => f.rule === 18);
    assert.match(tls.message, /TLS 1\.1 refusée, TLS 1\.2 acceptée/);
  });

  it('SERVICE_FAULTS=old-tls (TLS 1.0 and 1.1 still accepted): rule 18 fails, every other rule passes', async () => {
    const service = await referenceService('node', { tls: { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') } });
    const run = await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: 'old-tls' });
    assert.ok(run.json, `${run.stdout}\n${run.stderr}`);
    assert.equal(run.code, 1);
    assert.deepEqual(failing(run.json), [18], JSON.stringify(run.json.findings.filter((f) => f.status === 'fail'), null, 1));
    assert.match(run.json.findings.find((f) => f.rule === 18).message, /TLS 1\.1 acceptée/);
    assert.deepEqual({ ...statuses(run.json), 18: 'pass' }, CLEAN_HTTPS);
  });
});
