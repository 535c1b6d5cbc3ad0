// The command line of `npx franceconnect-rehearse`: every option known, or refused with
// one sentence (a misspelt option is never silently ignored).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { RehearsalError } from './errors.mjs';

export const USAGE = `Usage : npx franceconnect-rehearse --service URL --login CHEMIN --signup CHEMIN
    --redirect-uri URI --post-logout-redirect-uri URI
    [--profile CHEMIN] [--delete-account] [--client-id ID --client-secret SECRET]
    [--alg ES256|RS256] [--fc-port 4100] [--start "commande qui démarre le service"]
    [--wait 60] [--plus] [--provider franceconnect|proconnect] [--json] [--report repetition.html]

Démarre un FranceConnect v2 local sur http://127.0.0.1:<fc-port>/api/v2 où votre service
est enregistré, puis parcourt votre service dans Chromium comme le fait la qualification :
connexion, inscription, nom affiché, profil, déconnexion, suppression du compte, state et
nonce modifiés, paramètres de chaque /authorize. Code de sortie : 0 si aucune règle
n’échoue, 1 si une règle échoue, 2 si la répétition n’a pas pu se faire.

  --service URL        l’adresse de votre service (http://127.0.0.1:8000)
  --login CHEMIN       sa page de connexion (/connexion) ; --signup CHEMIN sa page d’inscription
  --profile CHEMIN     sa page de profil : règles 15 et 16
  --delete-account     la suppression du compte se trouve sur le profil (ou la page d’accueil) : règle 12
  --redirect-uri, --post-logout-redirect-uri  celles que votre service envoie à FranceConnect
  --client-id, --client-secret  ceux de la configuration de votre service (inventés sinon, et affichés)
  --alg                l’algorithme de signature choisi dans l’espace partenaire (ES256 par défaut)
  --fc-port            le port du FranceConnect local (4100 par défaut)
  --start              la commande qui démarre votre service, avec FC_ISSUER, FC_DISCOVERY_URL,
                       FC_CLIENT_ID, FC_CLIENT_SECRET et FC_SIGNING_ALG dans son environnement ;
                       sans elle, la répétition attend que le service réponde (--wait secondes)
  --plus               FranceConnect+ (eidas2 ou eidas3) plutôt que FranceConnect ; avec --start,
                       FC_PLUS=1 en plus dans l’environnement du service
  --provider proconnect  un ProConnect local plutôt que FranceConnect, pour un espace d’agents :
                       connexion, nom de l’agent, déconnexion par session/end, niveau (acr) demandé
                       par claims et vérifié, state et nonce d’au moins 32 caractères, ni pop-up
                       (règles pc-*) ; --signup, --profile, --delete-account et --plus n’y servent
                       pas ; --start reçoit PC_ISSUER, PC_DISCOVERY_URL, PC_CLIENT_ID,
                       PC_CLIENT_SECRET et PC_SIGNING_ALG ; --alg peut aussi y être HS256
  --json               les constats en JSON sur la sortie standard (la progression sur la sortie d’erreur)
  --report FICHIER     un rapport HTML autonome à joindre à la demande de qualification`;

const OPTIONS = {
  service: { type: 'string' },
  login: { type: 'string' },
  signup: { type: 'string' },
  profile: { type: 'string' },
  'delete-account': { type: 'boolean' },
  'redirect-uri': { type: 'string' },
  'post-logout-redirect-uri': { type: 'string' },
  'client-id': { type: 'string' },
  'client-secret': { type: 'string' },
  alg: { type: 'string' },
  'fc-port': { type: 'string' },
  start: { type: 'string' },
  wait: { type: 'string' },
  plus: { type: 'boolean' },
  provider: { type: 'string' },
  json: { type: 'boolean' },
  report: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

function absolute(name, value, base) {
  let url;
  try {
    url = new URL(value, base);
  } catch {
    throw new RehearsalError(`--${name} « ${value} » n’est pas une adresse${base ? ' ni un chemin' : ''} valide.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RehearsalError(`--${name} « ${value} » doit être en http:// ou https://.`);
  return url.href;
}

/**
 * The options of a rehearsal from a command line, checked.
 * @returns {{ help: true } | object} what `rehearse()` takes
 */
export function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    const option = /'([^']+)'/.exec(error.message)?.[1];
    throw new RehearsalError(option ? `Option inconnue ou mal écrite : ${option} (voir --help).` : `${error.message} (voir --help).`);
  }
  if (values.help) return { help: true };
  const provider = values.provider ?? 'franceconnect';
  if (!['franceconnect', 'proconnect'].includes(provider)) throw new RehearsalError(`--provider « ${provider} » : franceconnect (par défaut) ou proconnect.`);
  const pro = provider === 'proconnect';
  if (pro) {
    for (const name of ['signup', 'profile', 'delete-account', 'plus']) {
      if (values[name] !== undefined) throw new RehearsalError(`--${name} ne s’applique pas à --provider proconnect : ProConnect n’a ni inscription, ni profil à vérifier, ni FranceConnect+.`);
    }
  }
  for (const name of ['service', 'login', ...(pro ? [] : ['signup']), 'redirect-uri', 'post-logout-redirect-uri']) {
    if (!values[name]) throw new RehearsalError(`--${name} manque (voir --help).`);
  }
  const service = absolute('service', values.service);
  const url = (name) => values[name] && absolute(name, values[name], service);
  if (Boolean(values['client-id']) !== Boolean(values['client-secret'])) {
    throw new RehearsalError('--client-id et --client-secret vont ensemble : donnez les deux, ou aucun (ils sont alors inventés et affichés).');
  }
  const alg = values.alg ?? 'ES256';
  if (pro && !['ES256', 'RS256', 'HS256'].includes(alg)) throw new RehearsalError(`--alg « ${alg} » : ProConnect propose ES256, RS256 ou HS256.`);
  if (!pro && !['ES256', 'RS256'].includes(alg)) throw new RehearsalError(`--alg « ${alg} » : l’espace partenaire de FranceConnect propose ES256 ou RS256.`);
  const fcPort = Number(values['fc-port'] ?? 4100);
  if (!Number.isInteger(fcPort) || fcPort < 1 || fcPort > 65535) throw new RehearsalError(`--fc-port « ${values['fc-port']} » n’est pas un numéro de port.`);
  const wait = Number(values.wait ?? 60);
  if (!(wait > 0)) throw new RehearsalError(`--wait « ${values.wait} » : un nombre de secondes est attendu.`);
  return {
    service,
    login: url('login'),
    signup: url('signup'),
    profile: url('profile'),
    deleteAccount: Boolean(values['delete-account']),
    redirectUri: url('redirect-uri'),
    postLogoutRedirectUri: url('post-logout-redirect-uri'),
    clientId: values['client-id'],
    clientSecret: values['client-secret'],
    madeUpCredentials: !values['client-id'],
    alg,
    fcPort,
    start: values.start,
    wait,
    plus: Boolean(values.plus),
    provider,
    json: Boolean(values.json),
    report: values.report,
  };
}

/** Credentials as FranceConnect's partner space makes them, for a run that was given none. */
export function madeUpCredentials() {
  return { clientId: randomBytes(32).toString('hex'), clientSecret: randomBytes(32).toString('hex') };
}
