// A reference service that logs in with FranceConnect and uses the elements as
// the README documents them. node:http and openid-client, nothing else: every
// route below is one the qualification checklist (rules 8 to 21) looks at.
//
//   PORT=3000 FC_ISSUER=http://127.0.0.1:3001/api/v2 FC_CLIENT_ID=… FC_CLIENT_SECRET=… \
//     [FC_SIGNING_ALG=RS256] node examples/service/server.mjs
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { activeFaults, faulty } from './faults.mjs';
import { franceConnect, randomToken } from './franceconnect.mjs';
import { agentsAccountPage, agentsHomePage, agentsLoginPage, homePage, loginPage, profilePage } from './pages.mjs';
import { proConnect } from './proconnect.mjs';
import { sessionStore } from './sessions.mjs';

const FAILED =
  'La connexion avec FranceConnect n’a pas abouti. Par sécurité, vous avez aussi été déconnecté(e) de FranceConnect. Vous pouvez réessayer.';
/** The same failure before any ID token came: there is no FranceConnect session of ours to end. */
const FAILED_NO_TOKEN = 'La connexion avec FranceConnect n’a pas abouti. Vous pouvez réessayer.';
/** « Revenir sur … » at FranceConnect: error=access_denied. */
const CANCELLED =
  'Vous avez interrompu la connexion avec FranceConnect. Vous pouvez réessayer, ou vous connecter autrement.';
const UNAVAILABLE = 'FranceConnect ne répond pas pour le moment. Réessayez dans quelques minutes.';
const PC_FAILED = 'La connexion avec ProConnect n’a pas abouti. Par sécurité, vous avez aussi été déconnecté(e) de ProConnect. Vous pouvez réessayer.';
const PC_FAILED_NO_TOKEN = 'La connexion avec ProConnect n’a pas abouti. Vous pouvez réessayer.';
const PC_CANCELLED = 'La connexion avec ProConnect a été interrompue ou refusée. Vous pouvez réessayer.';
const PC_UNAVAILABLE = 'ProConnect ne répond pas pour le moment. Réessayez dans quelques minutes.';
const LOCAL_ACCOUNTS =
  'Cette démonstration ne gère pas de comptes locaux : utilisez le bouton FranceConnect ci-dessus.';

/** The six claims FranceConnect vouches for (rule 15): only FranceConnect may change them. */
const PIVOT = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// The published files, found by the package's public name as any user's code would.
const ASSETS = {
  '/assets/franceconnect-elements.js': [import.meta.resolve('franceconnect-elements/cdn'), 'text/javascript'],
  // Loaded by the file above, from beside it, on the pages with <fc-account> or <fc-profile-form>.
  '/assets/franceconnect-elements-account.js': [import.meta.resolve('franceconnect-elements/cdn/account'), 'text/javascript'],
  // Loaded from beside it by a ProConnect button: ProConnect's logo.
  '/assets/franceconnect-elements-proconnect-logo.js': [import.meta.resolve('franceconnect-elements/cdn/proconnect-logo'), 'text/javascript'],
  '/assets/reserve.css': [import.meta.resolve('franceconnect-elements/reserve.css'), 'text/css'],
  '/assets/site.css': [new URL('./site.css', import.meta.url).href, 'text/css'],
};

async function readForm(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 20_000) throw new Error('body too large');
  }
  return new URLSearchParams(body);
}

/** A text field from a form, trimmed and bounded like <fc-profile-form>'s. */
function field(form, name, max) {
  return (form.get(name) ?? '').trim().slice(0, max);
}

/**
 * Starts the service on loopback.
 * @param {object} options
 * @param {number} [options.port] 0 for any free port
 * @param {string} options.issuer FranceConnect's issuer (…/api/v2)
 * @param {string} options.clientId the client_id registered at FranceConnect (rule 21)
 * @param {string} options.clientSecret
 * @param {string} [options.signingAlg] ES256 (default) or RS256, as chosen in the partner space
 * @param {boolean} [options.plus] FranceConnect+ rather than FranceConnect: its button, eidas2
 * @param {{ key: Buffer | string, cert: Buffer | string }} [options.tls] serve https with this key
 *   and certificate (rule 18: TLS 1.2 or later, Node's own minimum), rather than http
 * @param {{ issuer: string, clientId: string, clientSecret: string, signingAlg?: string }} [options.proConnect]
 *   the agents' space's registration at ProConnect (…/api/v2); without it, /agents says it is not configured
 * @param {(message: string) => void} [options.log] where refused callbacks are reported
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startService({ port = 3000, host = '127.0.0.1', issuer, clientId, clientSecret, signingAlg = 'ES256', plus = false, tls, proConnect: pro, log = console.warn }) {
  activeFaults(); // an unknown SERVICE_FAULTS name: no start
  for (const [path, [url]] of Object.entries(ASSETS)) {
    await readFile(fileURLToPath(url)).catch(() => {
      throw new Error(`${path}: ${fileURLToPath(url)} is missing; run \`npm run build\` first.`);
    });
  }
  // Rule 18: TLS 1.2 at least, Node's default minimum (the fault old-tls lowers it to 1.0,
  // with the ciphers OpenSSL 3 keeps for it only at security level 0).
  const server = tls
    ? createTlsServer({ ...tls, ...faulty('tls', { minVersion: 'TLSv1.2' }) })
    : createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `${tls ? 'https' : 'http'}://${host}:${server.address().port}`;
  const fc = franceConnect({
    issuer,
    clientId,
    clientSecret,
    signingAlg,
    plus,
    redirectUri: `${origin}/auth/franceconnect/callback`,
    postLogoutRedirectUri: `${origin}/auth/franceconnect/logout/callback`,
  });
  const sessions = sessionStore({ secure: origin.startsWith('https:') });
  // The agents' space: its own ProConnect client and its own sessions.
  const pc =
    pro &&
    proConnect({
      ...pro,
      redirectUri: `${origin}/agents/auth/callback`,
      postLogoutRedirectUri: `${origin}/agents/auth/logout/callback`,
    });
  const agentSessions = sessionStore({ secure: origin.startsWith('https:'), name: 'agents_session' });
  /** The logged-in agent's session, or undefined. */
  const currentAgent = (req) => {
    const session = agentSessions.get(req);
    return session?.agent ? session : undefined;
  };
  /** Ends the agents' session here and at ProConnect (session/end with id_token_hint, state, post_logout_redirect_uri). */
  async function endProConnectSession(req, res, idToken, flash) {
    const state = randomToken();
    const session = agentSessions.start(req, res, { logout: { state, flash } });
    try {
      redirect(res, await pc.logoutUrl({ idToken, state }));
    } catch {
      session.flash = flash;
      delete session.logout;
      redirect(res, '/agents');
    }
  }
  /** The service's accounts, by FranceConnect `sub`. */
  const accounts = new Map();

  function redirect(res, location) {
    res.writeHead(303, { location: String(location), 'cache-control': 'no-store' });
    res.end();
  }

  function html(res, status, body) {
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Rule 13: no frame in our pages, and our pages in nobody's frame.
      'content-security-policy': "frame-src 'none'; frame-ancestors 'none'; object-src 'none'; base-uri 'none'",
    });
    res.end(body);
  }

  /** The logged-in visitor's session and account, or undefined. */
  function current(req) {
    const session = sessions.get(req);
    const account = session?.sub && accounts.get(session.sub);
    return account ? { session, account } : undefined;
  }

  /** The one-time message of a page, read once. */
  function takeFlash(session) {
    const flash = session?.flash;
    if (session) delete session.flash;
    return flash;
  }

  /**
   * Ends the local session and sends the browser to FranceConnect's session/end
   * (rules 9, 12, 20); the message is shown at home once FranceConnect sends it back.
   */
  async function endFranceConnectSession(req, res, idToken, flash, { hint = true } = {}) {
    const state = randomToken();
    const session = sessions.start(req, res, { logout: { state, flash } });
    try {
      redirect(res, await fc.logoutUrl({ idToken, state, hint }));
    } catch {
      // FranceConnect unreachable: its session cannot be ended from here.
      session.flash = flash;
      delete session.logout;
      redirect(res, '/');
    }
  }

  /** POSTs come from our own pages only (SameSite=Lax already keeps other sites' cookies out). */
  function sameOrigin(req) {
    return req.headers.origin === undefined || req.headers.origin === origin;
  }

  const routes = {
    'GET /': (req, res) => {
      const { session, account } = current(req) ?? { session: sessions.get(req) };
      html(res, 200, homePage({ account, flash: takeFlash(session) }));
    },

    'GET /connexion': (req, res) => {
      const { session, account } = current(req) ?? { session: sessions.get(req) };
      html(res, 200, loginPage({ section: 'connexion', plus, account, flash: takeFlash(session) }));
    },

    'GET /inscription': (req, res) => {
      const { session, account } = current(req) ?? { session: sessions.get(req) };
      html(res, 200, loginPage({ section: 'inscription', plus, account, flash: takeFlash(session) }));
    },

    // The slot's e-mail/password forms: out of this demonstration's scope.
    'POST /connexion': (req, res) =>
      html(res, 200, loginPage({ section: 'connexion', plus, flash: { kind: 'info', text: LOCAL_ACCOUNTS } })),
    'POST /inscription': (req, res) =>
      html(res, 200, loginPage({ section: 'inscription', plus, flash: { kind: 'info', text: LOCAL_ACCOUNTS } })),

    // Rules 8, 10, 17, 19, 20, 21: a fresh state and nonce, kept in a new server-side session.
    'GET /auth/franceconnect/login': async (req, res) => {
      let attempt;
      try {
        attempt = await fc.authorizationUrl();
      } catch (error) {
        log(`FranceConnect discovery failed: ${error.message}`);
        sessions.start(req, res, { flash: { kind: 'error', text: UNAVAILABLE } });
        return redirect(res, '/');
      }
      sessions.start(req, res, { pending: { state: attempt.state, nonce: attempt.nonce } });
      redirect(res, attempt.url);
    },

    // Rules 8, 10, 19, 20: every check, then a new session for the logged-in user.
    'GET /auth/franceconnect/callback': async (req, res) => {
      const session = sessions.get(req);
      const expected = session?.pending;
      if (session) delete session.pending; // one attempt, one use
      let result;
      try {
        result = await fc.callback(new URL(req.url, origin), expected);
      } catch (error) {
        log(`FranceConnect callback refused: ${error.message}`);
        // Rule 20: home, and the FranceConnect session ended when an ID token came back
        // (its id_token_hint is what session/end needs). Without one, as FranceConnect's own
        // example service does (back/apps/mock-service-provider in france-connect/sources):
        // home with a message, nothing sent to session/end, which would refuse it.
        if (error.idToken) return endFranceConnectSession(req, res, error.idToken, { kind: 'error', text: FAILED });
        const text = error.error === 'access_denied' ? CANCELLED : FAILED_NO_TOKEN;
        sessions.start(req, res, { flash: { kind: error.error === 'access_denied' ? 'info' : 'error', text } });
        return redirect(res, '/');
      }
      const { identity, idToken } = result;
      const existing = accounts.get(identity.sub);
      const pivot = Object.fromEntries(PIVOT.map((claim) => [claim, String(identity[claim] ?? '')]));
      if (existing) {
        // Rule 8: logging in. FranceConnect is the authority on the pivot identity.
        Object.assign(existing, pivot);
        sessions.start(req, res, { sub: identity.sub, idToken, flash: { kind: 'success', text: 'Vous êtes connecté(e) avec FranceConnect.' } });
        return redirect(res, '/');
      }
      // Rule 10: signing up, a local account made from the FranceConnect identity.
      accounts.set(identity.sub, {
        sub: identity.sub,
        ...pivot,
        preferred_username: String(identity.preferred_username ?? ''),
        email: String(identity.email ?? ''),
      });
      sessions.start(req, res, {
        sub: identity.sub,
        idToken,
        flash: { kind: 'success', text: 'Votre compte a été créé avec FranceConnect. Vérifiez vos informations.' },
      });
      redirect(res, '/profil');
    },

    // Rule 9: logging out of the service ends the FranceConnect session too.
    // A POST (from <fc-account>'s form), so that no link prefetch logs anyone out.
    'POST /auth/franceconnect/logout': (req, res) => {
      const logged = current(req);
      if (!logged || !sameOrigin(req)) return redirect(res, '/');
      const flash = { kind: 'success', text: 'Vous êtes déconnecté(e) de Mon service et de FranceConnect.' };
      if (!faulty('logout-session-end', true)) {
        sessions.start(req, res, { flash });
        return redirect(res, '/');
      }
      return endFranceConnectSession(req, res, logged.session.idToken, flash, { hint: faulty('logout-id-token-hint', true) });
    },

    // FranceConnect's way back after session/end: the state must be the one we sent.
    'GET /auth/franceconnect/logout/callback': (req, res) => {
      const session = sessions.get(req);
      const pending = session?.logout;
      if (pending) {
        delete session.logout;
        const state = new URL(req.url, origin).searchParams.get('state');
        session.flash = state === pending.state ? pending.flash : { kind: 'info', text: 'Vous êtes déconnecté(e).' };
      }
      redirect(res, '/');
    },

    'GET /profil': (req, res) => {
      const logged = current(req);
      if (!logged) return redirect(res, '/connexion');
      html(res, 200, profilePage({ account: logged.account, flash: takeFlash(logged.session) }));
    },

    // Rules 15 and 16 on the server: the six pivot values stay those FranceConnect
    // sent; only preferred_username and email are read from the request.
    'POST /profil': async (req, res) => {
      const logged = current(req);
      if (!logged || !sameOrigin(req)) return redirect(res, '/connexion');
      const form = await readForm(req);
      const email = field(form, 'email', 254);
      if (!EMAIL.test(email)) {
        logged.session.flash = { kind: 'error', text: 'L’adresse électronique n’est pas valide : rien n’a été enregistré.' };
        return redirect(res, '/profil');
      }
      logged.account.email = email;
      logged.account.preferred_username = field(form, 'preferred_username', 256);
      if (faulty('pivot-from-request', false)) for (const claim of PIVOT) if (form.has(claim)) logged.account[claim] = field(form, claim, 256);
      logged.session.flash = { kind: 'success', text: 'Vos modifications sont enregistrées.' };
      redirect(res, '/profil');
    },

    // The agents' space, with ProConnect.
    'GET /agents': (req, res) => {
      const logged = currentAgent(req);
      if (logged) return html(res, 200, agentsHomePage({ agent: logged.agent, flash: takeFlash(logged) }));
      const session = agentSessions.get(req);
      html(res, 200, agentsLoginPage({ flash: takeFlash(session), configured: Boolean(pc) }));
    },

    'GET /agents/auth/login': async (req, res) => {
      if (!pc) return redirect(res, '/agents');
      let attempt;
      try {
        attempt = await pc.authorizationUrl();
      } catch (error) {
        log(`ProConnect discovery failed: ${error.message}`);
        agentSessions.start(req, res, { flash: { kind: 'error', text: PC_UNAVAILABLE } });
        return redirect(res, '/agents');
      }
      agentSessions.start(req, res, { pending: { state: attempt.state, nonce: attempt.nonce } });
      redirect(res, attempt.url);
    },

    'GET /agents/auth/callback': async (req, res) => {
      if (!pc) return redirect(res, '/agents');
      const pending = agentSessions.get(req)?.pending;
      let result;
      try {
        result = await pc.callback(new URL(req.url, origin), pending);
      } catch (error) {
        log(`ProConnect callback refused: ${error.message}`);
        if (error.idToken) return endProConnectSession(req, res, error.idToken, { kind: 'error', text: PC_FAILED });
        const text = error.error === 'access_denied' ? PC_CANCELLED : PC_FAILED_NO_TOKEN;
        agentSessions.start(req, res, { flash: { kind: error.error === 'access_denied' ? 'info' : 'error', text } });
        return redirect(res, '/agents');
      }
      const { identity, idToken } = result;
      const agent = Object.fromEntries(['sub', 'given_name', 'usual_name', 'email', 'uid', 'siret', 'organization_label', 'idp_id'].map((claim) => [claim, String(identity[claim] ?? '')]));
      agentSessions.start(req, res, { agent, idToken, flash: { kind: 'success', text: 'Vous êtes connecté(e) avec ProConnect.' } });
      redirect(res, '/agents');
    },

    'GET /agents/compte': (req, res) => {
      const session = currentAgent(req);
      if (!session) return redirect(res, '/agents');
      html(res, 200, agentsAccountPage({ agent: session.agent, flash: takeFlash(session) }));
    },

    // Logging out of the agents' space ends the ProConnect session too (implementation_technique.md 2.4).
    'POST /agents/auth/logout': (req, res) => {
      const session = currentAgent(req);
      if (!session || !sameOrigin(req)) return redirect(res, '/agents');
      const flash = { kind: 'success', text: 'Vous êtes déconnecté(e) de l’espace agents et de ProConnect.' };
      if (!faulty('pc-logout-session-end', true)) {
        agentSessions.start(req, res, { flash });
        return redirect(res, '/agents');
      }
      return endProConnectSession(req, res, session.idToken, flash);
    },

    // ProConnect's way back after session/end: the state must be the one sent (2.4.3).
    'GET /agents/auth/logout/callback': (req, res) => {
      const session = agentSessions.get(req);
      const pending = session?.logout;
      if (pending) {
        delete session.logout;
        const state = new URL(req.url, origin).searchParams.get('state');
        session.flash = state === pending.state ? pending.flash : { kind: 'info', text: 'Vous êtes déconnecté(e).' };
      }
      redirect(res, '/agents');
    },

    // Rule 12: deleting the account ends the FranceConnect session too.
    'POST /compte/supprimer': (req, res) => {
      const logged = current(req);
      if (!logged || !sameOrigin(req)) return redirect(res, '/connexion');
      accounts.delete(logged.account.sub);
      return endFranceConnectSession(req, res, logged.session.idToken, {
        kind: 'success',
        text: 'Votre compte a été supprimé, et vous êtes déconnecté(e) de FranceConnect.',
      });
    },
  };

  server.on('request', async (req, res) => {
    try {
      const { pathname } = new URL(req.url, origin);
      const asset = req.method === 'GET' && ASSETS[pathname];
      if (asset) {
        const body = await readFile(fileURLToPath(asset[0]));
        res.writeHead(200, { 'content-type': `${asset[1]}; charset=utf-8`, 'cache-control': 'no-cache' });
        return res.end(body);
      }
      const route = routes[`${req.method} ${pathname}`];
      if (route) return await route(req, res);
      html(res, 404, homePage({ flash: { kind: 'error', text: 'Cette page n’existe pas.' } }));
    } catch (error) {
      log(`${req.method} ${req.url}: ${error.stack}`);
      if (!res.headersSent) html(res, 500, homePage({ flash: { kind: 'error', text: 'Une erreur est survenue.' } }));
    }
  });

  return {
    url: `${origin}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Run on its own: node examples/service/server.mjs
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { FC_CLIENT_ID, FC_CLIENT_SECRET, PC_CLIENT_ID, PC_CLIENT_SECRET } = process.env;
  const withFc = Boolean(FC_CLIENT_ID && FC_CLIENT_SECRET);
  const withPc = Boolean(PC_CLIENT_ID && PC_CLIENT_SECRET);
  if (!withFc && !withPc) {
    console.error('Set FC_CLIENT_ID and FC_CLIENT_SECRET (as registered at FranceConnect), or PC_CLIENT_ID and PC_CLIENT_SECRET (at ProConnect, for /agents), or run `npm run demo`.');
    process.exit(1);
  }
  const service = await startService({
    port: Number(process.env.PORT ?? 3000),
    issuer: process.env.FC_ISSUER ?? `http://127.0.0.1:${process.env.FC_PORT ?? 3001}/api/v2`,
    clientId: FC_CLIENT_ID,
    clientSecret: FC_CLIENT_SECRET,
    signingAlg: process.env.FC_SIGNING_ALG ?? 'ES256',
    // FC_PLUS=1: a FranceConnect+ service (what `franceconnect-rehearse --plus` gives --start).
    plus: process.env.FC_PLUS === '1',
    // TLS_KEY and TLS_CERT: PEM files, to serve https (rule 18).
    tls: process.env.TLS_KEY && process.env.TLS_CERT ? { key: readFileSync(process.env.TLS_KEY), cert: readFileSync(process.env.TLS_CERT) } : undefined,
    proConnect: withPc
      ? {
          issuer: process.env.PC_ISSUER ?? `http://127.0.0.1:${process.env.PC_PORT ?? 3002}/api/v2`,
          clientId: PC_CLIENT_ID,
          clientSecret: PC_CLIENT_SECRET,
          signingAlg: process.env.PC_SIGNING_ALG ?? 'ES256',
        }
      : undefined,
  }).catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${error.port} is in use: set PORT.` : error.message);
    process.exit(1);
  });
  if (activeFaults().length) console.warn(`Deliberately broken (SERVICE_FAULTS): ${activeFaults().join(', ')}.`);
  console.log(`Service: ${service.url}${withPc ? ` — agents' space: ${service.url}agents` : ''}`);
  process.on('SIGINT', () => service.close().then(() => process.exit(0)));
  process.on('SIGTERM', () => service.close().then(() => process.exit(0)));
}
