// franceconnect-rehearse --provider proconnect: what ProConnect's partner documentation asks
// of a service, rehearsed against an agents' space on its own machine. ProConnect has no
// qualification checklist: the rules below are named by stable ids (pc-…), each after the
// page of proconnect-gouv/proconnect-espace-partenaires (src/pages/docs/fournisseur-service/)
// it follows. The local ProConnect (../local-proconnect) is started with the service
// registered; a headless Chromium walks the journey; findings are `{ rule, status, message,
// evidence }`, in French, as for FranceConnect.
import { demoAgents, startLocalProConnect } from '../local-proconnect/server.mjs';
import { SUPPORTED_ACR } from '../local-proconnect/proconnect.mjs';
import { launchBrowser, LOGOUT, Visitor } from './driver.mjs';
import { startRegistered } from './local-start.mjs';
import { madeUpCredentials } from './options.mjs';
import { startService, waitForService } from './service.mjs';
import { ruleStatuses, stepper } from './steps.mjs';

/** The rules, by id, with their title (docs/rehearsal.md lists their sources). */
export const PROCONNECT_RULES = {
  'pc-login': 'Connexion avec ProConnect',
  'pc-name': 'Le nom de l’agent visible sans clic',
  'pc-logout': 'Déconnexion par session/end de ProConnect',
  'pc-state': 'state et nonce d’au moins 32 caractères, nouveaux à chaque connexion',
  'pc-acr': 'Niveau (acr) exigé par claims et vérifié par le service',
  'pc-popup': 'Ni pop-up, ni nouvel onglet, ni cadre',
};

/** « string (minimum 32 caractères) » (implementation_technique.md, 2.2.1.2). */
const MIN_LENGTH = 32;

/** The agent who logs in throughout the run: a first name with a hyphen, a name with an apostrophe. */
const AGENT = demoAgents.find((agent) => agent.usual_name === 'N’Diaye') ?? demoAgents[0];

const path = (url, service) => (new URL(url).origin === new URL(service).origin ? new URL(url).pathname + new URL(url).search : url);
const quote = (name, value) => (value === undefined ? `${name} absent` : `${name}=« ${value.length > 48 ? `${value.slice(0, 45)}…` : value} »`);

/**
 * Runs a rehearsal with the local ProConnect.
 * @param {object} options what `parseOptions` returns with `provider: 'proconnect'`
 * @param {{ progress?: (line: string) => void, browser?: import('playwright-core').Browser }} [hooks]
 */
export async function rehearseProConnect(options, { progress = () => {}, browser: givenBrowser } = {}) {
  const started = Date.now();
  const credentials = options.clientId ? { clientId: options.clientId, clientSecret: options.clientSecret } : madeUpCredentials();
  const cleanup = [];
  const result = {
    provider: 'proconnect',
    service: options.service,
    pages: { login: options.login },
    startedAt: new Date(started).toISOString(),
    proconnect: undefined,
    steps: [],
    findings: [],
  };
  try {
    const pc = await startRegistered(startLocalProConnect, 'ProConnect', options, credentials);
    cleanup.push(() => pc.close());
    const discovery = `${pc.issuer}/.well-known/openid-configuration`;
    result.proconnect = { issuer: pc.issuer, discovery, clientId: credentials.clientId, ...(options.clientId ? {} : { clientSecret: credentials.clientSecret }), alg: options.alg };
    progress(
      `ProConnect local : ${discovery}\n` +
        `  client_id ${credentials.clientId}${options.clientId ? '' : `\n  client_secret ${credentials.clientSecret}   (inventés pour cette répétition : mettez-les dans la configuration du service)`}\n` +
        `  signature ${options.alg}, redirect_uri ${options.redirectUri}, post_logout_redirect_uri ${options.postLogoutRedirectUri}`,
    );
    if (options.start) {
      const service = await startService({
        command: options.start,
        url: options.service,
        waitSeconds: options.wait,
        env: { PC_ISSUER: pc.issuer, PC_DISCOVERY_URL: discovery, PC_CLIENT_ID: credentials.clientId, PC_CLIENT_SECRET: credentials.clientSecret, PC_SIGNING_ALG: options.alg },
      });
      cleanup.push(() => service.stop());
      progress(`Service démarré par --start : ${options.service}`);
    } else {
      progress(`En attente du service sur ${options.service}…`);
      await waitForService({ url: options.service, waitSeconds: options.wait });
    }
    const browser = givenBrowser ?? (await launchBrowser());
    if (!givenBrowser) cleanup.push(() => browser.close());
    await journey({ options, pc, browser, result, progress });
  } finally {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
  }
  result.rules = ruleStatuses(PROCONNECT_RULES, result.findings);
  result.ok = !result.findings.some((f) => f.status === 'fail');
  result.exitCode = result.ok ? 0 : 1;
  result.durationMs = Date.now() - started;
  return result;
}

async function journey({ options, pc, browser, result, progress }) {
  const at = (url) => path(url, options.service);
  const visitors = [];
  const open = async () => {
    const visitor = await Visitor.open(browser, { franceConnect: pc.issuer, service: options.service, ignoreHTTPSErrors: true });
    visitors.push(visitor);
    return visitor;
  };
  const planned = ['connexion', 'deconnexion', 'acr', 'authorize', 'fenetres'];
  const step = stepper({ result, planned, progress });
  const who = `${AGENT.given_name.split(' ')[0]} ${AGENT.usual_name}`;

  /**
   * The ProConnect button activated: ProConnect's page, or the service when ProConnect reuses
   * its session. A page seen at the service may be the service's own login route on its way to
   * ProConnect (a pop-up starts there): a moment more tells them apart.
   */
  async function activate(visitor) {
    const activated = await visitor.activateProConnect();
    if (activated.button && activated.state.at === 'service' && !activated.state.timedOut) {
      const later = await visitor.until((s) => s.at === 'franceconnect' && s.page !== 'other', { timeout: 2500 });
      if (!later.timedOut) activated.state = later;
    }
    return activated;
  }

  /** From the login page to the service, as the agent: `{ ok, asked, button, look, reason }`. */
  async function logIn(visitor, shot) {
    await visitor.goto(options.login);
    const { button, state } = await activate(visitor);
    if (!button) return { ok: false, reason: `aucun bouton « S’identifier avec ProConnect » sur ${at(options.login)}` };
    if (state.timedOut || (state.at !== 'franceconnect' && state.at !== 'service')) return { ok: false, button, reason: `le bouton ${button} n’a pas mené à ProConnect (page ${state.url})` };
    if (state.at === 'franceconnect' && state.page !== 'identity') {
      await shot(visitor.screenshot('ProConnect refuse l’appel'));
      const call = pc.received.filter((r) => r.endpoint === 'authorize').at(-1);
      return { ok: false, button, reason: `ProConnect a refusé l’appel du service${state.code ? ` (page « Erreur ${state.code} »)` : ''}${call?.violations?.length ? ` ; paramètres refusés : ${call.violations.join(', ')}` : ''}` };
    }
    const asked = state.at === 'franceconnect';
    if (asked) {
      await shot(visitor.screenshot('ProConnect : choix de l’agent'));
      const back = await visitor.chooseAgent(AGENT);
      if (back.at !== 'service') return { ok: false, button, asked, reason: `après le choix de l’agent, la page est ${back.url}` };
    }
    const look = await visitor.look(AGENT);
    return { ok: look.loggedIn, button, asked, look, reason: look.loggedIn ? undefined : `de retour sur ${look.where}, aucun agent n’est connecté${look.message ? ` (la page dit : « ${look.message} »)` : ''}` };
  }

  // Step 1: logging in, and the agent's name in view at once.
  const agent = await open();
  let login;
  await step(`Connexion avec ProConnect depuis ${at(options.login)}`, ['pc-login', 'pc-name'], async ({ found, shot }) => {
    login = await logIn(agent, shot);
    await shot(agent.screenshot(`Après la connexion : ${agent.where()}`));
    if (!login.ok) {
      found({ rule: 'pc-login', status: 'fail', message: `La connexion avec ProConnect depuis ${at(options.login)} n’aboutit pas : ${login.reason}.`, evidence: { page: at(options.login) } });
      found({ rule: 'pc-name', status: 'not-checked', message: 'Non vérifiée : aucun agent n’est connecté (pc-login).', evidence: {} });
      return;
    }
    found({ rule: 'pc-login', status: 'pass', message: `${at(options.login)} → bouton ${login.button} → ProConnect (choix de l’agent) → ${login.look.where} ; connecté(e).`, evidence: { page: at(options.login), arrivée: login.look.where } });
    // implementation_technique.md 2.3.7 leaves the session to the service; the name shown is what tells the agent who is logged in.
    found(
      login.look.namesVisible
        ? { rule: 'pc-name', status: 'pass', message: `${who} visible sans clic sur ${login.look.where}.`, evidence: { page: login.look.where } }
        : {
            rule: 'pc-name',
            status: 'fail',
            message: `Le prénom et le nom d’usage de l’agent (${who}) ne se voient pas sans clic sur ${login.look.where}${login.look.hiddenNames.length ? ` (« ${login.look.hiddenNames.join(' ')} » dans la page mais caché)` : ''} : l’agent doit voir qu’il est connecté, et sous quel nom.`,
            evidence: { page: login.look.where },
          },
    );
  });

  // Step 2: logout through session/end (implementation_technique.md 2.4), then ProConnect asks again.
  await step('Déconnexion, puis nouvelle connexion', ['pc-logout'], async ({ found, shot }) => {
    if (!login?.ok) {
      found({ rule: 'pc-logout', status: 'not-checked', message: 'Non vérifiée : aucun agent n’est connecté (pc-login).', evidence: {} });
      return;
    }
    const control = await agent.control(LOGOUT);
    if (!control || control.hidden) {
      found({ rule: 'pc-logout', status: 'fail', message: `Aucun bouton de déconnexion (« Se déconnecter ») visible sur ${agent.where()}.`, evidence: { page: agent.where() } });
      return;
    }
    const since = pc.received.length;
    await agent.clickAndNavigate(control.locator);
    const back = await agent.until((s) => s.at === 'service' || (s.at === 'franceconnect' && (s.page === 'error' || s.page === 'other')), { timeout: 15000 });
    const end = pc.received.slice(since).filter((r) => r.endpoint === 'session/end').at(-1);
    const params = Object.fromEntries(end?.params ?? []);
    const problems = [];
    if (!end) problems.push('la déconnexion n’est pas passée par session/end de ProConnect : sa session (12 heures) reste ouverte');
    else {
      if (!params.id_token_hint) problems.push('session/end reçu sans id_token_hint (l’ID token de la connexion, « recommandé » par ProConnect, sans lequel il ne sait pas quel service revient)');
      if (!params.state) problems.push('session/end reçu sans state (« requis »)');
      if (!params.post_logout_redirect_uri) problems.push('session/end reçu sans post_logout_redirect_uri (« requis »)');
      if (end.violations.length) problems.push(`paramètres refusés par ProConnect : ${end.violations.join(', ')}`);
    }
    if (back.at !== 'service') problems.push(`ProConnect n’a pas renvoyé vers le service (page ${back.url})`);
    else if ((await agent.look(AGENT)).loggedIn) problems.push(`l’agent est toujours connecté au service sur ${agent.where()}`);
    await shot(agent.screenshot(`Après « ${control.name} » : ${agent.where()}`));
    await agent.goto(options.login);
    const again = await activate(agent);
    await shot(agent.screenshot(`Nouvelle connexion : ${agent.where()}`));
    if (again.state?.at === 'service') problems.push('à la connexion suivante, ProConnect a reconnecté l’agent sans rien demander : sa session n’a pas été fermée');
    else if (again.state?.page !== 'identity') problems.push(`la connexion suivante n’a pas mené à la page de connexion de ProConnect (${again.state?.url ?? 'aucun bouton'})`);
    const evidence = { bouton: control.name, 'session/end': end ? Object.keys(params).join(', ') || '(sans paramètre)' : 'non reçu' };
    found(
      problems.length
        ? { rule: 'pc-logout', status: 'fail', message: `Déconnexion par « ${control.name} » : ${problems.join(' ; ')}.`, evidence }
        : { rule: 'pc-logout', status: 'pass', message: `« ${control.name} » → session/end avec id_token_hint, state et post_logout_redirect_uri=${params.post_logout_redirect_uri} → retour sur le service, déconnecté(e) ; à la connexion suivante ProConnect redemande qui se connecte.`, evidence },
    );
  });

  // Step 3: the required level taken out on the way to ProConnect, the agent logged in at eidas0:
  // the service must check the ID token's acr itself (niveaux-acr.md, niveaux-eidas.md).
  await step('Niveau exigé retiré de l’appel à /authorize', ['pc-acr'], async ({ found, shot }) => {
    const visitor = await open();
    const since = pc.received.length;
    pc.tamperNext('acr');
    const attempt = await logIn(visitor, shot);
    const tampered = pc.received.slice(since).find((r) => r.tampered);
    await shot(visitor.screenshot(`Après une connexion au niveau eidas0 : ${visitor.where()}`));
    if (!tampered || !attempt.button || (!attempt.look && attempt.asked === undefined)) {
      found({ rule: 'pc-acr', status: 'not-checked', message: `Non vérifiée : la connexion n’a pas atteint ProConnect (${attempt.reason ?? visitor.where()}).`, evidence: {} });
      return;
    }
    const evidence = { claims: `${tampered.tampered.from || '(absent)'} → ${tampered.tampered.to}`, acr: tampered.tampered.acr };
    if (attempt.look?.loggedIn) {
      found({ rule: 'pc-acr', status: 'fail', message: `Connexion acceptée avec un ID token au niveau ${tampered.tampered.acr}, que le service n’a pas demandé (${attempt.look.where}) : vérifiez que l’acr de l’ID token est l’un des niveaux exigés.`, evidence });
    } else if (!attempt.look?.failureMessage) {
      found({ rule: 'pc-acr', status: 'warn', message: `Connexion au niveau ${tampered.tampered.acr} refusée, mais aucun message ne l’explique sur ${attempt.look?.where ?? visitor.where()}.`, evidence });
    } else {
      found({ rule: 'pc-acr', status: 'pass', message: `ID token au niveau ${tampered.tampered.acr} refusé : ${attempt.look.where} dit « ${attempt.look.failureMessage} ».`, evidence });
    }
  });

  // Step 4: every authorize ProConnect received.
  await step('Paramètres de chaque appel à /authorize reçu par ProConnect', ['pc-state', 'pc-acr'], async ({ found }) => {
    const calls = pc.received.filter((r) => r.endpoint === 'authorize' && !r.tampered).map((r) => ({ ...r, values: Object.fromEntries(r.params) }));
    if (!calls.length) {
      for (const rule of ['pc-state', 'pc-acr']) found({ rule, status: 'not-checked', message: 'Aucun appel à /authorize reçu.', evidence: {} });
      return;
    }
    const every = `${calls.length} appel${calls.length > 1 ? 's' : ''}`;
    const problems = [];
    for (const name of ['state', 'nonce']) {
      const values = calls.map((call) => call.values[name]);
      const short = values.find((value) => value === undefined || value.length < MIN_LENGTH);
      if (short !== undefined || values.includes(undefined)) problems.push(`${quote(name, short)}${short ? ` (${short.length} caractères)` : ''} : ProConnect le demande d’au moins ${MIN_LENGTH} caractères`);
      else if (new Set(values).size < values.length) problems.push(`${quote(name, values.find((v, i) => values.indexOf(v) !== i))} envoyé plusieurs fois : il doit être aléatoire, nouveau à chaque connexion`);
    }
    found(
      problems.length
        ? { rule: 'pc-state', status: 'fail', message: `${problems.join(' ; ')} (implementation_technique.md, 2.2.1.2).`, evidence: { appels: every } }
        : { rule: 'pc-state', status: 'pass', message: `state et nonce de ${MIN_LENGTH} caractères au moins, différents à chacun des ${every}.`, evidence: { appels: every } },
    );
    const wrong = calls.find((call) => requiredAcr(call.values.claims).length === 0);
    if (wrong) {
      const how = wrong.values.acr_values ? `${quote('acr_values', wrong.values.acr_values)} sans claims : ProConnect ne fait pas respecter acr_values (il le note seulement)` : `aucun niveau exigé (${quote('claims', wrong.values.claims)})`;
      found({ rule: 'pc-acr', status: 'fail', message: `${how} ; exigez-le par claims={"id_token":{"acr":{"essential":true,"values":[…]}}} (niveaux-acr.md, niveaux-eidas.md).`, evidence: { appels: every } });
    } else {
      found({ rule: 'pc-acr', status: 'pass', message: `Niveau exigé par claims dans chacun des ${every} : ${requiredAcr(calls[0].values.claims).join(', ')}.`, evidence: { claims: calls[0].values.claims } });
    }
  });

  // Step 5: every window and frame of the run (no pop-up, the agent stays in their tab).
  await step('Fenêtres et cadres ouverts pendant tout le parcours', ['pc-popup'], async ({ found }) => {
    const popups = visitors.flatMap((v) => v.popups.map((p) => p.url));
    const frames = visitors.flatMap((v) => v.frames.map((f) => `${f.url} (dans ${at(f.page)})`));
    if (popups.length) found({ rule: 'pc-popup', status: 'fail', message: `${popups.length} fenêtre(s) ou onglet(s) ouvert(s) pendant le parcours : ${[...new Set(popups.map(at))].join(', ')} ; ProConnect s’ouvre dans l’onglet de l’agent, par redirection.`, evidence: { fenêtres: popups.join(' ') } });
    if (frames.length) found({ rule: 'pc-popup', status: 'fail', message: `${frames.length} cadre(s) (iframe) pendant le parcours : ${[...new Set(frames)].slice(0, 3).join(', ')}.`, evidence: { cadres: frames.join(' ') } });
    if (!popups.length && !frames.length) found({ rule: 'pc-popup', status: 'pass', message: `Aucune fenêtre, aucun onglet, aucun cadre ouvert pendant tout le parcours (${visitors.length} navigateurs).`, evidence: {} });
  });

  for (const visitor of visitors) await visitor.close();
}

/** The levels an authorize's `claims` requires ({"id_token":{"acr":{"essential":true,…}}}), those ProConnect knows. */
function requiredAcr(claims) {
  try {
    const acr = JSON.parse(claims ?? '{}')?.id_token?.acr;
    if (!acr?.essential) return [];
    const values = acr.value !== undefined ? String(acr.value).split(' ') : Array.isArray(acr.values) ? acr.values : [];
    return values.filter((value) => SUPPORTED_ACR.includes(value));
  } catch {
    return [];
  }
}
