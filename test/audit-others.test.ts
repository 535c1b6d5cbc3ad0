// The page audit on pages in other styles than this repository's (test/audit/first/):
// Bootstrap-like and Tailwind-like class soup written by hand, an old-school page, SVG and
// image buttons, a DSFR page with Marianne, columns, a profile page locked in several
// ways. Each page is one of the eight classes of verdicts the audit once got wrong; each
// test failed on the audit before it was rebuilt, and says here what it now judges.
import { expect } from '@open-wc/testing';
import { auditFranceConnect, type AuditFinding, type AuditReport } from '../src/audit/index.js';

const FIRST = '/test/audit/first/';

/**
 * Loads a page (its URL, or its HTML edited from a URL) in a frame `width` px wide and
 * audits it. Every resource the page loaded came from this test server: no request left
 * this machine.
 */
async function audit(page: string | { html: string }, width = 1280): Promise<AuditReport> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (typeof page === 'string') frame.src = page;
  else frame.srcdoc = page.html;
  document.body.append(frame);
  try {
    await loaded;
    const report = await auditFranceConnect(frame.contentDocument!);
    const view = frame.contentWindow!;
    const elsewhere = view.performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).origin !== location.origin);
    expect(elsewhere, 'requests that left the test server').to.deep.equal([]);
    return report;
  } finally {
    frame.remove();
  }
}

/** A page's HTML with `edit` applied, to audit as a variant. */
const edited = async (url: string, edit: (html: string) => string) => ({ html: edit(await (await fetch(url)).text()) });
const css = (rules: string) => (html: string) => html.replace('</style>', `${rules}\n    </style>`);

const summary = (r: AuditReport) => r.findings.map((f) => `${f.rule} ${f.status}${f.unjudged ? ' (non jugé)' : ''}: ${f.message}`).join('\n');
const of = (r: AuditReport, rule: number, status?: AuditFinding['status']) =>
  r.findings.filter((f) => f.rule === rule && (!status || f.status === status));
const failures = (r: AuditReport) => r.findings.filter((f) => f.status === 'fail');

/** The one finding of `rule` with `status` whose message matches `words`. */
function expectFinding(r: AuditReport, rule: number, status: AuditFinding['status'], words: RegExp): AuditFinding {
  const found = of(r, rule, status).filter((f) => words.test(f.message));
  expect(found, summary(r)).to.have.length.at.least(1);
  return found[0];
}

/** Fails on `rule` alone. */
function expectFailsOnly(r: AuditReport, rule: number, words: RegExp) {
  expect([...new Set(failures(r).map((f) => f.rule))], summary(r)).to.deep.equal([rule]);
  expectFinding(r, rule, 'fail', words);
  expect(r.ok).to.equal(false);
}

describe('audit, class 1: a control it cannot read is never « no button »', () => {
  it('a <button> holding only an SVG drawing: found by the logo it draws, its label and colours reported as not judged', async () => {
    const r = await audit(`${FIRST}c1-svg-button.html`);
    expectFinding(r, 1, 'pass', /Bouton FranceConnect \(<button\.btn\.btn-fc>\), reconnu par : logo FranceConnect dessiné en SVG/);
    expectFinding(r, 1, 'pass', /de 209 × 56 px \(mesuré sur l’image qu’il contient\)/);
    expect(expectFinding(r, 1, 'warn', /Libellé du bouton \(<button\.btn\.btn-fc>\) dessiné dans une image .* pas de nom accessible/).unjudged).to.equal(true);
    expect(of(r, 1, 'not-applicable'), summary(r)).to.deep.equal([]);
    expect(r.complete).to.equal(false);
    expect(r.ok).to.equal(false);
  });

  it('an <input type="image"> whose alt is « Soumettre » and whose file name says nothing: found by the logo in its pixels', async () => {
    const r = await audit(`${FIRST}c1-input-image.html`);
    expectFinding(r, 1, 'pass', /« Soumettre » \(<input\.block>\), reconnu par : logo FranceConnect dans l’image bouton-connexion\.svg/);
    expect(expectFinding(r, 1, 'warn', /son nom accessible est « Soumettre », pas « S’identifier avec FranceConnect »/).unjudged).to.equal(true);
    expect(r.complete).to.equal(false);
  });

  it('a text-indent link drawn by a one-colour background image: a likely FranceConnect control, named, not judged', async () => {
    const r = await audit(`${FIRST}c1-text-indent.html`);
    const warn = expectFinding(r, 1, 'warn', /« Connexion » \(<a#fcLogin\.btnFc>\) ressemble à un bouton FranceConnect \(classe ou identifiant « fcLogin btnFc » ; mène à \/oidc\/fc\/login\)/);
    expect(warn.unjudged).to.equal(true);
    expect(r.complete).to.equal(false);
    expect(r.ok, 'never « Conforme » by silence').to.equal(false);
  });

  it('a class named "fc-button" on a calendar\'s « Aujourd’hui » button is no FranceConnect control', async () => {
    const r = await audit({
      html: `<!doctype html><html lang="fr"><head><title>Agenda</title></head><body><main><h1>Agenda</h1>
        <button class="fc-button fc-today-button" type="button">Aujourd’hui</button>
        <a class="fc-btn" href="/agenda/semaine">Semaine</a></main></body></html>`,
    });
    expect(r.findings.filter((f) => f.rule <= 7).map((f) => f.status)).to.deep.equal(Array(7).fill('not-applicable'));
    expect(r.ok).to.equal(true);
  });
});

describe('audit, class 2: the DSFR’s own .fr-connect is the reference implementation', () => {
  for (const width of [1280, 320]) {
    it(`out of the box, with Marianne, at ${width} px: passes, saying it is the DSFR’s and its measured box`, async () => {
      const r = await audit(`${FIRST}c2-dsfr-native.html`, width);
      expect(failures(r), summary(r)).to.deep.equal([]);
      expectFinding(r, 1, 'pass', /composant FranceConnect du DSFR \(\.fr-connect, non modifié\), (?:20[6-9]|21[0-3])(?:\.\d)? × 55 px ; accepté comme implémentation de référence/);
      expect(r.ok).to.equal(true);
    });
  }

  it('FranceConnect+ out of the box (244.4 × 55): passes', async () => {
    const r = await audit(
      await edited(`${FIRST}c2-dsfr-native.html`, (h) =>
        css('.fr-connect-group .fr-connect + p { margin-top: 12px; }')(h)
          .replace('class="fr-connect"', 'class="fr-connect fr-connect--plus"')
          .replace(/<p>FranceConnect est la solution[^<]*<\/p>/, '<p>FranceConnect+ est la solution proposée par l’État, pour renforcer la sécurité de vos services en ligne les plus sensibles.</p>')
          .replace(
            /<a href="https:\/\/franceconnect\.gouv\.fr\/"[^>]*>[^<]*<\/a>/,
            '<a href="https://franceconnect.gouv.fr/france-connect-plus" target="_blank" rel="noopener" title="Qu’est-ce que FranceConnect+ ? - nouvelle fenêtre">Qu’est-ce que FranceConnect+ ?</a>',
          ),
      ),
    );
    expect(failures(r), summary(r)).to.deep.equal([]);
    expectFinding(r, 1, 'pass', /composant FranceConnect\+ du DSFR .*, 24[2-9](?:\.\d)? × 55 px/);
  });

  const broken: Array<[string, string, RegExp]> = [
    ['made smaller (font-size 14 px)', '.fr-connect-group .fr-connect { font-size: 14px; }', /composant DSFR réduit à .* \(police 14 px au lieu de 16\)/],
    ['stretched by its column (a flex column that stretches)', '.fr-connect-group { display: flex; flex-direction: column; }', /Composant \.fr-connect du DSFR, mais redimensionné par la page/],
    ['in another font than Marianne', '.fr-connect-group .fr-connect span { font-family: Arial, sans-serif; }', /Composant \.fr-connect du DSFR, mais police Arial au lieu de Marianne/],
  ];
  for (const [name, rules, words] of broken) {
    it(`${name}: no longer the reference, judged as a hand-made button, fails rule 1`, async () => {
      expectFailsOnly(await audit(await edited(`${FIRST}c2-dsfr-native.html`, css(rules))), 1, words);
    });
  }
});

describe('audit, class 3: a sentence that differs is not « absent »', () => {
  it('the DSFR model pages’ wording (« …aux services en ligne ») fails as different, both texts quoted', async () => {
    const r = await audit(`${FIRST}c3-sentence-wording.html`);
    expectFailsOnly(
      r,
      1,
      /Phrase explicative différente au-dessus du bouton .* : « FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion aux services en ligne\. » ; la règle 1 demande, mot pour mot : « FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne\. »/,
    );
    expect(summary(r)).not.to.contain('absente');
  });

  it('the checklist’s words with a straight apostrophe, a line break and no full stop pass', async () => {
    const r = await audit(
      await edited(`${FIRST}c3-sentence-wording.html`, (h) =>
        h.replace('par l’État pour sécuriser et simplifier la connexion aux services en ligne.', 'par l\'État pour sécuriser<br />et simplifier la connexion à vos services en ligne'),
      ),
    );
    expect(failures(r), summary(r)).to.deep.equal([]);
    expectFinding(r, 1, 'pass', /Phrase explicative présente au-dessus du bouton/);
  });

  it('a paragraph about something else is still « absent », not « different »', async () => {
    const r = await audit(
      await edited(`${FIRST}c3-sentence-wording.html`, (h) =>
        h.replace(/<p class="lead">[^<]*<\/p>/, '<p class="lead">Votre dossier est conservé six mois après sa clôture.</p>'),
      ),
    );
    expectFailsOnly(r, 1, /Phrase explicative absente/);
  });
});

describe('audit, class 4: login or sign-up, decided by every signal, not the last heading', () => {
  it('a login page whose FranceConnect block is titled « Se créer un compte… »: rules 1 and 2, with a warning about the heading', async () => {
    const r = await audit(`${FIRST}c4-login-page.html`);
    expectFinding(r, 1, 'pass', /section de connexion d’après : titre de la page « Connexion – Mon espace famille » ; titre h1 « Connexion » ; .*un formulaire avec un mot de passe/);
    expectFinding(r, 1, 'warn', /Indices contradictoires .* titre de la section « Se créer un compte avec FranceConnect »/);
    expectFinding(r, 2, 'pass', /Lien à 8 px sous le bouton/);
    expect(of(r, 3).every((f) => f.status === 'warn' && /Pas de section d’inscription/.test(f.message)), summary(r)).to.equal(true);
    expect(failures(r), summary(r)).to.deep.equal([]);
  });

  it('a sign-up page whose block is titled « Se connecter avec FranceConnect »: rules 3 and 4', async () => {
    const r = await audit(`${FIRST}c4-signup-page.html`);
    expectFinding(r, 3, 'pass', /section d’inscription d’après : titre de la page « Créer votre compte – Mon espace famille » ; titre h1 « Inscription » ; adresse \/test\/audit\/first\/c4-signup-page\.html ; un formulaire avec confirmation ou création de mot de passe/);
    expectFinding(r, 3, 'warn', /titre de la section « Se connecter avec FranceConnect » dit connexion/);
    expectFinding(r, 4, 'pass', /Lien à 8 px sous le bouton/);
    expect(of(r, 1).every((f) => f.status === 'warn' && /Pas de section de connexion/.test(f.message)), summary(r)).to.equal(true);
  });
});

describe('audit, class 5: a section is one choice of ways in, columns included', () => {
  it('FranceConnect and the password form in two <section> columns, no « OU »: rule 6 fails, rule 5 passes (left in a row)', async () => {
    const r = await audit(`${FIRST}c5-columns.html`);
    expectFailsOnly(r, 6, /Pas de séparateur « OU » entre le bouton FranceConnect et « Identifiant » \(<input#id>\), à droite du bouton/);
    expectFinding(r, 5, 'pass', /à gauche des autres, dans la même rangée/);
  });

  it('the password column shown on the left of FranceConnect\'s: rule 5 fails', async () => {
    const r = await audit(await edited(`${FIRST}c5-columns.html`, css('.grid > section:first-child { grid-column: 2; grid-row: 1; } .grid > .local { grid-column: 1; grid-row: 1; }')));
    expectFinding(r, 5, 'fail', /est à gauche du bouton FranceConnect ; la règle 5 veut FranceConnect en premier mode de connexion \(au-dessus, ou à gauche dans une rangée\)/);
    // The source keeps FranceConnect first: nothing to say about the Tab order.
    expect(of(r, 5, 'warn')).to.deep.equal([]);
  });

  it('with an « OU » column between them: rules 5 and 6 pass', async () => {
    const r = await audit(
      await edited(`${FIRST}c5-columns.html`, (h) =>
        css('.grid { grid-template-columns: 1fr auto 1fr; } .or { align-self: center; text-transform: uppercase; margin: 0; }')(h).replace(
          '<section aria-labelledby="t-local"',
          '<p class="or">ou</p>\n        <section aria-labelledby="t-local"',
        ),
      ),
    );
    expect(failures(r), summary(r)).to.deep.equal([]);
    expectFinding(r, 6, 'pass', /séparateur « OU »/);
  });

  it('at 320 px the columns stack: the form below, the « OU » between, both pass', async () => {
    const r = await audit(
      await edited(`${FIRST}c5-columns.html`, (h) =>
        css('@media (max-width: 600px) { .grid { grid-template-columns: 1fr; } } .or { margin: 0; }')(h).replace(
          '<section aria-labelledby="t-local"',
          '<p class="or">ou</p>\n        <section aria-labelledby="t-local"',
        ),
      ),
      320,
    );
    expect(failures(r), summary(r)).to.deep.equal([]);
    expectFinding(r, 5, 'pass', /Aucun autre moyen de connexion au-dessus du bouton/);
  });
});

describe('audit, class 6: a link is a sign-in when it signs in (rule 7)', () => {
  it('« Voir le code source », « Modifier les comptes tests », « Documentation » on github.com, an icon included: rule 7 passes', async () => {
    const r = await audit(`${FIRST}c6-github-links.html`);
    expect(failures(r), summary(r)).to.deep.equal([]);
    expectFinding(r, 7, 'pass', /Aucune connexion par réseau social/);
  });

  it('« Se connecter avec GitHub » to GitHub’s OAuth authorize, among them: rule 7 fails', async () => {
    const r = await audit(
      await edited(`${FIRST}c6-github-links.html`, (h) =>
        h.replace('</ul>', '<li><a href="https://github.com/login/oauth/authorize?client_id=demo">Se connecter avec GitHub</a></li></ul>'),
      ),
    );
    expectFailsOnly(r, 7, /« Se connecter avec GitHub » \(<a>\) propose GitHub près du bouton FranceConnect/);
  });
});

describe('audit, class 7: rule 15 judges what the user can change, under the usual labels', () => {
  it('« Nom », « Prénom(s) », a date in three fields, « Sexe » locked by disabling the other choice, a disabled list, a one-choice list: all locked', async () => {
    const r = await audit(`${FIRST}c7-profile.html`);
    expect(failures(r), summary(r)).to.deep.equal([]);
    expect(of(r, 15).map((f) => f.message)).to.deep.equal([
      'Champ « Nom de naissance » non modifiable (champ en lecture seule).',
      'Champ « Prénoms » non modifiable (champ en lecture seule).',
      'Champ « Date de naissance » non modifiable (champ en lecture seule).',
      'Champ « Sexe » non modifiable (boutons radio : les autres choix sont désactivés).',
      'Champ « Ville de naissance » non modifiable (liste désactivée).',
      'Champ « Pays de naissance » non modifiable (liste à un seul choix).',
    ]);
    expect(of(r, 16).map((f) => f.status)).to.deep.equal(['pass', 'pass']);
  });

  const unlocked: Array<[string, (h: string) => string, string]> = [
    ['« Nom » editable', (h) => h.replace('value="CLÉMENT" readonly', 'value="CLÉMENT"'), 'Nom de naissance'],
    ['« Sexe » with both choices enabled', (h) => h.replace('value="male" disabled', 'value="male"'), 'Sexe'],
    ['« Pays de naissance » with a second choice', (h) => h.replace('<option selected>France</option>', '<option selected>France</option><option>Belgique</option>'), 'Pays de naissance'],
  ];
  for (const [name, edit, field] of unlocked) {
    it(`${name}: rule 15 fails on that field`, async () => {
      expectFailsOnly(await audit(await edited(`${FIRST}c7-profile.html`, edit)), 15, new RegExp(`Champ « ${field} » pré-rempli et modifiable`));
    });
  }
});

describe('audit, class 8: the right element, measured as drawn', () => {
  it('an inline link around a 209 × 56 image is measured as the image; FranceConnect’s documentation links are never the button', async () => {
    const r = await audit(`${FIRST}c8-measures.html`);
    expectFinding(r, 1, 'pass', /Bouton « S’identifier avec FranceConnect » \(<a>\) de 209 × 56 px \(mesuré sur l’image qu’il contient\)/);
    expect(summary(r)).not.to.contain('Documentation générale');
    expect(failures(r), summary(r)).to.deep.equal([]);
    // Drawn by an image: its label and colours are for a person to check.
    expect(r.complete).to.equal(false);
  });

  it('a link wider than its background image is measured as the image drawn', async () => {
    const r = await audit(`${FIRST}c8-background-link.html`);
    expectFinding(r, 1, 'pass', /de 209 × 56 px \(mesuré sur l’image de fond telle qu’elle est dessinée\)/);
    expect(failures(r), summary(r)).to.deep.equal([]);
  });

  it('a plain grey <input type="submit"> is a recoloured button, not « an image »', async () => {
    const r = await audit(`${FIRST}c8-grey-submit.html`);
    expectFailsOnly(r, 1, /Bouton « S’identifier avec FranceConnect » \(<input>\) recoloré : fond #e5e5e5, texte #161616/);
    expect(summary(r)).not.to.match(/image/);
    expectFinding(r, 1, 'pass', /Libellé exact/);
  });
});
