// The services registered at the local FranceConnect, as FranceConnect's partner
// space registers them: a client_id and a secret, the signing algorithm chosen for
// the ID token and the userinfo JWT, any number of redirect URIs and of post-logout
// redirect URIs. Read from the module API, the command line or the environment.
import { parseArgs } from 'node:util';

/**
 * Signing algorithms a service may choose: « Les algorithmes de signature autorisés sont
 * les suivants: ES256 et RS256 » in the partner space (back/apps/partners/src/i18n/fr-FR.i18n.ts).
 * v2's discovery also lists HS256 (enabledJWA in back/instances/core-fcp-low/src/config/oidc-provider.ts),
 * which no service can register.
 */
export const SIGNING_ALGS = ['ES256', 'RS256'];

/** A mistake in a registration, said in one sentence naming the client and the value. */
export class ClientConfigurationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ClientConfigurationError';
  }
}

function uris(value) {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : String(value).split(/\s+/)).map(String).filter(Boolean);
}

function checkUri(clientId, kind, uri) {
  let url;
  try {
    url = new URL(uri);
  } catch {
    throw new ClientConfigurationError(`client ${clientId}: ${kind} "${uri}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ClientConfigurationError(`client ${clientId}: ${kind} "${uri}" must be http or https`);
  }
  if (url.hash) throw new ClientConfigurationError(`client ${clientId}: ${kind} "${uri}" must not have a fragment`);
}

/**
 * One registered service, as oidc-provider client metadata.
 * Accepts oidc-provider's names (client_id, client_secret, redirect_uris,
 * post_logout_redirect_uris, id_token_signed_response_alg, jwks…) and three of
 * the partner space's (back/apps/partners/src/i18n/fr-FR.i18n.ts): `signing_alg` (ES256 or
 * RS256, for both the ID token and userinfo), `name` (shown on the pages) and `entity_id`
 * (« Client ID à réutiliser pour générer les subs »: services sharing one get the same sub;
 * by default each client_id is its own). `signingAlgs`: those the provider lets a service choose
 * (FranceConnect's by default; the local ProConnect gives its own).
 */
export function normalizeClient(input, { signingAlgs = SIGNING_ALGS } = {}) {
  const { signing_alg: signingAlg, name, entity_id: entityId, ...metadata } = input ?? {};
  const clientId = metadata.client_id;
  if (typeof clientId !== 'string' || clientId === '') {
    throw new ClientConfigurationError('a client needs a client_id');
  }
  const auth = metadata.token_endpoint_auth_method ?? (metadata.jwks || metadata.jwks_uri ? 'private_key_jwt' : 'client_secret_post');
  if (auth === 'client_secret_post' && !metadata.client_secret) {
    throw new ClientConfigurationError(`client ${clientId}: a client_secret is needed (or a jwks for private_key_jwt)`);
  }
  const alg = signingAlg ?? metadata.id_token_signed_response_alg ?? 'ES256';
  for (const value of [alg, metadata.userinfo_signed_response_alg ?? alg]) {
    if (!signingAlgs.includes(value)) {
      throw new ClientConfigurationError(`client ${clientId}: signing algorithm "${value}" is not one of ${signingAlgs.join(', ')}`);
    }
  }
  const redirectUris = uris(metadata.redirect_uris);
  if (redirectUris.length === 0) throw new ClientConfigurationError(`client ${clientId}: at least one redirect URI is needed`);
  const postLogout = uris(metadata.post_logout_redirect_uris);
  for (const uri of redirectUris) checkUri(clientId, 'redirect URI', uri);
  for (const uri of postLogout) checkUri(clientId, 'post-logout redirect URI', uri);
  return {
    client_name: name ?? metadata.client_name ?? 'Mon service (démonstration)',
    response_types: ['code'],
    grant_types: ['authorization_code'],
    ...metadata,
    token_endpoint_auth_method: auth,
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogout,
    id_token_signed_response_alg: alg,
    // FranceConnect v2 answers userinfo with a signed JWT, with the service's algorithm.
    userinfo_signed_response_alg: metadata.userinfo_signed_response_alg ?? alg,
    // Every v2 subject is pairwise (subjectTypes: ['pairwise']).
    subject_type: 'pairwise',
    // Read by pairwiseIdentifier (server.mjs): the sector of the sub.
    entity_id: entityId ?? metadata.client_id,
  };
}

/** Command-line options: each --client-id starts a new service, the options after it are its own. */
const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'client-id': { type: 'string', multiple: true },
  'client-secret': { type: 'string', multiple: true },
  'signing-alg': { type: 'string', multiple: true },
  'redirect-uri': { type: 'string', multiple: true },
  'post-logout-redirect-uri': { type: 'string', multiple: true },
  'client-name': { type: 'string', multiple: true },
  'entity-id': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
};

const FIELDS = {
  'client-secret': 'client_secret',
  'signing-alg': 'signing_alg',
  'client-name': 'name',
  'entity-id': 'entity_id',
};

export const USAGE = `Usage: npx franceconnect-local [--port 3001] [--host 127.0.0.1]
  --client-id ID --client-secret SECRET [--signing-alg ES256|RS256]
  --redirect-uri URI [--redirect-uri URI…] [--post-logout-redirect-uri URI…]
  [--client-name NAME] [--entity-id ID]
  [--client-id ID2 …  (each --client-id starts another service)]

Or the environment, for one service: FC_CLIENT_ID, FC_CLIENT_SECRET, FC_SIGNING_ALG,
FC_REDIRECT_URIS and FC_POST_LOGOUT_REDIRECT_URIS (space-separated), FC_CLIENT_NAME;
for several, FC_CLIENTS: a JSON array of client objects (client_id, client_secret,
signing_alg, redirect_uris, post_logout_redirect_uris, name, entity_id).
SERVICE_URL alone gives the reference service's two URIs. FC_PORT and FC_HOST set where it listens.`;

/**
 * The port, host and services of a command line and environment.
 * @returns {{ help?: boolean, port: number, host: string, clients: object[] }}
 */
export function clientsFromCommandLine(argv, env = process.env) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, tokens: true, allowPositionals: false });
  } catch (error) {
    throw new ClientConfigurationError(error.message);
  }
  const port = Number(parsed.values.port ?? env.FC_PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ClientConfigurationError(`port "${parsed.values.port ?? env.FC_PORT}" is not a port number`);
  const host = parsed.values.host ?? env.FC_HOST ?? '127.0.0.1';
  if (parsed.values.help) return { help: true, port, host, clients: [] };

  const clients = [];
  for (const token of parsed.tokens.filter((t) => t.kind === 'option')) {
    if (token.name === 'client-id') {
      clients.push({ client_id: token.value, redirect_uris: [], post_logout_redirect_uris: [] });
      continue;
    }
    if (token.name === 'port' || token.name === 'host') continue;
    const current = clients.at(-1);
    if (!current) throw new ClientConfigurationError(`--${token.name} comes before any --client-id`);
    if (token.name === 'redirect-uri') current.redirect_uris.push(token.value);
    else if (token.name === 'post-logout-redirect-uri') current.post_logout_redirect_uris.push(token.value);
    else current[FIELDS[token.name]] = token.value;
  }
  if (clients.length === 0) clients.push(...clientsFromEnvironment(env));
  return { port, host, clients: clients.map(normalizeClient) };
}

function clientsFromEnvironment(env) {
  if (env.FC_CLIENTS) {
    let list;
    try {
      list = JSON.parse(env.FC_CLIENTS);
    } catch (error) {
      throw new ClientConfigurationError(`FC_CLIENTS is not JSON: ${error.message}`);
    }
    if (!Array.isArray(list)) throw new ClientConfigurationError('FC_CLIENTS must be a JSON array of clients');
    return list;
  }
  if (!env.FC_CLIENT_ID) return [];
  const service = env.SERVICE_URL ?? 'http://127.0.0.1:3000';
  return [
    {
      client_id: env.FC_CLIENT_ID,
      client_secret: env.FC_CLIENT_SECRET,
      signing_alg: env.FC_SIGNING_ALG,
      name: env.FC_CLIENT_NAME,
      redirect_uris: env.FC_REDIRECT_URIS ?? `${service}/auth/franceconnect/callback`,
      post_logout_redirect_uris: env.FC_POST_LOGOUT_REDIRECT_URIS ?? `${service}/auth/franceconnect/logout/callback`,
    },
  ];
}
