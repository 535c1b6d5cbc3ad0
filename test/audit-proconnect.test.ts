import { expect } from '@open-wc/testing';
import { auditFranceConnect, findFranceConnectControls, type AuditFinding, type AuditReport } from '../src/audit/index.js';

/*
 * The page audit on ProConnect's buttons (docs/qualification.md#proconnect-audit): found by
 * every signal, judged by ProConnect's own rules (its button page, bouton_proconnect.md, and
 * recommandation_parcours.md in proconnect-gouv/proconnect-espace-partenaires), never asked
 * for FranceConnect's sentence. Pages in test/audit/pro/.
 */

const PRO = '/test/audit/pro/';

/** Loads a page (a URL, or the HTML itself) in a frame `width` px wide and audits its document. */
async function inFrame<T>(page: { url?: string; html?: string }, run: (doc: Document) => Promise<T>, width = 1280): Promise<T> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${width}px;height:900px;border:0;display:block`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (page.url) frame.src = page.url;
  else frame.srcdoc = page.html!;
  document.body.append(frame);
  try {
    await loaded;
    return await run(frame.contentDocument!);
  } finally {
    frame.remove();
  }
}
const audit = (page: { url?: string; html?: string }, width = 1280) => inFrame(page, (doc) => auditFranceConnect(doc), width);

const failures = (report: AuditReport) => report.findings.filter((f) => f.status === 'fail');
const summary = (report: AuditReport) => report.findings.map((f) => `${f.rule} ${f.status}${f.provider ? ` [${f.provider}]` : ''}: ${f.message}`).join('\n');
const find = (report: AuditReport, rule: number, status: AuditFinding['status'], words: RegExp) =>
  report.findings.find((f) => f.rule === rule && f.status === status && words.test(f.message));

/** FranceConnect's sentence is never asked of a ProConnect button, nor quoted to it. */
function expectNoSentence(report: AuditReport) {
  const asked = report.findings.filter((f) => f.provider === 'proconnect' && /Phrase explicative|FranceConnect est la solution/.test(f.message));
  expect(asked, summary(report)).to.deep.equal([]);
}

/** The page passes, its ProConnect button found, judged as ProConnect's and measured. */
function expectPass(report: AuditReport, size: RegExp) {
  expect(failures(report), summary(report)).to.deep.equal([]);
  expect(report.ok, summary(report)).to.equal(true);
  expect(find(report, 1, 'pass', /^Bouton ProConnect /), summary(report)).to.not.equal(undefined);
  expect(find(report, 1, 'pass', size), summary(report)).to.not.equal(undefined);
  expect(find(report, 1, 'pass', /^Libellé exact : « S’identifier avec ProConnect »/), summary(report)).to.not.equal(undefined);
  expectNoSentence(report);
  // No FranceConnect button seen: nothing asks for a sign-up section either.
  expect(report.findings.filter((f) => f.rule === 3 || f.rule === 4), summary(report)).to.deep.equal([]);
}

/** The page fails on `rules` alone, ProConnect's findings, with a message that says what was measured. */
function expectFailsOn(report: AuditReport, rules: number[], words: RegExp) {
  const failed = failures(report);
  expect([...new Set(failed.map((f) => f.rule))].sort(), summary(report)).to.deep.equal(rules);
  expect(report.ok).to.equal(false);
  expect(failed.map((f) => f.message).join('\n'), summary(report)).to.match(words);
  expect(failed.every((f) => f.provider === 'proconnect'), summary(report)).to.equal(true);
  expectNoSentence(report);
}

describe('audit, ProConnect: compliant pages pass', () => {
  for (const width of [1280, 320]) {
    it(`our <fc-login-block provider="proconnect"> (from dist) at ${width} px`, async () => {
      const report = await audit({ url: `${PRO}pc-elements.html` }, width);
      expectPass(report, /de 214 × 56 px \(214 × 56 px demandés\)/);
      expect(find(report, 1, 'pass', /reconnu par : .*élément <fc-login-block provider="proconnect">/), summary(report)).to.not.equal(undefined);
      expect(find(report, 2, 'pass', /^Le lien pointe vers https:\/\/www\.proconnect\.gouv\.fr\/\.$/), summary(report)).to.not.equal(undefined);
      expect(find(report, 6, 'pass', /sépare ProConnect des autres/), summary(report)).to.not.equal(undefined);
      expect(find(report, 13, 'pass', /navigue dans cette fenêtre \(par construction\)/), summary(report)).to.not.equal(undefined);
      // The finding points at the element the author wrote.
      expect(find(report, 1, 'pass', /^Bouton ProConnect /)!.element!.localName).to.equal('fc-login-block');
    });

    it(`a button hand-made to ProConnect's button page (214 × 56, its logo in SVG, no DSFR) at ${width} px`, async () => {
      const report = await audit({ url: `${PRO}pc-hand-made.html` }, width);
      expectPass(report, /de 214 × 56 px/);
      expect(find(report, 1, 'pass', /reconnu par : nom accessible « S’identifier avec ProConnect » ; mène à \/auth\/proconnect\/login ; logo ProConnect dessiné en SVG/), summary(report)).to.not.equal(undefined);
      expect(find(report, 1, 'pass', /Couleurs statiques du thème clair du DSFR : fond #000091, texte #ffffff/), summary(report)).to.not.equal(undefined);
      expect(find(report, 2, 'pass', /Lien à 12 px sous le bouton \(24 px au plus\)/), summary(report)).to.not.equal(undefined);
      expect(find(report, 2, 'pass', /nouvelle fenêtre et l’annonce/), summary(report)).to.not.equal(undefined);
    });
  }

  it('the DSFR 1.15 fr-connect--pro markup (its 1.15 values written in the page over DSFR 1.14.4) passes as the reference component', async () => {
    const report = await audit({ url: `${PRO}pc-dsfr.html` });
    expectPass(report, /composant ProConnect du DSFR \(\.fr-connect--pro, non modifié\), \d+(?:\.\d)? × 55 px ; accepté comme implémentation de référence/);
    expect(find(report, 1, 'pass', /classe \.fr-connect--pro du DSFR/), summary(report)).to.not.equal(undefined);
    // The DSFR 1.15 address, without www, passes, and the finding says whose it is.
    expect(find(report, 2, 'pass', /pointe vers https:\/\/proconnect\.gouv\.fr\/ \(l’adresse du composant DSFR 1\.15/), summary(report)).to.not.equal(undefined);
  });

  it('the DSFR markup made smaller is no longer the reference: judged as hand-made, it fails on its size', async () => {
    const page = await (await fetch(`${PRO}pc-dsfr.html`)).text();
    const report = await audit({ html: page.replace('</style>', '.fr-connect--pro { font-size: 14px }</style>') });
    expectFailsOn(report, [1], /composant DSFR réduit à .* ; ProConnect ne permet pas de le rapetisser/);
  });

  it('ProConnect’s published markup (a background image, its name in a hidden span): found, 214 × 56, the label left to the eye', async () => {
    const report = await audit({ url: `${PRO}pc-published.html` });
    expect(failures(report), summary(report)).to.deep.equal([]);
    expect(find(report, 1, 'pass', /^Bouton ProConnect .* reconnu par : nom accessible « S'identifier avec ProConnect »/), summary(report)).to.not.equal(undefined);
    expect(find(report, 1, 'pass', /214 × 56 px \(boîte du bouton, que son image de fond couvre\)/), summary(report)).to.not.equal(undefined);
    const label = find(report, 1, 'warn', /Libellé du bouton .* dessiné dans une image/);
    expect(label?.unjudged, summary(report)).to.equal(true);
    expect(report.complete).to.equal(false);
    expectNoSentence(report);
  });

  it('a page with both buttons, each under its own heading: either first, each judged by its own provider', async () => {
    const report = await audit({ url: `${PRO}pc-both.html` });
    expect(failures(report), summary(report)).to.deep.equal([]);
    expect(report.ok).to.equal(true);
    expect(find(report, 5, 'pass', /chacun dans son parcours : « Vous êtes un particulier » et « Vous êtes un agent »/), summary(report)).to.not.equal(undefined);
    // FranceConnect's button has its sentence and its 8 px; ProConnect's has neither asked.
    expect(find(report, 1, 'pass', /^Phrase explicative présente/), summary(report)).to.not.equal(undefined);
    expect(find(report, 2, 'pass', /Lien à 8 px sous le bouton \(8 px demandés\)/), summary(report)).to.not.equal(undefined);
    expect(report.findings.filter((f) => f.rule === 1 && f.status === 'pass' && /209 × 56/.test(f.message) && !f.provider)).to.have.length(1);
    expect(report.findings.filter((f) => f.rule === 1 && f.status === 'pass' && /214 × 56/.test(f.message) && f.provider === 'proconnect')).to.have.length(1);
    expectNoSentence(report);
  });

  it('both buttons, the agents’ section first with its own password form: that form is the agents’ way in, not one above FranceConnect', async () => {
    const page = await (await fetch(`${PRO}pc-both.html`)).text();
    const block = '<fc-login-block provider="proconnect" href="/auth/proconnect/login"></fc-login-block>';
    const form =
      '<p>ou</p><form action="/session" method="post"><label for="pw">Mot de passe</label><input id="pw" name="pw" type="password" autocomplete="current-password"><button type="submit">Se connecter</button></form>';
    const report = await audit({ html: page.replace(block, `${block}${form}`) });
    expect(failures(report), summary(report)).to.deep.equal([]);
    expect(find(report, 6, 'pass', /sépare ProConnect des autres/), summary(report)).to.not.equal(undefined);
    expect(find(report, 5, 'pass', /chacun dans son parcours/), summary(report)).to.not.equal(undefined);
  });
});

describe('audit, ProConnect: each broken page fails on the rule it breaks', () => {
  let hand = '';
  let both = '';
  before(async () => {
    hand = await (await fetch(`${PRO}pc-hand-made.html`)).text();
    both = await (await fetch(`${PRO}pc-both.html`)).text();
  });
  const page = (edit: (html: string) => string) => ({ html: edit(hand) });
  const css = (rules: string) => (h: string) => h.replace('</style>', `${rules}\n</style>`);
  const FORM = /<form action="\/session"[\s\S]*?<\/form>/;
  const OR = '<p class="or">ou</p>';
  const LINK = /<p><a href="https:\/\/www\.proconnect\.gouv\.fr\/"[\s\S]*?<\/p>/;

  const broken: Array<[string, () => { html: string }, number[], RegExp]> = [
    ['« Pro Connect » in two words', () => page((h) => h.replace('<span class="pc-brand">ProConnect</span>', '<span class="pc-brand">Pro Connect</span>')), [1], /Libellé « S’identifier avec Pro Connect » : « Pro Connect » en deux mots ; ProConnect demande exactement « S’identifier avec ProConnect »/],
    ['another label', () => page((h) => h.replace('S’identifier avec</span>', 'Se connecter avec</span>')), [1], /Libellé « Se connecter avec ProConnect » ; ProConnect demande exactement/],
    ['too small', () => page(css('.pc-btn { width: 200px; height: 52px }')), [1], /de 200 × 52 px ; ProConnect demande 214 × 56 px, jamais moins/],
    ['distorted', () => page(css('.pc-btn { width: 240px }')), [1], /déformé : 240 × 56 px, rapport 4\.3 ; ProConnect demande 214 × 56 px/],
    ['recoloured', () => page(css('.pc-btn { background-color: #e1000f }')), [1], /recoloré : fond #e1000f/],
    ['link missing', () => page((h) => h.replace(LINK, '')), [2], /Lien « Qu’est-ce que ProConnect\s\? » absent sous le bouton .* vers https:\/\/www\.proconnect\.gouv\.fr\//],
    ['link to another address', () => page((h) => h.replace('href="https://www.proconnect.gouv.fr/"', 'href="https://www.proconnect.fr/"')), [2], /pointe vers https:\/\/www\.proconnect\.fr\/ ; ProConnect demande https:\/\/www\.proconnect\.gouv\.fr\/ \(ou https:\/\/proconnect\.gouv\.fr\//],
    ['link in the same window', () => page((h) => h.replace(' target="_blank"', '')), [2], /même fenêtre ; ProConnect le demande dans une nouvelle fenêtre/],
    ['link in a new window, not announced', () => page((h) => h.replace(' title="Qu’est-ce que ProConnect ? - nouvelle fenêtre"', '')), [2], /nouvelle fenêtre sans l’annoncer/],
    ['link far below', () => page(css('.pc-group p { margin-top: 40px }')), [2], /Lien à 40 px sous le bouton ProConnect ; il doit le suivre de près, à 24 px au plus/],
    ['a Google button beside it', () => page((h) => h.replace(OR, `${OR}<p><a href="https://accounts.google.com/o/oauth2/v2/auth?client_id=x">Se connecter avec Google</a></p>`)), [7], /propose Google près du bouton ProConnect/],
    ['after a password form, with no separation', () => page((h) => h.replace(FORM, '').replace(OR, '').replace('<h1>Connexion</h1>', `<h1>Connexion</h1>${h.match(FORM)![0]}`)), [5, 6], /est au-dessus du bouton ProConnect ; ProConnect demande « ProConnect en priorité, alternatives ensuite »[\s\S]*Pas de séparation entre le bouton ProConnect/],
    ['after a password form, separated', () => page((h) => h.replace(FORM, '').replace(OR, '').replace('<h1>Connexion</h1>', `<h1>Connexion</h1>${h.match(FORM)![0]}${OR}`)), [5], /au-dessus du bouton ProConnect ; ProConnect demande « ProConnect en priorité/],
    ['first, but with no separation', () => page((h) => h.replace(OR, '')), [6], /Pas de séparation entre le bouton ProConnect et .* sous le bouton ; ProConnect déconseille des boutons « sans contexte ni hiérarchie »/],
    ['a button that opens ProConnect in a new window', () => page((h) => h.replace('<form action="/auth/proconnect/login" method="post">', '<form action="/auth/proconnect/login" method="post" target="_blank">')), [13], /ouvre une nouvelle fenêtre/],
  ];
  for (const [name, make, rules, words] of broken) {
    it(`${name}: fails ${rules.map((r) => `rule ${r}`).join(' and ')} only`, async () => {
      expectFailsOn(await audit(make()), rules, words);
    });
  }

  it('FranceConnect’s sentence is never asked of ProConnect’s button, even beside a sentence of its own', async () => {
    const report = await audit(page((h) => h.replace('<div class="pc-group">', '<div class="pc-group"><p>ProConnect est la solution de l’État pour les agents.</p>')));
    expect(failures(report), summary(report)).to.deep.equal([]);
    expectNoSentence(report);
    // A FranceConnect button on the same page would have been asked for it: the check is live.
    const fc = await audit({ url: '/test/audit/dsfr-login.html' });
    expect(find(fc, 1, 'pass', /^Phrase explicative présente/), summary(fc)).to.not.equal(undefined);
  });

  it('both buttons under one heading, not told apart: rule 5 (both paths) fails', async () => {
    const report = await audit({ html: both.replace(/<\/section>\s*<section>\s*<h2>Vous êtes un particulier<\/h2>/, '') });
    expectFailsOn(report, [5], /Boutons FranceConnect .* et ProConnect .* sous le même titre « Vous êtes un agent » : les parcours des particuliers et des agents doivent se distinguer/);
  });
});

describe('audit, ProConnect: found by every signal, never taken for FranceConnect (nor the reverse)', () => {
  const controls = (html: string) =>
    inFrame(
      { html: `<!doctype html><html lang="fr"><head><script type="module" src="/dist/cdn/franceconnect-elements.js"></script></head><body><main>${html}</main></body></html>` },
      (doc) => findFranceConnectControls(doc),
    );
  const cases: Array<[string, string, 'proconnect' | 'franceconnect', RegExp]> = [
    ['its accessible name', '<button type="button">S’identifier avec ProConnect</button>', 'proconnect', /nom accessible/],
    ['the DSFR 1.15 class', '<button class="fr-connect fr-connect--pro" type="button"><span class="fr-connect__login">S’identifier</span></button>', 'proconnect', /classe \.fr-connect--pro du DSFR/],
    ['our element', '<fc-button provider="proconnect" href="/auth/pc"></fc-button>', 'proconnect', /élément <fc-button provider="proconnect">/],
    ['its authorize, production host', '<a href="https://auth.agentconnect.gouv.fr/api/v2/authorize?client_id=x">Se connecter</a>', 'proconnect', /mène à auth\.agentconnect\.gouv\.fr\/api\/v2\/authorize/],
    ['its authorize, integration host', '<a href="https://fca.integ01.dev-agentconnect.fr/api/v2/authorize">Connexion</a>', 'proconnect', /mène à fca\.integ01\.dev-agentconnect\.fr/],
    ['a login route named after it', '<a href="/api/auth/signin/proconnect">Se connecter</a>', 'proconnect', /mène à \/api\/auth\/signin\/proconnect/],
    ['an image’s alt', '<a href="/login"><img src="/test/audit/img/pc-bouton.svg" width="214" height="56" alt="S’identifier avec ProConnect"></a>', 'proconnect', /nom accessible|alt/],
    ['an image named after it', '<button type="button"><img src="/test/audit/img/pc-bouton.svg#proconnect" width="214" height="56" alt=""></button>', 'proconnect', /image /],
    ['its logo in an image’s pixels', '<button type="button"><img src="/test/audit/img/pc-bouton.svg" width="214" height="56" alt=""></button>', 'proconnect', /logo ProConnect dans l’image pc-bouton\.svg/],
    ['a class name', '<button class="btn-proconnect" type="button">Connexion</button>', 'proconnect', /classe ou identifiant « btn-proconnect »/],
    ['FranceConnect’s authorize stays FranceConnect’s', '<a href="https://fcp-low.sbx.dev-franceconnect.fr/api/v2/authorize">Se connecter</a>', 'franceconnect', /mène à \/api\/v2\/authorize/],
    ['the DSFR’s FranceConnect button stays FranceConnect’s', '<button class="fr-connect" type="button"><span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">FranceConnect</span></button>', 'franceconnect', /classe \.fr-connect du DSFR/],
  ];
  for (const [name, markup, provider, signal] of cases) {
    it(`${name}: a ${provider} button`, async () => {
      const found = await controls(markup);
      expect(found.buttons.map((b) => b.provider), JSON.stringify(found.buttons.map((b) => b.signals))).to.deep.equal([provider]);
      expect(found.buttons[0].signals.join(' ; ')).to.match(signal);
      expect(found.buttons[0].plus).to.equal(false);
    });
  }

  it('« Qu’est-ce que ProConnect ? » and ProConnect’s site are never the button', async () => {
    const found = await controls(
      '<p><a href="https://www.proconnect.gouv.fr/" target="_blank">Qu’est-ce que ProConnect ?</a></p><p><a href="https://partenaires.proconnect.gouv.fr/docs">Documentation ProConnect</a></p>',
    );
    expect(found.buttons).to.deep.equal([]);
    expect(found.likely).to.deep.equal([]);
  });
});
