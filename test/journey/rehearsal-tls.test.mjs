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

let key;
let cert;
const servers = [];
before(() => {
  // A self-signed certificate made now, with Debian's openssl (no key is committed).
  const dir = mkdtempSync(join(tmpdir(), 'rehearsal-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  key = readFileSync(join(dir, 'key.pem'));
  cert = readFileSync(join(dir, 'cert.pem'));
  rmSync(dir, { recursive: true, force: true });
});
after(() => Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve)))));

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
