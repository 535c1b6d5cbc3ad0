// A local stand-in for FranceConnect v2's integration platform, for the demo and
// the journey tests. It is oidc-provider (a certified OpenID Provider library)
// configured like FranceConnect: issuer http://127.0.0.1:PORT/api/v2, the v2
// endpoint paths, ES256-signed ID tokens and userinfo, FranceConnect's scopes and
// claims, and FranceConnect's refusals (no acr_values, short state or nonce).
// Only the identity choice and the "Continuer" step are ours, through
// oidc-provider's interaction API.
//
//   FC_PORT=3001 FC_CLIENT_ID=… FC_CLIENT_SECRET=… SERVICE_URL=http://127.0.0.1:3000 \
//     node examples/local-franceconnect/server.mjs
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Provider, { errors } from 'oidc-provider';
import { chooseIdentityPage, continuePage, errorPage, loggedOutPage, logoutPage, page } from './pages.mjs';

const MOUNT = '/api/v2';
const EIDAS_LEVELS = ['eidas1', 'eidas2', 'eidas3'];
const PIVOT = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'];

/** The fictional people this FranceConnect knows, kept next to it. */
export const demoIdentities = JSON.parse(readFileSync(new URL('./identities.json', import.meta.url), 'utf8')).identities;

/** An ES256 signing key made at start: nothing secret is kept in the repository. */
function signingKey() {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' };
}

/** FranceConnect's rule-20 check on the service's request: at least 22 characters. */
function atLeast22(name) {
  return async (ctx, value) => {
    if (typeof value !== 'string' || value.length < 22) {
      throw new errors.InvalidRequest(`${name} doit faire au moins 22 caractères`);
    }
  };
}

function configuration({ clients, identities }) {
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));
  return {
    clients: clients.map((client) => ({
      client_name: 'Mon service (démonstration)',
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'ES256',
      // FranceConnect v2 answers userinfo with a signed JWT.
      userinfo_signed_response_alg: 'ES256',
      ...client,
    })),
    jwks: { keys: [signingKey()] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // FranceConnect's scopes: one per claim, plus identite_pivot for the six pivot claims.
    claims: {
      openid: ['sub'],
      ...Object.fromEntries([...PIVOT, 'email', 'preferred_username'].map((claim) => [claim, [claim]])),
      identite_pivot: PIVOT,
    },
    acrValues: EIDAS_LEVELS,
    enabledJWA: { idTokenSigningAlgValues: ['ES256'], userinfoSigningAlgValues: ['ES256'] },
    responseTypes: ['code'],
    // Lifetimes in seconds, short as a demonstration needs.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
    pkce: { required: () => false },
    routes: {
      authorization: '/authorize',
      token: '/token',
      userinfo: '/userinfo',
      end_session: '/session/end',
      jwks: '/jwks',
    },
    // Validators of the authorization request, run once the client and its
    // redirect_uri are known: a refusal goes back to the service as error=invalid_request.
    extraParams: {
      // Rule 19: FranceConnect refuses an authorize without an eIDAS level.
      async acr_values(ctx, value) {
        const levels = typeof value === 'string' ? value.split(' ').filter(Boolean) : [];
        if (levels.length === 0 || !levels.every((level) => EIDAS_LEVELS.includes(level))) {
          throw new errors.InvalidRequest('acr_values doit valoir eidas1 (eidas2 ou eidas3 pour FranceConnect+)');
        }
      },
      // Rule 20.
      state: atLeast22('state'),
      nonce: atLeast22('nonce'),
    },
    interactions: { url: (ctx, interaction) => `${MOUNT}/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      const identity = bySub.get(sub);
      if (!identity) return undefined;
      return { accountId: sub, claims: async () => ({ ...identity }) };
    },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: async (ctx) => {
          ctx.body = loggedOutPage();
        },
      },
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = errorPage(out);
    },
  };
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 10_000) throw new Error('body too large');
  }
  return new URLSearchParams(body);
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/**
 * Starts the local FranceConnect on loopback.
 * @param {object} options
 * @param {number} [options.port] 0 for any free port
 * @param {Array<object>} options.clients registered services: client_id, client_secret,
 *   redirect_uris, post_logout_redirect_uris (oidc-provider client metadata)
 * @param {Array<object>} [options.identities] the people offered, in claim format
 * @returns {Promise<{ issuer: string, url: string, close: () => Promise<void> }>}
 */
export async function startLocalFranceConnect({ port = 3001, host = '127.0.0.1', clients, identities = demoIdentities }) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  const issuer = `${origin}${MOUNT}`;
  const provider = new Provider(issuer, configuration({ clients, identities }));
  const oidc = provider.callback();
  const bySub = new Map(identities.map((identity) => [identity.sub, identity]));

  async function interaction(req, res, uid, step) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, page('Erreur', '<h1>Cette étape a expiré.</h1>'));
    const client = await provider.Client.find(details.params.client_id);
    const clientName = client?.clientName ?? details.params.client_id;
    const { prompt } = details;

    if (req.method === 'GET' && prompt.name === 'login') {
      return send(res, 200, chooseIdentityPage({ action: `${MOUNT}/interaction/${uid}/login`, clientName, identities }));
    }
    if (req.method === 'GET' && prompt.name === 'consent') {
      const identity = bySub.get(details.session.accountId);
      const claims = details.params.scope.split(' ').filter((scope) => scope !== 'openid');
      return send(res, 200, continuePage({ action: `${MOUNT}/interaction/${uid}/continue`, clientName, identity, claims }));
    }
    if (req.method === 'POST' && step === 'login' && prompt.name === 'login') {
      const sub = (await readForm(req)).get('sub');
      if (!bySub.has(sub)) return send(res, 400, page('Erreur', '<h1>Identité inconnue.</h1>'));
      // The eIDAS level asked for is the one reached (the first, as FranceConnect does).
      const acr = details.params.acr_values.split(' ')[0];
      return provider.interactionFinished(req, res, { login: { accountId: sub, acr, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && step === 'continue' && prompt.name === 'consent') {
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } }, { mergeWithLastSubmission: true });
    }
    return send(res, 400, page('Erreur', '<h1>Étape inattendue.</h1>'));
  }

  server.on('request', async (req, res) => {
    try {
      const { pathname } = new URL(req.url, origin);
      const match = pathname.match(/^\/api\/v2\/interaction\/([\w-]+)(?:\/(login|continue))?$/);
      if (match) return await interaction(req, res, match[1], match[2]);
      if (pathname === MOUNT || pathname.startsWith(`${MOUNT}/`)) {
        // Mounted under /api/v2 like FranceConnect: oidc-provider reads the prefix from originalUrl.
        req.originalUrl = req.url;
        req.url = req.url.slice(MOUNT.length) || '/';
        return oidc(req, res);
      }
      if (pathname === '/') {
        return send(res, 200, page('Accueil', `      <h1>FranceConnect local</h1>
      <p>Émetteur OpenID Connect : <code>${issuer}</code>. Un service s’y connecte comme à
      l’environnement d’intégration de FranceConnect v2.</p>`));
      }
      send(res, 404, page('Introuvable', '<h1>Page introuvable</h1>'));
    } catch (error) {
      // An expired or unknown interaction, mostly: say so instead of hanging.
      if (!res.headersSent) send(res, 400, page('Erreur', `<h1>La demande a échoué</h1><p>${error.name}</p>`));
    }
  });

  return {
    issuer,
    url: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Run on its own: node examples/local-franceconnect/server.mjs
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { FC_CLIENT_ID, FC_CLIENT_SECRET, SERVICE_URL = 'http://127.0.0.1:3000' } = process.env;
  if (!FC_CLIENT_ID || !FC_CLIENT_SECRET) {
    console.error('Set FC_CLIENT_ID and FC_CLIENT_SECRET (the service registered here), or run `npm run demo`.');
    process.exit(1);
  }
  const fc = await startLocalFranceConnect({
    port: Number(process.env.FC_PORT ?? 3001),
    clients: [
      {
        client_id: FC_CLIENT_ID,
        client_secret: FC_CLIENT_SECRET,
        redirect_uris: [`${SERVICE_URL}/auth/franceconnect/callback`],
        post_logout_redirect_uris: [`${SERVICE_URL}/auth/franceconnect/logout/callback`],
      },
    ],
  });
  console.log(`Local FranceConnect (demonstration): ${fc.url} — issuer ${fc.issuer}`);
  process.on('SIGINT', () => fc.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => fc.close().then(() => process.exit(0)));
}
