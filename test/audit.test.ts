import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { auditFranceConnect, type AuditReport } from '../src/audit/index.js';

/** Loads a page (a URL, or the HTML itself) in a frame `width` px wide and audits its document. */
async function audit(page: { url?: string; html?: string }, width = 1280): Promise<AuditReport> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (page.url) frame.src = page.url;
  else frame.srcdoc = page.html!;
  document.body.append(frame);
  try {
    await loaded;
    return await auditFranceConnect(frame.contentDocument!);
  } finally {
    frame.remove();
  }
}

const failures = (report: AuditReport) => report.findings.filter((f) => f.status === 'fail');
const summary = (report: AuditReport) =>
  report.findings.map((f) => `${f.rule} ${f.status}: ${f.message}`).join('\n');

/** The page passes, and its FranceConnect button was found and measured. */
function expectPass(report: AuditReport, rule = 1) {
  expect(failures(report), summary(report)).to.deep.equal([]);
  expect(report.ok).to.equal(true);
  expect(
    report.findings.some((f) => f.rule === rule && f.status === 'pass' && /209 × 56|245 × 56/.test(f.message)),
    summary(report),
  ).to.equal(true);
}

/** The page fails on `rule` alone, with a message that says what was measured. */
function expectFailsOn(report: AuditReport, rule: number, words: RegExp) {
  const failed = failures(report);
  expect([...new Set(failed.map((f) => f.rule))], summary(report)).to.deep.equal([rule]);
  expect(report.ok).to.equal(false);
  expect(failed.map((f) => f.message).join('\n')).to.match(words);
  // Each finding is in French and names the rule it checks.
  for (const f of report.findings) expect(f.message, f.message).to.match(/[a-zà-ÿ]/i);
}

// A login page built with the DSFR's own connect markup and CSS, laid out by the rules.
let dsfrPage = '';
const dsfr = (edit: (html: string) => string = (h) => h) => ({ html: edit(dsfrPage) });
const extraCss = (css: string) => (h: string) => h.replace('</style>', `${css}\n</style>`);
const INFO_P = /<p>\s*<a href="https:\/\/franceconnect\.gouv\.fr\/"[\s\S]*?<\/p>/;
const SENTENCE_P = /<p>FranceConnect est la solution[\s\S]*?<\/p>/;
const FORM = /<form[\s\S]*<\/form>/;
const SEPARATOR = '<p class="fr-hr-or">ou</p>';

describe('auditFranceConnect: compliant pages pass', () => {
  before(async () => {
    dsfrPage = await (await fetch('/test/audit/dsfr-login.html')).text();
  });

  for (const width of [1280, 320]) {
    it(`examples/plain/login.html at ${width} px`, async () => {
      const report = await audit({ url: '/examples/plain/login.html' }, width);
      expectPass(report);
      // The finding points at the element the author wrote, not at its shadow insides.
      expect(report.findings.find((f) => f.rule === 1)!.element!.localName).to.equal('fc-login-block');
    });
    it(`examples/plain/signup.html at ${width} px: rules 3 and 4`, async () => {
      const report = await audit({ url: '/examples/plain/signup.html' }, width);
      expectPass(report, 3);
      expect(report.findings.filter((f) => f.rule === 4 && f.status === 'pass')).to.have.length.at.least(4);
    });
    it(`the DSFR's own .fr-connect markup and CSS at ${width} px`, async () => {
      expectPass(await audit(dsfr(), width));
    });
  }

  it('examples/plain/profile.html: the six pivot fields locked, Email and Nom d’usage editable', async () => {
    const report = await audit({ url: '/examples/plain/profile.html' });
    expect(failures(report), summary(report)).to.deep.equal([]);
    const rule15 = report.findings.filter((f) => f.rule === 15);
    expect(rule15.map((f) => f.status)).to.deep.equal(Array(6).fill('pass'));
    expect(report.findings.filter((f) => f.rule === 16).map((f) => f.status)).to.deep.equal(['pass', 'pass']);
    expect(report.findings.filter((f) => f.rule <= 7).every((f) => f.status === 'not-applicable')).to.equal(true);
  });

  it('the DSFR page in the dark theme', async () => {
    const report = await audit(dsfr((h) => h.replace('data-fr-theme="light"', 'data-fr-theme="dark"')));
    expectPass(report);
    expect(summary(report)).to.contain('thème sombre du DSFR : fond #8585f6, texte #000091');
  });

  it('a DSFR FranceConnect+ button with its link 12 px below passes; 8 px fails rule 2', async () => {
    const plus = (gap: number) =>
      dsfr((h) =>
        extraCss(`.fr-connect-group .fr-connect { width: 245px } .fr-connect-group .fr-connect + p { margin-top: ${gap}px }`)(h)
          .replace('class="fr-connect"', 'class="fr-connect fr-connect--plus"')
          .replace(SENTENCE_P, '<p>FranceConnect+ est la solution proposée par l’État, pour renforcer la sécurité de vos services en ligne les plus sensibles.</p>')
          .replace(INFO_P, '<p><a href="https://franceconnect.gouv.fr/france-connect-plus" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect+ ? - nouvelle fenêtre">Qu’est-ce que FranceConnect+ ?</a></p>'),
      );
    expectPass(await audit(plus(12)));
    expectFailsOn(await audit(plus(8)), 2, /Lien à 8 px sous le bouton ; la règle 2 demande 12 px pour FranceConnect\+/);
  });
});

describe('auditFranceConnect: each broken page fails on the rule it breaks', () => {
  before(async () => {
    dsfrPage = await (await fetch('/test/audit/dsfr-login.html')).text();
  });

  const broken: Array<[string, () => { html: string }, number, RegExp]> = [
    ['too small', () => dsfr(extraCss('.fr-connect-group .fr-connect { width: 180px; height: 48px }')), 1, /180 × 48 px ; la règle 1 demande 209 × 56 px/],
    ['distorted', () => dsfr(extraCss('.fr-connect-group .fr-connect { width: 260px }')), 1, /déformé : 260 × 56 px/],
    ['recoloured', () => dsfr(extraCss('.fr-connect-group .fr-connect { background-color: #e1000f }')), 1, /recoloré : fond #e1000f/],
    ['relabelled', () => dsfr((h) => h.replace('S’identifier avec</span>', 'Connexion avec</span>')), 1, /Libellé « Connexion avec FranceConnect »/],
    ['link 12 px below a FranceConnect button', () => dsfr(extraCss('.fr-connect-group .fr-connect + p { margin-top: 12px }')), 2, /Lien à 12 px sous le bouton ; la règle 2 demande 8 px/],
    ['link missing', () => dsfr((h) => h.replace(INFO_P, '')), 2, /Lien « Qu’est-ce que FranceConnect\s\? » absent sous le bouton/],
    ['sentence missing', () => dsfr((h) => h.replace(SENTENCE_P, '')), 1, /Phrase explicative absente/],
    [
      'a password form above the button',
      () => dsfr((h) => {
        const form = h.match(FORM)![0];
        return h.replace(FORM, '').replace(SEPARATOR, '').replace('<h2>Se connecter avec FranceConnect</h2>', `${form}${SEPARATOR}<h2>Se connecter avec FranceConnect</h2>`);
      }),
      5,
      /au-dessus du bouton FranceConnect ; la règle 5/,
    ],
    ['no "OU"', () => dsfr((h) => h.replace(SEPARATOR, '')), 6, /Pas de séparateur « OU »/],
    [
      'a Google button beside it',
      () =>
        dsfr((h) =>
          extraCss(
            // Google's button in a second column, on the FranceConnect button's row.
            `.fr-connect-group { display: grid; grid-template-columns: auto auto; justify-content: start; column-gap: 16px }
             .fr-connect-group > p:first-child { grid-column: 1 / -1 }
             #google { grid-column: 2; grid-row: 2; align-self: start }`,
          )(h).replace('</div>\n      <p class="fr-hr-or">', '<button id="google" type="button" class="fr-btn">Se connecter avec Google</button></div>\n      <p class="fr-hr-or">'),
        ),
      7,
      /« Se connecter avec Google » \(<button#google\.fr-btn>\) propose Google près du bouton FranceConnect/,
    ],
    ['an iframe', () => dsfr((h) => h.replace('</main>', '<iframe title="Plan d’accès" src="about:blank"></iframe></main>')), 13, /Iframe sur la page/],
    [
      'an editable birth name',
      () => ({
        html: `<!doctype html><html lang="fr"><body><main><h1>Mon profil</h1><form>
          <label for="b">Nom de naissance</label><input id="b" name="family_name" value="CLÉMENT" />
          <label for="p">Prénoms</label><input id="p" name="given_name" value="Marie Anne" readonly />
          <label for="e">Email</label><input id="e" name="email" type="email" value="marie.clement@example.fr" />
        </form></main></body></html>`,
      }),
      15,
      /Champ « Nom de naissance » pré-rempli et modifiable ; la règle 15/,
    ],
  ];
  for (const [name, page, rule, words] of broken) {
    it(`${name}: fails rule ${rule} only`, async () => {
      expectFailsOn(await audit(page()), rule, words);
    });
  }

  it('our own block with a Google button slotted in: rule 7 only, found inside the block', async () => {
    const report = await audit({
      html: `<!doctype html><html lang="fr"><head><script type="module" src="/dist/cdn/franceconnect-elements.js"></script></head>
        <body><main><h1>Connexion</h1><fc-login-block href="/auth">
          <button type="button">Se connecter avec Google</button>
          <a href="/inscription">Créer mon compte</a>
        </fc-login-block></main></body></html>`,
    });
    expectFailsOn(report, 7, /propose Google/);
    expect(failures(report)[0].element!.localName).to.equal('button');
  });

  it('a button that opens FranceConnect in a new window fails rule 13', async () => {
    const report = await audit(dsfr((h) => h.replace('<button class="fr-connect" type="button">', '<a class="fr-connect" href="/auth" target="_blank">').replace(/<\/span>\s*<\/button>/, '</span></a>')));
    expectFailsOn(report, 13, /ouvre une nouvelle fenêtre ; la règle 13/);
  });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
const runCommand = (path: string, json = false) =>
  executeServerCommand<Run, { url: string; json: boolean }>('run-audit-command', {
    url: new URL(path, location.href).href,
    json,
  });

describe('npx franceconnect-audit <url>', function () {
  this.timeout(90000);

  it('on a compliant page: one line per finding at 1280 and 320 px, exit 0', async () => {
    const { code, stdout, stderr } = await runCommand('/examples/plain/login.html');
    expect(code, stderr).to.equal(0);
    const lines = stdout.trim().split('\n');
    expect(lines.filter((l) => / 1280 px /.test(l)).length).to.be.at.least(15);
    expect(lines.filter((l) => / 320 px /.test(l)).length).to.equal(lines.filter((l) => / 1280 px /.test(l)).length);
    expect(stdout).to.match(/✔ conforme\s+règle 2\s+1280 px\s+Lien à 8 px sous le bouton/);
    expect(stdout).not.to.contain('ÉCHEC');
    expect(lines.at(-1)).to.match(/^Conforme : 0 échec\(s\)/);
  });

  it('on a page with a likely FranceConnect control it cannot judge: « Conformité non établie », what was not judged, exit 3', async () => {
    const { code, stdout } = await runCommand('/test/audit/first/c1-text-indent.html');
    expect(code, stdout).to.equal(3);
    const lines = stdout.trim().split('\n');
    // Said once, before the verdict, though both widths found it.
    expect(lines.filter((l) => l.startsWith('Non jugé, '))).to.deep.equal([
      lines.find((l) => /^Non jugé, règle 1 : « Connexion » \(<a#fcLogin\.btnFc>\) ressemble à un bouton FranceConnect/.test(l)),
    ]);
    expect(lines.at(-1)).to.match(/^Conformité non établie : 0 échec\(s\), 2 point\(s\) que l’audit n’a pas pu juger, /);
    const machine = await runCommand('/test/audit/first/c1-text-indent.html', true);
    expect(machine.code).to.equal(3);
    const parsed = JSON.parse(machine.stdout);
    expect([parsed.ok, parsed.complete, parsed.exitCode]).to.deep.equal([false, false, 3]);
  });

  it('on a broken page: the failing line, exit 1; --json for machines', async () => {
    const { code, stdout } = await runCommand('/test/audit/broken-link.html');
    expect(code).to.equal(1);
    expect(stdout).to.match(/✘ ÉCHEC\s+règle 2\s+1280 px\s+Lien à 12 px sous le bouton ; la règle 2 demande 8 px\./);
    expect(stdout).to.match(/✘ ÉCHEC\s+règle 2\s+320 px\s+Lien à 12 px sous le bouton/);
    expect(stdout.trim().split('\n').at(-1)).to.match(/^Non conforme : 2 échec\(s\)/);

    const machine = await runCommand('/test/audit/broken-link.html', true);
    expect(machine.code).to.equal(1);
    const parsed = JSON.parse(machine.stdout);
    expect(parsed.ok).to.equal(false);
    expect(parsed.results.map((r: { width: number }) => r.width)).to.deep.equal([1280, 320]);
    expect(parsed.results[0].findings.filter((f: { status: string }) => f.status === 'fail')).to.deep.equal([
      { rule: 2, status: 'fail', message: 'Lien à 12 px sous le bouton ; la règle 2 demande 8 px.' },
    ]);
  });
});
