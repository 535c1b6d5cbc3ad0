// franceconnect-rehearse: the qualification's journey, run against a team's own service
// on its own machine. The local FranceConnect v2 (../local-franceconnect) is started with
// the service registered; a headless Chromium walks the journey as the qualifier does;
// every rule of the qualification checklist gets findings `{ rule, status, message,
// evidence }` (the page audit's shape), in French, quoting what was seen.
import { startLocalFranceConnect, demoIdentities } from '../local-franceconnect/server.mjs';
import { auditPage, WIDTHS } from './audit.mjs';
import { judgeAuthorizeRequests } from './authorize.mjs';
import { startRegistered } from './local-start.mjs';
import { DELETE_ACCOUNT, fold, launchBrowser, LOGOUT, Visitor } from './driver.mjs';
import { RehearsalError } from './errors.mjs';
import { madeUpCredentials } from './options.mjs';
import { startService, waitForService } from './service.mjs';
import { ruleStatuses, stepper } from './steps.mjs';
import { tlsFinding } from './tls.mjs';
import { rehearseProConnect } from './rehearse-proconnect.mjs';

export { RehearsalError } from './errors.mjs';
export { parseOptions, USAGE } from './options.mjs';
export { launchBrowser } from './driver.mjs';
export { PROCONNECT_RULES } from './rehearse-proconnect.mjs';

/** The rules of the qualification checklist, as the report names them (docs/qualification.md). */
export const RULES = {
  1: 'Bouton FranceConnect dans la section « Connexion »',
  2: 'Lien « Qu’est-ce que FranceConnect ? » (connexion)',
  3: 'Bouton FranceConnect dans la section « Inscription »',
  4: 'Lien « Qu’est-ce que FranceConnect ? » (inscription)',
  5: 'FranceConnect en premier',
  6: 'Séparation « OU » des autres moyens de connexion',
  7: 'Aucune connexion par réseau social ou service privé',
  8: 'Connexion avec FranceConnect',
  9: 'La déconnexion ferme la session FranceConnect',
  10: 'Inscription avec FranceConnect',
  11: 'Réconciliation des comptes (facultative)',
  12: 'La suppression du compte ferme la session FranceConnect',
  13: 'Ni pop-up, ni iframe',
  14: 'La personne voit qu’elle est connectée',
  15: 'Identité pivot non modifiable',
  16: 'Nom d’usage et Email modifiables',
  17: 'Scopes de l’identité pivot',
  18: 'TLS 1.2 ou 1.3',
  19: 'Niveau eIDAS (acr_values)',
  20: 'state et nonce aléatoires, vérifiés',
  21: 'Le client_id enregistré',
  22: 'Second facteur pour les services sensibles',
};


/** What the rehearsal never sees, and why (rules it reports as not checked). */
const NOT_CHECKED = [
  {
    rule: 11,
    status: 'not-checked',
    message: 'Non vérifiée : la réconciliation relie des comptes locaux existants à une identité FranceConnect ; elle dépend de vos comptes et de votre parcours, que la répétition ne connaît pas. Décrivez-la dans votre demande de qualification si votre service la propose.',
    evidence: {},
  },
  {
    rule: 22,
    status: 'not-checked',
    message: 'Non vérifiée : un second facteur (possession ou biométrie) n’est exigé que des services de santé, de modification de coordonnées bancaires ou de données sensibles ; la répétition ne sait pas si le vôtre en est un, ni ne voit votre second facteur.',
    evidence: {},
  },
];

/** The person who logs in throughout the run: a first name with a hyphen, a name with an apostrophe, a nom d'usage. */
const PERSON = demoIdentities.find((identity) => identity.family_name === 'N’DIAYE') ?? demoIdentities[0];
/** Pivot values a forged profile submission sends instead of FranceConnect's (rule 15). */
const FORGED = { given_name: 'Usurpé', family_name: 'FAUSSAIRE', birthdate: '2002-02-02', birthplace: '13055', birthcountry: '99134' };

const path = (url, service) => (new URL(url).origin === new URL(service).origin ? new URL(url).pathname + new URL(url).search : url);

/**
 * Runs a rehearsal.
 * @param {object} options what `parseOptions` returns (service, login, signup, profile,
 *   deleteAccount, redirectUri, postLogoutRedirectUri, clientId, clientSecret, alg, fcPort,
 *   start, wait, plus, provider: 'franceconnect' (default) or 'proconnect', which runs rehearseProConnect)
 * @param {{ progress?: (line: string) => void, browser?: import('playwright-core').Browser }} [hooks]
 *   `progress` gets one line per step; `browser` is used instead of launching one (and left open)
 * @returns {Promise<object>} the result: `findings`, `rules`, `steps`, `exitCode` (0 or 1), and what was run
 * @throws {RehearsalError} when the rehearsal cannot run (exit code 2)
 */
export async function rehearse(options, { progress = () => {}, browser: givenBrowser } = {}) {
  if (options.provider === 'proconnect') return rehearseProConnect(options, { progress, browser: givenBrowser });
  const started = Date.now();
  const credentials = options.clientId ? { clientId: options.clientId, clientSecret: options.clientSecret } : madeUpCredentials();
  const cleanup = [];
  const result = {
    service: options.service,
    pages: { login: options.login, signup: options.signup, profile: options.profile },
    startedAt: new Date(started).toISOString(),
    franceconnect: undefined,
    steps: [],
    findings: [],
  };
  try {
    // The local FranceConnect, with this service registered as the partner space would.
    const fc = await startRegistered(startLocalFranceConnect, 'FranceConnect', options, credentials, { plus: options.plus });
    cleanup.push(() => fc.close());
    result.franceconnect = {
      issuer: fc.issuer,
      discovery: `${fc.issuer}/.well-known/openid-configuration`,
      clientId: credentials.clientId,
      ...(options.clientId ? {} : { clientSecret: credentials.clientSecret }),
      alg: options.alg,
      plus: options.plus,
    };
    progress(
      `FranceConnect local : ${result.franceconnect.discovery}\n` +
        `  client_id ${credentials.clientId}${options.clientId ? '' : `\n  client_secret ${credentials.clientSecret}   (inventés pour cette répétition : mettez-les dans la configuration du service)`}\n` +
        `  signature ${options.alg}, redirect_uri ${options.redirectUri}, post_logout_redirect_uri ${options.postLogoutRedirectUri}`,
    );

    // The service: started here, or waited for.
    if (options.start) {
      const service = await startService({
        command: options.start,
        url: options.service,
        waitSeconds: options.wait,
        env: {
          FC_ISSUER: fc.issuer,
          FC_DISCOVERY_URL: result.franceconnect.discovery,
          FC_CLIENT_ID: credentials.clientId,
          FC_CLIENT_SECRET: credentials.clientSecret,
          FC_SIGNING_ALG: options.alg,
          // With --plus, FC_PLUS=1: the FranceConnect+ service this rehearsal is for.
          ...(options.plus && { FC_PLUS: '1' }),
        },
      });
      cleanup.push(() => service.stop());
      progress(`Service démarré par --start : ${options.service}`);
    } else {
      progress(`En attente du service sur ${options.service}…`);
      await waitForService({ url: options.service, waitSeconds: options.wait });
    }

    const browser = givenBrowser ?? (await launchBrowser());
    if (!givenBrowser) cleanup.push(() => browser.close());

    await journey({ options, fc, browser, credentials, result, progress });
  } finally {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
  }
  result.findings.push(...NOT_CHECKED);
  result.rules = ruleStatuses(RULES, result.findings, Number);
  result.ok = !result.findings.some((f) => f.status === 'fail');
  result.exitCode = result.ok ? 0 : 1;
  result.durationMs = Date.now() - started;
  return result;
}

/** The journey itself: each step pushes its findings and its screenshots. */
async function journey({ options, fc, browser, credentials, result, progress }) {
  const visitors = [];
  const open = async () => {
    const visitor = await Visitor.open(browser, { franceConnect: fc.issuer, service: options.service, ignoreHTTPSErrors: true });
    visitors.push(visitor);
    return visitor;
  };
  const planned = [
    'connexion',
    'inscription',
    'inscription-fc',
    'nom',
    'deconnexion',
    'connexion-fc',
    ...(options.profile ? ['profil'] : []),
    'state',
    'nonce',
    ...(options.deleteAccount ? ['suppression'] : []),
    'authorize',
    'fenetres',
    'tls',
  ];
  /** Runs one step: its findings, screenshots and one progress line. */
  const step = stepper({ result, planned, progress });

  const at = (url) => path(url, options.service);

  // Steps 1 and 2: the page audit of franceconnect-elements on the login and sign-up pages.
  for (const [kind, url, own] of [
    ['connexion', options.login, [1, 2, 5, 6, 7, 13]],
    ['inscription', options.signup, [3, 4, 5, 6, 7, 13]],
  ]) {
    await step(`Audit de la page ${kind === 'connexion' ? 'de connexion' : 'd’inscription'} ${at(url)}, à ${WIDTHS.join(' et ')} px`, own, async ({ found, shot }) => {
      const visitor = await open();
      await visitor.goto(url);
      const primary = kind === 'connexion' ? 1 : 3;
      for (const width of WIDTHS) {
        await visitor.page.setViewportSize({ width, height: 900 });
        const findings = await auditPage(visitor.page);
        for (const f of findings.filter((x) => own.includes(x.rule))) {
          found({ rule: f.rule, status: f.status, message: f.message, evidence: { page: at(url), largeur: `${width} px` } });
        }
        if (!findings.some((f) => f.rule === primary && f.status !== 'not-applicable' && f.element)) {
          const other = findings.filter((f) => [1, 2, 3, 4].includes(f.rule) && f.status !== 'warn').map((f) => `règle ${f.rule} : ${f.message}`);
          found({
            rule: primary,
            status: 'fail',
            message: `L’audit de ${at(url)} n’y trouve pas de bouton FranceConnect de section ${kind === 'connexion' ? 'de connexion' : 'd’inscription'}${other.length ? ` (il a vu : ${other[0]})` : ''}.`,
            evidence: { page: at(url), largeur: `${width} px` },
          });
        }
        await shot(visitor.screenshot(`${at(url)} à ${width} px`, { fullPage: width < 1000 }));
      }
      await visitor.close();
    });
  }

  /**
   * Logs `visitor` in from `url`: the FranceConnect button, the person at FranceConnect,
   * « Continuer ». `{ ok, asked, button, look, reason }`: `asked` when FranceConnect showed
   * its identity choice (it did not know the person), rather than its information step.
   */
  async function logIn(visitor, url, shot) {
    await visitor.goto(url);
    const before = fc.received.length;
    const errorsBefore = visitor.errorsBack.length;
    const { button, state } = await visitor.activateFranceConnect();
    if (!button) return { ok: false, reason: `l’audit ne trouve aucun bouton FranceConnect sur ${at(url)}` };
    if (state.timedOut || state.at !== 'franceconnect') {
      // FranceConnect may have answered at once with an error, sent back to the service
      // (invalid_acr for a level it does not offer): say so rather than "stayed".
      const back = visitor.errorsBack.slice(errorsBefore).at(-1);
      if (back) {
        const said = back.description ? ` (« ${back.description} »)` : '';
        return { ok: false, button, reason: `le bouton ${button} a mené à FranceConnect, qui a renvoyé aussitôt au service error=${back.error}${said} ; la page est ensuite sur ${visitor.where()}` };
      }
      return { ok: false, button, reason: `le bouton ${button} n’a pas mené à FranceConnect : la page est restée ${state.at === 'service' ? `sur ${visitor.where()}` : `sur ${state.url}`}` };
    }
    if (state.page === 'error') {
      const call = fc.received.slice(before).filter((r) => r.endpoint === 'authorize').at(-1);
      const params = Object.fromEntries(call?.params ?? []);
      if (state.code === 'Y04C013C') {
        throw new RehearsalError(
          `FranceConnect a refusé la redirect_uri envoyée par le service (${params.redirect_uri ?? 'absente'}) : elle n’est pas celle donnée à la répétition (--redirect-uri ${options.redirectUri}). Donnez celle du service, ou corrigez sa configuration.`,
        );
      }
      if (state.code === 'Y04EA6EF') {
        throw new RehearsalError(
          `FranceConnect ne connaît pas le client_id envoyé par le service (${params.client_id ?? 'absent'}) : configurez le service avec celui de la répétition (${credentials.clientId}), ou donnez le sien avec --client-id et --client-secret (règle 21).`,
        );
      }
      const why = call?.violations?.length ? ` ; paramètres refusés par FranceConnect v2 : ${call.violations.join(', ')}` : '';
      await shot(visitor.screenshot(`FranceConnect refuse : Erreur ${state.code}`));
      return { ok: false, button, reason: `FranceConnect a refusé l’appel du service (page « Erreur ${state.code} », sans retour au service)${why}` };
    }
    const asked = state.page === 'identity';
    if (asked) {
      await shot(visitor.screenshot('FranceConnect : choix de l’identité'));
      const next = await visitor.chooseIdentity(PERSON);
      if (next.page !== 'information') return { ok: false, button, asked, reason: `après le choix de l’identité, FranceConnect montre ${next.url}` };
    }
    const back = await visitor.continueToService();
    if (back.at !== 'service') {
      return { ok: false, button, asked, reason: back.page === 'error' ? `FranceConnect affiche « Erreur ${back.code} » après « Continuer »` : `après « Continuer », la page est ${back.url}` };
    }
    const look = await visitor.look(PERSON);
    return { ok: look.loggedIn, button, asked, look, reason: look.loggedIn ? undefined : `de retour sur ${look.where}, personne n’est connecté${look.message ? ` (la page dit : « ${look.message} »)` : ''}` };
  }

  const chain = (login, url) => `${at(url)} → bouton ${login.button} → FranceConnect${login.asked ? ' (choix de l’identité)' : ' (étape « Continuer » seule)'} → ${login.look?.where ?? '?'}`;
  const connected = (look) => (look.logout ? `bouton « ${look.logout} » présent` : 'nom de la personne dans la page');

  // Step 3, rule 10: signing up from the sign-up page.
  const person = await open();
  let signedUp;
  await step(`Inscription avec FranceConnect depuis ${at(options.signup)}`, [10], async ({ found, shot }) => {
    signedUp = await logIn(person, options.signup, shot);
    await shot(person.screenshot(`Après l’inscription : ${person.where()}`));
    found(
      signedUp.ok
        ? { rule: 10, status: 'pass', message: `Inscription : ${chain(signedUp, options.signup)} ; connecté(e) (${connected(signedUp.look)}).`, evidence: { page: at(options.signup), arrivée: signedUp.look.where } }
        : { rule: 10, status: 'fail', message: `L’inscription avec FranceConnect depuis ${at(options.signup)} n’aboutit pas : ${signedUp.reason}.`, evidence: { page: at(options.signup), ...(signedUp.look ? { arrivée: signedUp.look.where } : {}) } },
    );
  });

  /** Rule 14 on the pages a logged-in person sees, without any click. */
  async function namesOn(visitor, urls, found, shot) {
    const seen = [];
    const unseen = [];
    for (const url of urls) {
      if (url) await visitor.goto(url);
      const look = await visitor.look(PERSON);
      if (!look.loggedIn) {
        unseen.push(`${look.where} (plus connecté·e)`);
        continue;
      }
      (look.namesVisible ? seen : unseen).push(look.where + (look.namesVisible ? '' : look.hiddenNames.length ? ` (« ${look.hiddenNames.join(' ')} » dans la page mais caché)` : ' (nom absent)'));
    }
    await shot(visitor.screenshot(`Connecté·e : ${visitor.where()}`));
    const who = `${PERSON.given_name.split(' ')[0]} ${PERSON.family_name}${PERSON.preferred_username ? ` (ou son nom d’usage ${PERSON.preferred_username})` : ''}`;
    found(
      unseen.length
        ? { rule: 14, status: 'fail', message: `Le prénom et le nom de la personne connectée (${who}) ne se voient pas sans clic sur ${unseen.join(', ')} ; la règle 14 veut qu’elle voie qu’elle est connectée.`, evidence: { pages: unseen.join(', ') } }
        : { rule: 14, status: 'pass', message: `${who} visible sans clic sur ${seen.join(', ')}.`, evidence: { pages: seen.join(', ') } },
    );
  }

  // Step 4, rule 14: the name, shown.
  await step('Nom de la personne connectée, visible sans clic', [14], async ({ found, shot }) => {
    if (!signedUp?.ok) {
      found({ rule: 14, status: 'not-checked', message: 'Non vérifiée après l’inscription : personne n’est connecté (règle 10).', evidence: {} });
      return;
    }
    const landing = person.page.url();
    await namesOn(person, [null, options.service, options.profile].filter((u, i) => i === 0 || (u && u !== landing)), found, shot);
    await person.goto(landing);
  });

  /** Logs out with the page's logout control; the rule 9 / 12 checks of what FranceConnect received. */
  async function endsFranceConnect(what, since) {
    const back = await person.until((s) => s.at === 'service' || (s.at === 'franceconnect' && (s.page === 'error' || s.page === 'other')), { timeout: 15000 });
    const ends = fc.received.slice(since).filter((r) => r.endpoint === 'session/end');
    const end = ends.at(-1);
    const params = Object.fromEntries(end?.params ?? []);
    const problems = [];
    if (!end) problems.push(`${what} n’est pas passée par session/end de FranceConnect : sa session reste ouverte`);
    else if (!params.id_token_hint) problems.push(`session/end reçu sans id_token_hint ; FranceConnect v2 le refuse (Erreur Y000400) et sa session reste ouverte`);
    else if (end.violations.length) problems.push(`session/end reçu avec des paramètres que FranceConnect v2 refuse : ${end.violations.join(', ')}`);
    if (back.at !== 'service') problems.push(back.page === 'error' ? `la personne reste sur la page « Erreur ${back.code} » de FranceConnect` : `FranceConnect n’a pas renvoyé vers le service (page ${back.url}${end && !params.post_logout_redirect_uri ? ' ; post_logout_redirect_uri absent' : ''})`);
    let look;
    if (back.at === 'service') {
      look = await person.look(PERSON);
      if (look.loggedIn) problems.push(`la personne est toujours connectée au service sur ${look.where}`);
    } else {
      await person.goto(options.service);
    }
    return { problems, params, look, end };
  }

  // Step 5, rule 9: logging out ends the FranceConnect session; the next login asks again.
  let relogin;
  await step('Déconnexion, puis nouvelle connexion', [9], async ({ found, shot }) => {
    if (!signedUp?.ok) {
      found({ rule: 9, status: 'not-checked', message: 'Non vérifiée : personne n’est connecté (règle 10).', evidence: {} });
      return;
    }
    const control = await person.control(LOGOUT);
    if (!control || control.hidden) {
      found({ rule: 9, status: 'fail', message: `Aucun bouton de déconnexion (« Se déconnecter ») visible sur ${person.where()}${control?.hidden ? ', même après ouverture des menus' : ''}.`, evidence: { page: person.where() } });
      return;
    }
    const since = fc.received.length;
    await person.clickAndNavigate(control.locator);
    const { problems, params } = await endsFranceConnect('la déconnexion', since);
    await shot(person.screenshot(`Après « ${control.name} » : ${person.where()}`));
    // Logging in again: FranceConnect asks who is connecting only if its session ended.
    await person.goto(options.login);
    const again = await person.activateFranceConnect();
    relogin = again;
    await shot(person.screenshot(`Nouvelle connexion depuis ${at(options.login)} : ${again.state?.page === 'identity' ? 'FranceConnect demande qui se connecte' : again.state?.page === 'information' ? 'FranceConnect passe directement à « Continuer »' : person.where()}`));
    if (again.state?.page === 'information') problems.push('à la connexion suivante, FranceConnect n’a pas redemandé qui se connecte (étape « Continuer » directement) : sa session n’a pas été fermée');
    else if (again.state?.page !== 'identity') problems.push(`la connexion suivante n’a pas mené au choix de l’identité de FranceConnect (${again.state?.url ?? 'aucun bouton'})`);
    const evidence = { bouton: control.name + (control.menu ? ` (dans le menu « ${control.menu} »)` : ''), 'session/end': params.id_token_hint !== undefined || Object.keys(params).length ? Object.keys(params).join(', ') : 'non reçu' };
    found(
      problems.length
        ? { rule: 9, status: 'fail', message: `Déconnexion par « ${control.name} » : ${problems.join(' ; ')}.`, evidence }
        : {
            rule: 9,
            status: 'pass',
            message: `« ${control.name} » → session/end avec id_token_hint${params.state ? ', state' : ''} et post_logout_redirect_uri=${params.post_logout_redirect_uri} → retour sur le service, déconnecté(e) ; à la connexion suivante FranceConnect redemande qui se connecte.`,
            evidence,
          },
    );
  });

  // Step 6, rule 8: logging in to the account made at step 3, from the login page.
  await step(`Connexion avec FranceConnect depuis ${at(options.login)}`, [8, 14], async ({ found, shot }) => {
    let login;
    if (relogin?.state?.at === 'franceconnect' && ['identity', 'information'].includes(relogin.state.page)) {
      // Already at FranceConnect from the login page (step 5): go on from there.
      const asked = relogin.state.page === 'identity';
      if (asked) await person.chooseIdentity(PERSON);
      const back = await person.continueToService();
      const look = back.at === 'service' ? await person.look(PERSON) : undefined;
      login = { ok: Boolean(look?.loggedIn), asked, button: relogin.button, look, reason: look ? `de retour sur ${look.where}, personne n’est connecté${look.message ? ` (la page dit : « ${look.message} »)` : ''}` : `après « Continuer », la page est ${back.url}` };
    } else {
      login = await logIn(person, options.login, shot);
    }
    found(
      login.ok
        ? { rule: 8, status: 'pass', message: `Connexion : ${chain(login, options.login)} ; connecté(e) (${connected(login.look)}).`, evidence: { page: at(options.login), arrivée: login.look.where } }
        : { rule: 8, status: 'fail', message: `La connexion avec FranceConnect depuis ${at(options.login)} n’aboutit pas : ${login.reason}.`, evidence: { page: at(options.login) } },
    );
    if (login.ok) await namesOn(person, [null], found, shot);
    else await shot(person.screenshot(`Après la connexion : ${person.where()}`));
  });

  // Step 7, rules 15 and 16: the profile page, its fields as the page audit judges them, and a forged submission.
  if (options.profile) {
    await step(`Profil ${at(options.profile)} : identité pivot verrouillée, Email et Nom d’usage modifiables`, [15, 16], async ({ found, shot }) => {
      if (!(await person.look(PERSON)).loggedIn) {
        for (const rule of [15, 16]) found({ rule, status: 'not-checked', message: 'Non vérifiée : personne n’est connecté (règle 8).', evidence: {} });
        return;
      }
      await person.goto(options.profile);
      for (const f of (await auditPage(person.page)).filter((x) => x.rule === 15 || x.rule === 16)) {
        found({ rule: f.rule, status: f.status, message: f.message, evidence: { page: at(options.profile) } });
      }
      await shot(person.screenshot(`Profil : ${at(options.profile)}`, { fullPage: true }));
      const forged = await forgeProfile(person, at, found);
      if (!forged) return;
      await person.goto(options.profile);
      const after = await person.look(PERSON);
      await shot(person.screenshot(`Profil rechargé après l’envoi falsifié`, { fullPage: true }));
      const shown = fold(`${after.text.all} ${after.text.values.join(' ')}`);
      const kept = Object.entries(FORGED).filter(([claim, value]) => forged.sent.includes(claim) && shown.includes(fold(value)));
      const original = fold(PERSON.family_name);
      found(
        kept.length
          ? { rule: 15, status: 'fail', message: `Après un envoi falsifié, le profil rechargé montre ${kept.map(([claim, value]) => `${claim} « ${value} »`).join(', ')} : le service enregistre l’identité pivot reçue du formulaire ; la règle 15 la veut non modifiable (seules les valeurs de FranceConnect comptent).`, evidence: { envoyé: forged.summary } }
          : shown.includes(original)
            ? { rule: 15, status: 'pass', message: `Envoi falsifié (${forged.summary}) : le profil rechargé garde l’identité de FranceConnect (« ${PERSON.family_name} », « ${PERSON.given_name} »).`, evidence: { envoyé: forged.summary } }
            : { rule: 15, status: 'warn', message: `Après l’envoi falsifié, le profil rechargé ne montre plus « ${PERSON.family_name} » : vérifiez à la main ce que le service a gardé.`, evidence: { envoyé: forged.summary } },
      );
      for (const [label, value] of forged.changed) {
        found(
          shown.includes(fold(value))
            ? { rule: 16, status: 'pass', message: `« ${label} » modifié en « ${value} » et gardé après rechargement.`, evidence: { page: at(options.profile) } }
            : { rule: 16, status: 'fail', message: `« ${label} » modifié en « ${value} » mais absent après rechargement : la règle 16 le veut modifiable.`, evidence: { page: at(options.profile) } },
        );
      }
    });
  }

  // Steps 8 and 9, rule 20: a state, then a nonce, changed on their way to FranceConnect.
  for (const parameter of ['state', 'nonce']) {
    await step(`${parameter} modifié dans l’appel à /authorize`, [20], async ({ found, shot }) => {
      const visitor = await open();
      const since = fc.received.length;
      fc.tamperNext(parameter);
      await visitor.goto(options.login);
      const { button, state } = await visitor.activateFranceConnect();
      const tampered = fc.received.slice(since).find((r) => r.tampered);
      if (!button || state.at !== 'franceconnect' || !['identity', 'information'].includes(state.page) || !tampered) {
        found({ rule: 20, status: 'not-checked', message: `Non vérifiée : la connexion n’a pas atteint FranceConnect (${button ? state.url : 'aucun bouton'}).`, evidence: {} });
        await visitor.close();
        return;
      }
      if (state.page === 'identity') await visitor.chooseIdentity(PERSON);
      const back = await visitor.continueToService();
      const look = back.at === 'service' ? await visitor.look(PERSON) : undefined;
      // The service may come back through session/end: wait for it to settle at the service.
      const final = look ?? undefined;
      await shot(visitor.screenshot(`Après un ${parameter} modifié : ${visitor.where()}`));
      const ends = fc.received.slice(since).filter((r) => r.endpoint === 'session/end');
      const tokens = fc.received.slice(since).filter((r) => r.endpoint === 'token');
      const problems = [];
      const evidence = { [parameter]: `${tampered.tampered.from} → ${tampered.tampered.to}` };
      if (back.at !== 'service') problems.push(back.page === 'error' ? `la personne reste sur la page « Erreur ${back.code} » de FranceConnect` : `la page est ${back.url}`);
      if (final?.status >= 500) problems.push(`le service répond une erreur HTTP ${final.status} sur ${final.where}${final.heading ? ` (« ${final.heading} »)` : ''}`);
      if (final?.loggedIn) problems.push(`le service a connecté la personne malgré le ${parameter} modifié (${final.where}, ${connected(final)})`);
      if (final && !final.loggedIn && !final.failureMessage && !(final.status >= 500)) problems.push(`aucun message n’explique l’échec sur ${final.where}${final.heading ? ` (titre « ${final.heading} »)` : ''}`);
      if (parameter === 'nonce' && final && !final.loggedIn) {
        // An ID token came back: the service ends FranceConnect's session with it.
        const end = ends.at(-1);
        const params = Object.fromEntries(end?.params ?? []);
        if (!end) problems.push('le service n’a pas fermé la session FranceConnect (aucun session/end), alors qu’un jeton d’identité était arrivé');
        else if (!params.id_token_hint) problems.push('session/end reçu sans id_token_hint : FranceConnect v2 le refuse (Erreur Y000400)');
        else {
          await visitor.goto(options.login);
          const again = await visitor.activateFranceConnect();
          if (again.state?.page !== 'identity') problems.push('à la connexion suivante, FranceConnect n’a pas redemandé qui se connecte : sa session n’a pas été fermée');
        }
      }
      if (parameter === 'state' && final && !final.loggedIn) {
        // No ID token before the state is checked: nothing to end (v2 refuses session/end without id_token_hint).
        const end = ends.at(-1);
        if (end && !Object.fromEntries(end.params).id_token_hint) problems.push('session/end reçu sans id_token_hint : FranceConnect v2 le refuse (Erreur Y000400)');
      }
      if (problems.length) {
        found({ rule: 20, status: 'fail', message: `${parameter} modifié (${evidence[parameter]}) : ${problems.join(' ; ')} ; la règle 20 veut qu’un ${parameter} modifié arrête la connexion.`, evidence });
      } else {
        const ended = parameter === 'nonce' ? ' ; session FranceConnect fermée (session/end avec id_token_hint), FranceConnect redemande ensuite qui se connecte' : '';
        found({ rule: 20, status: 'pass', message: `${parameter} modifié (${evidence[parameter]}) : la personne n’est pas connectée, ${final.where} dit « ${final.failureMessage} »${ended}.`, evidence });
      }
      if (parameter === 'state' && tokens.some((t) => t.at >= tampered.at && t.at <= Date.now()) && !final?.loggedIn) {
        found({ rule: 20, status: 'warn', message: 'Le service a échangé le code (appel à /token) avant de refuser le state modifié : vérifiez le state avant d’utiliser le code.', evidence });
      }
      await visitor.close();
    });
  }

  // Step 10, rule 12: deleting the account ends the FranceConnect session too.
  if (options.deleteAccount) {
    await step('Suppression du compte', [12], async ({ found, shot }) => {
      if (!(await person.look(PERSON)).loggedIn) {
        const login = await logIn(person, options.login, shot);
        if (!login.ok) {
          found({ rule: 12, status: 'not-checked', message: `Non vérifiée : la connexion n’aboutit pas (${login.reason}).`, evidence: {} });
          return;
        }
      }
      for (const url of [options.profile, options.service, person.page.url()].filter(Boolean)) {
        await person.goto(url);
        if ((await person.control(DELETE_ACCOUNT, { openMenus: false }))) break;
      }
      const control = await person.control(DELETE_ACCOUNT);
      if (!control || control.hidden) {
        found({ rule: 12, status: 'fail', message: `Aucun bouton « Supprimer mon compte » trouvé (${[options.profile, options.service].filter(Boolean).map(at).join(', ')}), alors que --delete-account le dit présent.`, evidence: {} });
        return;
      }
      const since = fc.received.length;
      await person.clickAndNavigate(control.locator);
      // A confirmation page may ask again.
      await person.settle();
      const confirm = (await person.state()).at === 'service' ? await person.control(DELETE_ACCOUNT, { openMenus: false }) : null;
      if (confirm && !confirm.hidden && !fc.received.slice(since).some((r) => r.endpoint === 'session/end')) await confirm.locator.click({ timeout: 10000 }).catch(() => undefined);
      const { problems, params } = await endsFranceConnect('la suppression du compte', since);
      await shot(person.screenshot(`Après « ${control.name} » : ${person.where()}`));
      await person.goto(options.login);
      const again = await person.activateFranceConnect();
      if (again.state?.page === 'information') problems.push('à la connexion suivante, FranceConnect n’a pas redemandé qui se connecte : sa session n’a pas été fermée');
      found(
        problems.length
          ? { rule: 12, status: 'fail', message: `Suppression par « ${control.name} » : ${problems.join(' ; ')}.`, evidence: { bouton: control.name } }
          : { rule: 12, status: 'pass', message: `« ${control.name} » → session/end avec id_token_hint et post_logout_redirect_uri=${params.post_logout_redirect_uri} → retour sur le service, déconnecté(e) ; FranceConnect redemande ensuite qui se connecte.`, evidence: { bouton: control.name } },
      );
    });
  }

  // Rules 17, 19, 20, 21: every authorize FranceConnect received.
  await step('Paramètres de chaque appel à /authorize reçu par FranceConnect', [17, 19, 20, 21], async ({ found }) => {
    const calls = fc.received.filter((r) => r.endpoint === 'authorize');
    for (const f of judgeAuthorizeRequests(calls, { clientId: credentials.clientId, plus: options.plus })) found(f);
  });

  // Rule 13, measured: every window and frame of the whole run.
  await step('Fenêtres et cadres ouverts pendant tout le parcours', [13], async ({ found }) => {
    const popups = visitors.flatMap((v) => v.popups.map((p) => p.url));
    const frames = visitors.flatMap((v) => v.frames.map((f) => `${f.url} (dans ${at(f.page)})`));
    if (popups.length) found({ rule: 13, status: 'fail', message: `${popups.length} fenêtre(s) ouverte(s) pendant le parcours : ${[...new Set(popups.map(at))].join(', ')} ; la règle 13 interdit les pop-ups : FranceConnect s’ouvre dans l’onglet de la personne.`, evidence: { fenêtres: popups.join(' ') } });
    if (frames.length) found({ rule: 13, status: 'fail', message: `${frames.length} cadre(s) (iframe) pendant le parcours : ${[...new Set(frames)].slice(0, 3).join(', ')} ; la règle 13 interdit les iframes.`, evidence: { cadres: frames.join(' ') } });
    if (!popups.length && !frames.length) found({ rule: 13, status: 'pass', message: `Aucune fenêtre, aucun onglet, aucun cadre ouvert pendant tout le parcours (${visitors.length} navigateurs).`, evidence: {} });
  });

  await step('TLS du service', [18], async ({ found }) => {
    found(await tlsFinding(options.service));
  });

  for (const visitor of visitors) await visitor.close();
}

/**
 * Rule 15's forged submission on the profile page: every field showing one of
 * FranceConnect's pivot values is unlocked (readonly, disabled, aria-readonly) and
 * changed, and the submission itself is edited (the `formdata` event) so that whatever
 * the page submits, the six pivot claims carry other values; Email and Nom d'usage are
 * changed as a person would. Returns what was sent, or null (a finding says why).
 */
async function forgeProfile(visitor, at, found) {
  const page = visitor.page;
  const changed = [];
  const stamp = Date.now().toString(36);
  for (const [label, pattern, value] of [
    ['Email', /^(?:e-?mail|courriel|adresse (?:e-?mail|électronique|de courriel))/i, `repetition.${stamp}@example.fr`],
    ['Nom d’usage', /^nom d[’']usage/i, 'RÉPÉTITION'],
  ]) {
    const field = page.getByRole('textbox', { name: pattern }).first();
    if (await field.isVisible().catch(() => false)) {
      await field.fill(value);
      changed.push([label, value]);
    } else {
      found({ rule: 16, status: 'not-applicable', message: `Pas de champ « ${label} » visible sur ${at(page.url())} : rien à modifier.`, evidence: {} });
    }
  }
  const pivot = Object.fromEntries(['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'].map((c) => [c, PERSON[c]]));
  const forged = { ...FORGED, gender: PERSON.gender === 'male' ? 'female' : 'male' };
  const sent = await page.evaluate(
    ({ pivot, forged }) => {
      const byValue = new Map(Object.entries(pivot).filter(([, v]) => v).map(([claim, value]) => [value, claim]));
      const [y, m, d] = pivot.birthdate.split('-');
      byValue.set(`${d}/${m}/${y}`, 'birthdate');
      const fields = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.matches('input,select,textarea')) fields.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      const touched = new Set();
      for (const el of fields) {
        const claim = byValue.get(el.value) ?? (Object.hasOwn(forged, el.name) ? el.name : undefined);
        if (!claim || (el.type === 'hidden' && !Object.hasOwn(forged, el.name))) continue;
        el.removeAttribute('readonly');
        el.removeAttribute('disabled');
        el.removeAttribute('aria-readonly');
        if (el.type === 'radio' || el.type === 'checkbox') continue;
        el.value = forged[claim];
        touched.add(claim);
      }
      const email = fields.find((el) => el.type === 'email' || /mail/i.test(el.name));
      // The form that submits the profile: the one holding the e-mail field, across shadow roots.
      let form = null;
      for (let node = email; node && !form; node = node.parentNode ?? node.host) if (node.localName === 'form') form = node;
      form ??= document.querySelector('form[method=post i]') ?? document.querySelector('form');
      if (!form) return null;
      form.addEventListener('formdata', (event) => {
        for (const [name, value] of [...event.formData]) {
          const claim = byValue.get(value);
          if (claim) event.formData.set(name, forged[claim]);
        }
        for (const [claim, value] of Object.entries(forged)) event.formData.set(claim, value);
      });
      form.setAttribute('data-franceconnect-rehearse', 'profile');
      return [...new Set([...touched, ...Object.keys(forged)])];
    },
    { pivot, forged },
  );
  if (!sent) {
    found({ rule: 15, status: 'not-checked', message: `Aucun formulaire sur ${at(page.url())} : pas d’envoi falsifié possible.`, evidence: {} });
    return null;
  }
  // Submitted as the person would: the form's own submit button, else requestSubmit().
  const form = page.locator('form[data-franceconnect-rehearse=profile]');
  const submit = form.locator('button:not([type=button]):not([type=reset]), input[type=submit]').first();
  if (await submit.isVisible().catch(() => false)) await visitor.clickAndNavigate(submit);
  else {
    const moved = visitor.page.waitForEvent('framenavigated', { timeout: 10000 }).catch(() => undefined);
    await form.evaluate((f) => f.requestSubmit());
    await moved;
  }
  await visitor.settle();
  const summary = `Nom de naissance « ${forged.family_name} », Prénoms « ${forged.given_name} », naissance le ${forged.birthdate} à ${forged.birthplace}, pays ${forged.birthcountry}, sexe ${forged.gender}`;
  return { sent, changed, summary };
}
