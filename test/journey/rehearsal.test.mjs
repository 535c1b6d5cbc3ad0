// The whole journey, end to end, is `npx franceconnect-rehearse` run against the two
// reference services as any team would run it: the Node one (examples/service) and the
// Python one (examples/service-python), each started by --start. Then ten variants of the
// Node service, each wrong in one way, must fail exactly the rule they break; a variant of
// the Python service broken in a way the Node one never was must be caught too; and the
// command's exit codes, report and JSON are what its documentation says.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { freePort, PYTHON, referenceService, rehearse } from './servers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'rehearsal-'));
before(() => {
  assert.ok(existsSync(new URL('../../dist/cdn/franceconnect-elements.js', import.meta.url)), 'npm run build first: the services serve dist/cdn/franceconnect-elements.js');
  assert.ok(existsSync(PYTHON), `${PYTHON} (Debian's Python, with python3-flask and python3-authlib) is needed`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The rules whose findings fail, and those that need a look. */
const failing = (json) => json.rules.filter((r) => r.status === 'fail').map((r) => r.rule);
const statuses = (json) => Object.fromEntries(json.rules.map((r) => [r.rule, r.status]));
/** What a clean run of a reference service says: every rule passes but those no rehearsal can check here. */
const CLEAN = Object.fromEntries(
  Array.from({ length: 22 }, (_, i) => i + 1).map((rule) => [rule, rule === 18 ? 'not-applicable' : rule === 11 || rule === 22 ? 'not-checked' : 'pass']),
);

/** The Python service's pages offer FranceConnect only: no other way in to separate by « OU » (rule 6). */
const CLEAN_PYTHON = { ...CLEAN, 6: 'not-applicable' };

/** Fails with the command's own words when it did not print JSON. */
function parsed(run) {
  assert.ok(run.json, `no JSON on stdout (exit ${run.code}):\n${run.stdout}\n${run.stderr}`);
  return run.json;
}

let nodeRun;

describe('franceconnect-rehearse passes every rule against both reference services', { concurrency: 2 }, () => {
  it('the Node service (examples/service): exit 0, every rule passes; --json lists the findings, --report writes the report', async () => {
    const service = await referenceService('node');
    const report = join(dir, 'node.html');
    const run = await rehearse([...service.args, '--json', '--report', report], service.env);
    const json = parsed(run);
    nodeRun = { json, report };
    assert.equal(run.code, 0, `${run.stderr}\n${JSON.stringify(json.findings.filter((f) => f.status === 'fail'), null, 1)}`);
    assert.deepEqual(statuses(json), CLEAN);
    assert.equal(json.ok, true);
    // Every finding in the audit's shape, French, quoting what it saw.
    for (const f of json.findings) {
      assert.deepEqual(Object.keys(f).sort(), ['evidence', 'message', 'rule', 'status'], JSON.stringify(f));
      assert.match(f.message, /[a-zà-ÿ]/);
    }
    const says = (rule) => json.findings.filter((f) => f.rule === rule && f.status === 'pass').map((f) => f.message).join('\n');
    assert.match(says(9), /session\/end avec id_token_hint, state et post_logout_redirect_uri=http:\/\/127\.0\.0\.1:\d+\/auth\/franceconnect\/logout\/callback/);
    assert.match(says(14), /Jean-Luc N’DIAYE .* visible sans clic sur \/profil, \//);
    assert.match(says(15), /Envoi falsifié .*FAUSSAIRE.* garde l’identité de FranceConnect/);
    assert.match(says(19), /acr_values=eidas1 dans les \d+ appels/);
    assert.match(says(20), /state de 32 caractères \[A-Za-z0-9\], différent à chacun des \d+ appels/);
    assert.match(says(20), /nonce modifié \(\w+ → \w+\) : la personne n’est pas connectée, \/ dit « La connexion avec FranceConnect n’a pas abouti\. Par sécurité/);
    // The page audit ran on both pages, at both widths.
    for (const page of ['/connexion', '/inscription']) {
      for (const width of ['1280 px', '320 px']) assert.ok(json.findings.some((f) => f.evidence.page === page && f.evidence.largeur === width), `${page} at ${width}`);
    }
    // Progress on stderr with --json: one line per step.
    const lines = run.stderr.split('\n').filter((line) => /^\[\d+\/\d+\]/.test(line));
    assert.equal(lines.length, json.steps.length);
    assert.match(run.stderr, /FranceConnect local : http:\/\/127\.0\.0\.1:\d+\/api\/v2\/\.well-known\/openid-configuration/);
  });

  it('the Python service (examples/service-python, Flask and Authlib) with an RS256 client: exit 0, every rule passes; one progress line per step', async () => {
    const service = await referenceService('python');
    const run = await rehearse([...service.args, '--alg', 'RS256'], service.env);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    const steps = run.stdout.split('\n').filter((line) => /^\[\d+\/13\] /.test(line));
    assert.equal(steps.length, 13, run.stdout);
    assert.ok(steps.every((line) => /^\[\d+\/13\] [✔–] /.test(line)), steps.join('\n'));
    for (const rule of [1, 3, 8, 9, 10, 12, 14, 15, 16, 17, 19, 20, 21]) assert.match(run.stdout, new RegExp(`✔ règle ${rule} +Conforme`), `rule ${rule}`);
    assert.match(run.stdout.trim().split('\n').at(-1), /^Conforme : 0 règle\(s\) en échec, 0 à vérifier, \d+ conforme\(s\)/);
  });

  it('the Node service with an RS256 client, without --profile: rules 12, 15 and 16 are said not checked, the rest passes', async () => {
    const service = await referenceService('node', { profile: false });
    const json = parsed(await rehearse([...service.args, '--alg', 'RS256', '--json'], service.env));
    assert.equal(json.exitCode, 0);
    assert.deepEqual(statuses(json), { ...CLEAN, 12: 'not-checked', 15: 'not-checked', 16: 'not-checked' });
  });
});

describe('the report a team attaches to its qualification request', () => {
  it('is one HTML file with no external resource: every rule, its status, its evidence, a screenshot per step', async () => {
    assert.ok(nodeRun, 'the Node service’s run wrote it');
    const html = readFileSync(nodeRun.report, 'utf8');
    // Nothing to fetch: no external script, style sheet, image, font or frame.
    // (assert.ok with a short message: the file is a megabyte of HTML.)
    assert.ok(!/<(?:script|link|iframe|object|embed|base)\b/i.test(html), 'no script, link, iframe, object, embed or base element');
    for (const [, url] of html.matchAll(/\s(?:src|href|srcset|action|poster|data)="([^"]*)"/g)) assert.match(url, /^(?:data:image\/jpeg;base64,|#)/, url);
    assert.ok(!/url\(|@import/i.test(html), 'no url() nor @import in the style sheet');
    assert.equal(nodeRun.json.rules.length, 22);
    for (const { rule, status } of nodeRun.json.rules) {
      const row = new RegExp(`<tr id="regle-${rule}"><td class="num">${rule}</td><td>[^<]+</td><td><span class="badge ${status}">`);
      assert.ok(row.test(html), `rule ${rule}, ${status}`);
    }
    assert.ok(/<dt>authorize<\/dt><dd><code>[^<]*client_id=[0-9a-f]{64}/.test(html), 'the evidence of rule 21: the authorize received');
    const steps = [...html.matchAll(/<section class="step"[\s\S]*?<\/section>/g)].map(([s]) => s);
    assert.equal(steps.length, nodeRun.json.steps.length);
    // A screenshot of each step in the browser; the last three read what FranceConnect and the browser recorded.
    assert.deepEqual(nodeRun.json.steps.slice(-3).map((s) => s.rules), [[17, 19, 20, 21], [13], [18]]);
    for (const step of steps.slice(0, -3)) assert.match(step, /<img src="data:image\/jpeg;base64,/, step.slice(0, 200));
    assert.doesNotMatch(html, new RegExp(nodeRun.json.franceconnect.clientSecret ?? '^$'), 'the made-up secret is not in the report');

    // Opened in Chromium, it loads nothing but itself.
    const browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
    try {
      const page = await browser.newPage();
      const requests = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(`file://${nodeRun.report}`);
      assert.deepEqual(requests.filter((url) => !url.startsWith('data:')), [`file://${nodeRun.report}`]);
      const images = await page.locator('img').evaluateAll((imgs) => imgs.map((img) => img.naturalWidth));
      assert.ok(images.length >= nodeRun.json.steps.length && images.every((w) => w > 100), `${images.length} screenshots drawn`);
    } finally {
      await browser.close();
    }
  });
});

/** The ten broken variants of the issue, and a frame (rule 13's other half), each with the rule it breaks and what the finding must quote. */
const VARIANTS = [
  ['logout-without-session-end', 9, /la déconnexion n’est pas passée par session\/end de FranceConnect.*FranceConnect n’a pas redemandé qui se connecte/],
  ['logout-without-id-token-hint', 9, /session\/end reçu sans id_token_hint ; FranceConnect v2 le refuse \(Erreur Y000400\)/],
  ['fixed-state', 20, /state=MemeValeurPourTousA1B2C3D4 envoyé \d+ fois sur \d+ appels/],
  ['short-nonce', 20, /nonce=[A-Za-z0-9]{16} \(16 caractères\) ; la règle 20 demande au moins 22 caractères.*\(Erreur Y030007/],
  ['state-not-checked', 20, /state modifié \(\w+ → \w+\) : le service a connecté la personne malgré le state modifié/],
  ['nonce-not-checked', 20, /nonce modifié \(\w+ → \w+\) : le service a connecté la personne malgré le nonce modifié/],
  ['no-acr', 19, /acr_values absent dans \d+ appel\(s\) sur \d+/],
  ['pivot-from-request', 15, /le profil rechargé montre given_name « Usurpé », family_name « FAUSSAIRE »/],
  ['name-in-menu', 14, /ne se voient pas sans clic sur \/ \(« Jean-Luc .* » dans la page mais caché\)/],
  ['popup-login', 13, /fenêtre\(s\) ouverte\(s\) pendant le parcours : .*\/api\/v2\/interaction\//],
  ['frame-on-login', 13, /cadre\(s\) \(iframe\) pendant le parcours : http:\/\/127\.0\.0\.1:\d+\/ \(refusée par le navigateur\) \(dans \/connexion\)/],
];

describe('eleven variants of the Node service, each wrong in one way, fail exactly the rule they break', { concurrency: 2 }, () => {
  for (const [fault, rule, quote] of VARIANTS) {
    it(`SERVICE_FAULTS=${fault}: rule ${rule} fails, every other rule passes`, async () => {
      const service = await referenceService('node');
      const run = await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: fault });
      const json = parsed(run);
      assert.equal(run.code, 1);
      assert.deepEqual(failing(json), [rule], JSON.stringify(json.findings.filter((f) => f.status === 'fail'), null, 1));
      const messages = json.findings.filter((f) => f.rule === rule && f.status === 'fail').map((f) => f.message);
      assert.ok(messages.some((m) => quote.test(m)), messages.join('\n'));
      assert.deepEqual({ ...statuses(json), [rule]: CLEAN[rule] }, CLEAN, 'the rest as in a clean run');
    });
  }
});

describe('the faults written for the page audit’s --follow, which the rehearsal was not built against', { concurrency: 2 }, () => {
  for (const [fault, quote] of [
    ['short-state', /^state=[A-Za-z0-9]{12} \(12 caractères\) ; la règle 20 demande au moins 22 caractères/],
    ['fixed-nonce', /^nonce=MemeValeurPourTousA1B2C3D4 envoyé \d+ fois sur \d+ appels/],
  ]) {
    it(`SERVICE_FAULTS=${fault}: rule 20 fails, every other rule passes`, async () => {
      const service = await referenceService('node');
      const json = parsed(await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: fault }));
      assert.deepEqual(failing(json), [20]);
      assert.ok(json.findings.some((f) => f.status === 'fail' && quote.test(f.message)), JSON.stringify(json.findings.filter((f) => f.status === 'fail')));
      assert.deepEqual({ ...statuses(json), 20: 'pass' }, CLEAN);
    });
  }
});

describe('franceconnect-rehearse --plus: the Node service as a FranceConnect+ service (FC_PLUS=1, given by --start)', { concurrency: 2 }, () => {
  it('exit 0, every rule passes; the button is FranceConnect+’s, and every authorize asked for eidas2', async () => {
    const service = await referenceService('node');
    const run = await rehearse([...service.args, '--plus', '--json'], service.env);
    const json = parsed(run);
    assert.equal(run.code, 0, `${run.stderr}\n${JSON.stringify(json.findings.filter((f) => f.status === 'fail'), null, 1)}`);
    assert.deepEqual(statuses(json), CLEAN);
    const says = (rule) => json.findings.filter((f) => f.rule === rule && f.status === 'pass').map((f) => f.message).join('\n');
    assert.match(says(19), /acr_values=eidas2 dans les \d+ appels/);
    assert.match(says(8), /FranceConnect\+/, 'the login went through the FranceConnect+ button');
  });

  // FranceConnect+ answers a level it does not offer with invalid_acr, back to the service
  // (back/libs/core/src/services/core-acr.service.ts, rejectInvalidAcr): nobody can log in,
  // so rules 8 and 10 fail with rule 19, each saying why.
  it('SERVICE_FAULTS=plus-asks-eidas1 (FranceConnect+ asked for eidas1): rule 19 fails, and logging in and signing up, with invalid_acr quoted', async () => {
    const service = await referenceService('node');
    const run = await rehearse([...service.args, '--plus', '--json'], { ...service.env, SERVICE_FAULTS: 'plus-asks-eidas1' });
    const json = parsed(run);
    assert.equal(run.code, 1);
    const failed = json.findings.filter((f) => f.status === 'fail');
    assert.deepEqual(failing(json).sort((a, b) => a - b), [8, 10, 19], JSON.stringify(failed, null, 1));
    assert.ok(failed.some((f) => f.rule === 19 && /acr_values=eidas1 dans \d+ appel\(s\) sur \d+ ; la règle 19 demande acr_values=eidas2 ou eidas3/.test(f.message)), JSON.stringify(failed));
    for (const rule of [8, 10]) {
      assert.ok(failed.some((f) => f.rule === rule && /renvoyé aussitôt au service error=invalid_acr \(« acr_value is not valid.*got eidas1 »\)/.test(f.message)), JSON.stringify(failed));
    }
  });
});

describe('a variant of the Python service broken in a way the Node one never was', () => {
  it('SERVICE_FAULTS=authlib-nonce (the nonce left to Authlib: 20 characters): rule 20 fails, quoting it, the rest passes', async () => {
    const service = await referenceService('python');
    const run = await rehearse([...service.args, '--json'], { ...service.env, SERVICE_FAULTS: 'authlib-nonce' });
    const json = parsed(run);
    assert.equal(run.code, 1);
    assert.deepEqual(failing(json), [20]);
    const [finding] = json.findings.filter((f) => f.status === 'fail');
    assert.match(finding.message, /^nonce=[A-Za-z0-9]{20} \(20 caractères\) ; la règle 20 demande au moins 22 caractères aléatoires.*FranceConnect v2 refuse un nonce de moins de 22 caractères \(Erreur Y030007/);
    assert.deepEqual({ ...statuses(json), 20: 'pass' }, CLEAN_PYTHON);
  });
});

/** A port something listens on, for as long as the test needs. */
async function busyPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: server.address().port, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** Exit code 2 and one sentence on stderr, nothing on stdout but the progress before it. */
function cannotRun(run, sentence) {
  assert.equal(run.code, 2, `${run.stdout}\n${run.stderr}`);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0], sentence);
}

describe('exit code 2: the rehearsal cannot run, and says why in one sentence', { concurrency: 2 }, () => {
  it('the service does not answer (no --start, nothing listening)', async () => {
    const port = await freePort();
    const service = await referenceService('node', { port });
    const args = service.args.slice(0, service.args.indexOf('--start'));
    cannotRun(await rehearse([...args, '--wait', '1']), new RegExp(`^Répétition impossible : Le service ne répond pas sur http://127\\.0\\.0\\.1:${port}/ \\(attendu 1 s\\) : démarrez-le, ou donnez la commande qui le démarre avec --start\\.$`));
  });

  it('no browser (CHROME_PATH points nowhere); the service it started is stopped', async () => {
    const service = await referenceService('node');
    cannotRun(await rehearse(service.args, { ...service.env, CHROME_PATH: join(dir, 'no-chrome') }), /^Répétition impossible : Aucun navigateur pour la répétition : CHROME_PATH is set to .*no-chrome, which does not exist/);
    await assert.rejects(fetch(service.origin), 'the service started by --start was stopped');
  });

  it('the redirect URI the service sends is not the one given to the rehearsal', async () => {
    const service = await referenceService('node');
    const args = [...service.args];
    args[args.indexOf('--redirect-uri') + 1] = '/autre/retour';
    cannotRun(
      await rehearse(args, service.env),
      /^Répétition impossible : FranceConnect a refusé la redirect_uri envoyée par le service \(http:\/\/127\.0\.0\.1:\d+\/auth\/franceconnect\/callback\) : elle n’est pas celle donnée à la répétition \(--redirect-uri http:\/\/127\.0\.0\.1:\d+\/autre\/retour\)/,
    );
  });

  it('the --start command stops before the service answers (a service refusing an unknown fault)', async () => {
    const service = await referenceService('node');
    cannotRun(await rehearse(service.args, { ...service.env, SERVICE_FAULTS: 'pas-une-panne' }), /^Répétition impossible : La commande --start s’est arrêtée \(code 1\) avant que le service réponde .*SERVICE_FAULTS: unknown fault pas-une-panne; known: /);
  });

  it('the service sends a client_id FranceConnect does not know (SERVICE_FAULTS=other-client-id)', async () => {
    const service = await referenceService('node');
    cannotRun(await rehearse(service.args, { ...service.env, SERVICE_FAULTS: 'other-client-id' }), /^Répétition impossible : FranceConnect ne connaît pas le client_id envoyé par le service \(client-id-of-another-service\) : configurez le service avec celui de la répétition \([0-9a-f]{64}\).*\(règle 21\)\.$/);
  });

  it('the local FranceConnect’s port is taken', async () => {
    const busy = await busyPort();
    try {
      const service = await referenceService('node');
      const args = [...service.args];
      args[args.indexOf('--fc-port') + 1] = String(busy.port);
      cannotRun(await rehearse(args, service.env), new RegExp(`^Répétition impossible : Le port ${busy.port} est déjà pris`));
    } finally {
      await busy.close();
    }
  });

  it('an option it does not know, or one missing, is refused with the usage', async () => {
    const unknown = await rehearse(['--servise', 'http://127.0.0.1:1']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /^Option inconnue ou mal écrite : --servise \(voir --help\)\.\n\nUsage : npx franceconnect-rehearse/);
    const missing = await rehearse(['--service', 'http://127.0.0.1:1', '--login', '/c', '--signup', '/i', '--redirect-uri', '/cb']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^--post-logout-redirect-uri manque/);
    const help = await rehearse(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage : npx franceconnect-rehearse --service URL/);
  });
});
