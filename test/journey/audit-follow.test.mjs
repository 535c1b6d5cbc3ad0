// `npx franceconnect-audit <url> --follow`, run as a person runs it (a child process),
// against the reference service and the local FranceConnect of `npm run demo`, against
// the service made wrong one rule at a time (examples/service/faults.mjs), and against
// loopback https servers that do or do not accept TLS 1.1 (rule 18).
//
// Nothing leaves this machine, and it is proven, not assumed:
// - every request any server of this process receives is recorded (node's
//   http.server.request.start channel): FranceConnect's authorize never is;
// - the audit's browser is given a proxy on loopback that refuses and records every
//   request for another host: it records none (and does record one a page asks for, in
//   the test that shows the guard works).
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServers } from './servers.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Every request a server of this process received: path and host. */
const received = [];
subscribe('http.server.request.start', ({ request }) => received.push(`${request.headers.host}${request.url}`));
const authorizeReceived = () => received.filter((r) => /\/api\/v[12]\/authorize/.test(r));

/** A proxy on loopback that lets nothing through, and says what was asked of it. */
async function startRefusingProxy() {
  const asked = [];
  const server = createHttp((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    asked.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { asked, url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

let proxy;

/** Runs the audit command; its JSON report, exit code and error output. */
function audit(args) {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/franceconnect-audit.mjs'), ...args],
      { timeout: 170000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '' } },
      (error, stdout, stderr) => {
        const code = error ? (error.code ?? 1) : 0;
        let report;
        try {
          report = JSON.parse(stdout);
        } catch {
          report = undefined;
        }
        resolve({ code, stdout, stderr, report });
      },
    );
  });
}

const followed = (report) => report.follow.findings;
const failing = (findings) => [...new Set(findings.filter((f) => f.status === 'fail').map((f) => f.rule))].sort((a, b) => a - b);
const show = (findings) => findings.map((f) => `${f.rule} ${f.status}: ${f.message}`).join('\n');

/** A static server for this repository's test pages and the DSFR's files, on loopback. */
async function startStatic(routes = {}) {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.woff': 'font/woff' };
  const server = createHttp((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (routes[path]) return routes[path](req, res, `http://${req.headers.host}`);
    if (!/^\/(?:test\/audit\/|node_modules\/@gouvfr\/dsfr\/dist\/)/.test(path) || path.includes('..')) return res.writeHead(404).end();
    try {
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(join(ROOT, path)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A login page whose FranceConnect link goes to `/go`, which redirects to `authorize(origin)`. */
const fcPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Connexion</title></head><body><main><h1>Connexion</h1>
  <p>FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.</p>
  <a id="fc" href="/go" style="display:inline-block;width:209px;height:56px;background:#000091;color:#f5f5fe">S’identifier avec FranceConnect</a>
  </main></body></html>`;
const goodParameters = (origin) =>
  new URLSearchParams({
    client_id: 'abc123',
    redirect_uri: `${origin}/callback`,
    response_type: 'code',
    scope: 'openid identite_pivot email',
    acr_values: 'eidas1',
    state: Math.random().toString(36).slice(2).repeat(4).replace(/[^a-z0-9]/g, '').slice(0, 32),
    nonce: Math.random().toString(36).slice(2).repeat(4).replace(/[^a-z0-9]/g, '').slice(0, 32),
  });
const pageRoutes = (authorizePath) => ({
  '/': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(fcPage),
  '/go': (req, res, origin) => res.writeHead(302, { location: `${origin}${authorizePath}?${goodParameters(origin)}` }).end(),
});

before(async () => {
  proxy = await startRefusingProxy();
});

after(async () => {
  await proxy.close();
  assert.deepEqual(authorizeReceived(), [], 'no authorize request reached any server');
  assert.deepEqual(proxy.asked.filter((r) => !r.includes('example.invalid')), [], 'nothing but the guard test asked for another host');
});

describe('franceconnect-audit --follow, against the reference service and the local FranceConnect', { timeout: 600000 }, () => {
  let servers;
  before(async () => {
    servers = await startServers();
  });
  after(async () => {
    delete process.env.SERVICE_FAULTS;
    await servers?.close();
  });

  it('passes rules 17, 19, 20 and 21, and never lets the authorize request reach FranceConnect', async () => {
    const before = authorizeReceived().length;
    const { code, report, stderr } = await audit([`${servers.serviceOrigin}/connexion`, '--follow', '--client-id', servers.clientId, '--json']);
    assert.ok(report, stderr);
    const findings = followed(report);
    assert.deepEqual(failing(findings), [], show(findings));
    for (const rule of [8, 17, 19, 20, 21]) {
      assert.ok(findings.some((f) => f.rule === rule && f.status === 'pass'), `rule ${rule} passes\n${show(findings)}`);
    }
    assert.match(show(findings), /20 pass: state=[A-Za-z0-9]{32} \(32 caractères\), différent à la seconde activation/);
    assert.match(show(findings), /19 pass: acr_values=eidas1/);
    assert.match(show(findings), new RegExp(`21 pass: client_id=${servers.clientId}, celui attendu`));
    assert.match(show(findings), /8 pass: Le bouton .* mène à http:\/\/127\.0\.0\.1:\d+\/api\/v2\/authorize, requête arrêtée avant son départ/);
    assert.match(show(findings), /13 pass: .* dans le même onglet, sans pop-up \(mesuré\)/);
    // Plain http on this machine: rule 18 is for the service online.
    assert.match(show(findings), /18 not-applicable: Page servie en http sur cette machine/);
    assert.equal(report.ok, true, show(report.results.flatMap((r) => r.findings)));
    assert.equal(code, 0);
    assert.equal(authorizeReceived().length, before);
  });

  it('without --client-id: rule 21 shows the client_id to compare with the partner space', async () => {
    const { report } = await audit([`${servers.serviceOrigin}/connexion`, '--follow', '--json']);
    assert.match(show(followed(report)), new RegExp(`21 warn: client_id=${servers.clientId} : comparez-le à celui de votre espace partenaire`));
  });

  const faults = [
    ['no-acr', 19, /19 fail: acr_values absent ; la règle 19 demande acr_values=eidas1/],
    ['short-state', 20, /20 fail: state=[A-Za-z0-9]{12} \(12 caractères\) ; la règle 20 demande au moins 22 caractères/],
    ['fixed-state', 20, /20 fail: state=MemeValeurPourTousA1B2C3D4 identique à la seconde activation/],
    ['fixed-nonce', 20, /20 fail: nonce=MemeValeurPourTousA1B2C3D4 identique à la seconde activation/],
    ['no-pivot-scope', 17, /17 fail: scope=openid email : il manque given_name, family_name, birthdate, gender, birthplace, birthcountry/],
    ['other-client-id', 21, /21 fail: client_id=client-id-of-another-service ; attendu [0-9a-f]{64} \(--client-id\)/],
  ];
  for (const [fault, rule, words] of faults) {
    it(`the service with the fault ${fault} fails rule ${rule}, and that rule only`, async () => {
      process.env.SERVICE_FAULTS = fault;
      try {
        const { code, report, stderr } = await audit([`${servers.serviceOrigin}/connexion`, '--follow', '--client-id', servers.clientId, '--json']);
        assert.ok(report, stderr);
        const findings = followed(report);
        assert.deepEqual(failing(findings), [rule], show(findings));
        assert.match(show(findings), words);
        assert.equal(code, 1);
      } finally {
        delete process.env.SERVICE_FAULTS;
      }
    });
  }
});

describe('franceconnect-audit --follow, other services', { timeout: 300000 }, () => {
  it('a button that leads to FranceConnect v1 fails rule 8 (v1 is closed)', async () => {
    const site = await startStatic(pageRoutes('/api/v1/authorize'));
    try {
      const { report } = await audit([`${site.origin}/`, '--follow', '--json']);
      assert.match(show(followed(report)), /8 fail: Le bouton .* mène à http:\/\/127\.0\.0\.1:\d+\/api\/v1\/authorize : FranceConnect v1 est fermé/);
    } finally {
      await site.close();
    }
  });

  it('a likely FranceConnect control that leads to FranceConnect is said to be one, and still not judged on the page: exit 3', async () => {
    const site = await startStatic({
      '/': (req, res) =>
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(readFileSync(join(ROOT, 'test/audit/first/c1-text-indent.html'), 'utf8').replace('/oidc/fc/login', '/go')),
      '/go': pageRoutes('/api/v2/authorize')['/go'],
    });
    try {
      const { code, report, stdout } = await audit([`${site.origin}/`, '--follow', '--json']);
      assert.match(show(followed(report)), /1 warn: « Connexion » \(<a#fcLogin\.btnFc>\) mène bien à FranceConnect : c’est un bouton FranceConnect/, stdout);
      assert.match(show(followed(report)), /19 pass: acr_values=eidas1/);
      assert.equal(report.complete, false);
      assert.equal(code, 3);
    } finally {
      await site.close();
    }
  });
});

describe('franceconnect-audit --follow, a ProConnect button and a fake ProConnect authorize on loopback', { timeout: 300000 }, () => {
  // ProConnect's authorize request as its documentation lists it (proconnect-gouv/
  // proconnect-espace-partenaires, src/pages/docs/fournisseur-service/implementation_technique.md):
  // the ACR through claims, state and nonce of at least 32 characters.
  const random = (n) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'[Math.floor(Math.random() * 62)]).join('');
  const good = (origin) => ({
    response_type: 'code',
    client_id: 'pc-client',
    redirect_uri: `${origin}/callback`,
    scope: 'openid given_name usual_name email siret',
    claims: JSON.stringify({ id_token: { acr: { essential: true, values: ['eidas1'] } } }),
    state: random(43),
    nonce: random(43),
  });
  let change = (p) => p;
  let site;
  before(async () => {
    site = await startStatic({
      '/': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(join(ROOT, 'test/audit/pro/pc-hand-made.html'), 'utf8')),
      // The page's form posts here; the service redirects to ProConnect's authorize.
      '/auth/proconnect/login': (req, res, origin) =>
        res.writeHead(302, { location: `${origin}/api/v2/authorize?${new URLSearchParams(change(good(origin)))}` }).end(),
    });
  });
  after(() => site.close());

  const run = async (edit) => {
    change = edit;
    const result = await audit([`${site.origin}/`, '--follow', '--client-id', 'pc-client', '--json']);
    assert.ok(result.report, result.stderr);
    return result;
  };

  it('a good request passes, judged by ProConnect’s documentation, never reaching anyone', async () => {
    const before = authorizeReceived().length;
    const { code, report } = await run((p) => p);
    const findings = followed(report);
    assert.deepEqual(failing(findings), [], show(findings));
    assert.ok(
      findings.filter((f) => f.rule !== 18).every((f) => f.provider === 'proconnect'),
      show(findings),
    );
    assert.match(show(findings), /8 pass: Le bouton « S’identifier avec ProConnect » .* mène à http:\/\/127\.0\.0\.1:\d+\/api\/v2\/authorize, requête arrêtée avant son départ/);
    assert.match(show(findings), /8 pass: Paramètres documentés par ProConnect : response_type, client_id, redirect_uri, scope, claims, state, nonce/);
    assert.match(show(findings), /17 pass: scope=openid given_name usual_name email siret : openid demandé/);
    assert.match(show(findings), /19 pass: claims=\{"id_token":\{"acr":\{"essential":true,"values":\["eidas1"\]\}\}\} : objet JSON, niveau demandé eidas1/);
    assert.match(show(findings), /20 pass: state=[A-Za-z0-9]{43} \(43 caractères\), différent à la seconde activation/);
    assert.match(show(findings), /21 pass: client_id=pc-client, celui attendu/);
    // FranceConnect's rules are not asked of it: no pivot identity, no acr_values=eidas1.
    assert.doesNotMatch(show(findings), /identité pivot|acr_values absent/);
    assert.equal(code, 0, show([...report.results.flatMap((r) => r.findings), ...findings]));
    assert.equal(authorizeReceived().length, before);
  });

  const faults = [
    ['acr_values instead of claims', (p) => ({ ...p, acr_values: 'eidas1' }), 19, /19 fail: acr_values=eidas1 ; ProConnect ne documente pas acr_values : un niveau se demande par le paramètre claims/],
    ['a state of 22 characters (enough for FranceConnect)', (p) => ({ ...p, state: random(22) }), 20, /20 fail: state=[A-Za-z0-9]{22} \(22 caractères\) ; ProConnect demande un state aléatoire d’au moins 32 caractères/],
    ['a short nonce', (p) => ({ ...p, nonce: random(16) }), 20, /20 fail: nonce=[A-Za-z0-9]{16} \(16 caractères\) ; ProConnect demande un nonce aléatoire d’au moins 32 caractères/],
    ['claims that are no JSON', (p) => ({ ...p, claims: 'acr=eidas1' }), 19, /19 fail: claims=acr=eidas1 ; ProConnect attend un objet JSON/],
    ['a parameter ProConnect does not list', (p) => ({ ...p, ui_locales: 'fr' }), 8, /8 fail: Paramètre ui_locales hors de la liste de ProConnect ; « tout paramètre supplémentaire » lui vaut une erreur Y000400/],
    ['no openid in scope', (p) => ({ ...p, scope: 'given_name email' }), 17, /17 fail: scope=given_name email ; ProConnect demande un scope qui comprend openid/],
  ];
  for (const [name, edit, rule, words] of faults) {
    it(`${name}: fails rule ${rule} only`, async () => {
      const { code, report } = await run(edit);
      const findings = followed(report);
      assert.deepEqual(failing(findings), [rule], show(findings));
      assert.match(show(findings), words);
      assert.equal(code, 1);
    });
  }

  it('idp_hint, login_hint and siret_hint are allowed; a login_hint must be an address, a siret_hint 14 characters', async () => {
    const hints = { idp_hint: 'fia1v2', login_hint: 'camille.martin@example.gouv.fr', siret_hint: '13002526500013' };
    const { report } = await run((p) => ({ ...p, ...hints }));
    assert.deepEqual(failing(followed(report)), [], show(followed(report)));
    const wrong = await run((p) => ({ ...p, ...hints, login_hint: 'camille', siret_hint: '1300252650' }));
    assert.deepEqual(failing(followed(wrong.report)), [8], show(followed(wrong.report)));
    assert.match(show(followed(wrong.report)), /login_hint=camille ; ProConnect attend une adresse électronique[\s\S]*siret_hint=1300252650 \(10 caractères\) ; ProConnect attend un SIRET de 14 caractères/);
  });
});

describe('franceconnect-audit --follow, rule 18 on loopback https servers', { timeout: 300000 }, () => {
  let dir;
  let key;
  let cert;
  before(() => {
    // A self-signed certificate made now, with Debian's openssl (no key is committed).
    dir = mkdtempSync(join(tmpdir(), 'fc-audit-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    key = readFileSync(join(dir, 'key.pem'));
    cert = readFileSync(join(dir, 'cert.pem'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** An https server on loopback accepting TLS from `minVersion`, serving the FranceConnect page. */
  async function startTls(minVersion) {
    const routes = pageRoutes('/api/v2/authorize');
    // OpenSSL 3 offers TLS 1.0 and 1.1 only at security level 0: the old server needs it.
    const server = createHttps({ key, cert, minVersion, ciphers: 'DEFAULT:@SECLEVEL=0' }, (req, res) => {
      const path = new URL(req.url, 'https://x').pathname;
      (routes[path] ?? ((q, r) => r.writeHead(404).end()))(req, res, `https://${req.headers.host}`);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    return { origin: `https://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it('a server that accepts TLS 1.1 fails rule 18', async () => {
    const site = await startTls('TLSv1.1');
    try {
      const { report, stderr } = await audit([`${site.origin}/`, '--follow', '--ignore-https-errors', '--json']);
      assert.ok(report, stderr);
      assert.match(show(followed(report)), /18 fail: https:\/\/127\.0\.0\.1:\d+ : TLS 1 refusée, TLS 1\.1 acceptée, TLS 1\.2 acceptée, TLS 1\.3 acceptée ; la règle 18 interdit TLS 1\.0 et 1\.1/);
    } finally {
      await site.close();
    }
  });

  it('a server limited to TLS 1.2 and 1.3 passes rule 18', async () => {
    const site = await startTls('TLSv1.2');
    try {
      const { report, stderr } = await audit([`${site.origin}/`, '--follow', '--ignore-https-errors', '--json']);
      assert.ok(report, stderr);
      assert.match(show(followed(report)), /18 pass: https:\/\/127\.0\.0\.1:\d+ : TLS 1 refusée, TLS 1\.1 refusée, TLS 1\.2 acceptée, TLS 1\.3 acceptée\./);
      assert.deepEqual(failing(followed(report)), [], show(followed(report)));
    } finally {
      await site.close();
    }
  });
});

describe('franceconnect-audit: its command line', { timeout: 120000 }, () => {
  it('an option it does not know is an error, exit 2', async () => {
    for (const args of [['http://127.0.0.1:9/', '--folow'], ['http://127.0.0.1:9/', '--follow=yes'], ['http://127.0.0.1:9/', '--client-id', 'x']]) {
      const { code, stderr } = await audit(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /Option inconnue : --folow|Option inconnue : --follow=yes|--client-id ne sert qu’avec --follow/);
    }
  });

  it('the guard works: a page that asks for another host is refused by the proxy, and recorded', async () => {
    const site = await startStatic({
      '/': (req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><html lang="fr"><title>x</title><img src="http://example.invalid/pixel.png" alt=""></html>'),
    });
    try {
      await audit([`${site.origin}/`, '--json']);
      assert.ok(proxy.asked.some((r) => r.includes('example.invalid')), proxy.asked.join('\n'));
    } finally {
      await site.close();
    }
  });
});
