// What the local FranceConnect and the local ProConnect share: both are oidc-provider
// mounted under /api/v2 behind a node:http server that checks requests first, as
// FranceConnect v2 and ProConnect's federation (both NestJS in front of oidc-provider) do.
// Only the plumbing lives here; each provider keeps its own rules and pages.
import { generateKeyPairSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

/** Where both serve OpenID Connect (urlPrefix of their app configuration). */
export const MOUNT = '/api/v2';

/**
 * oidc-provider's own cookies, which both drop before each authorize so that every
 * authorize starts a new interaction (FranceConnect: COOKIES in
 * back/libs/oidc-provider/src/oidc-provider.service.ts; ProConnect: beforeAuthorizeMiddleware in
 * back/apps/core-fca-low/src/services/core-fca-middleware.service.ts).
 */
export const PROVIDER_COOKIES = ['_session', '_interaction', '_interaction_resume'];

/**
 * One signing key of each kind, made at start (nothing secret is kept in the repository):
 * both publish ES256 and RS256 keys (CRYPTO_SIG_ES256_PRIV_KEYS, CRYPTO_SIG_RS256_PRIV_KEYS).
 */
export function signingKeys() {
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return [
    { ...ec.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'ES256', use: 'sig' },
    { ...rsa.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' },
  ];
}

/** oidc-provider's cookie settings of both (cookies in their oidc-provider configuration). */
export function providerCookies() {
  const cookie = { sameSite: 'lax', signed: true, path: '/' };
  return { keys: [randomBytes(32).toString('base64url')], long: cookie, short: cookie };
}

export async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 20_000) throw new Error('body too large');
  }
  return body;
}

export function send(res, status, html, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(html);
}

export function redirect(res, location, status = 303) {
  res.writeHead(status, { location, 'cache-control': 'no-store' });
  res.end();
}

export function cookies(req) {
  const found = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) found[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return found;
}

/** Drops oidc-provider's cookies from a request and from the browser, so that the authorize starts a new interaction. */
export function withoutProviderCookies(req, res) {
  const kept = Object.entries(cookies(req)).filter(([name]) => !PROVIDER_COOKIES.some((c) => name === c || name === `${c}.sig`));
  req.headers.cookie = kept.map(([name, value]) => `${name}=${value}`).join('; ');
  for (const name of PROVIDER_COOKIES) res.appendHeader('set-cookie', `${name}=; Path=/; Max-Age=0`);
}

export function sameToken(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * A server's own session, apart from oidc-provider's, in memory, sliding: what it
 * remembers between two authorize calls of one browser.
 */
export function sessionStore({ cookie, lifetime }) {
  const sessions = new Map();
  return {
    get(req, res, create = false) {
      const id = cookies(req)[cookie];
      let found = id && sessions.get(id);
      if (found && found.expires <= Date.now()) {
        sessions.delete(id);
        found = undefined;
      }
      if (!found && !create) return undefined;
      const key = found ? id : randomBytes(32).toString('hex');
      if (!found) {
        found = {};
        sessions.set(key, found);
      }
      found.expires = Date.now() + lifetime * 1000;
      res.appendHeader('set-cookie', `${cookie}=${key}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${lifetime}`);
      return found;
    },
    end(req) {
      const id = cookies(req)[cookie];
      if (id) sessions.delete(id);
    },
  };
}

/** A node:http server listening on loopback; resolves with it and its origin. */
export async function listen(port, host) {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`;
  return { server, origin };
}

/** Closes a server and its kept-alive connections. */
export function closer(server) {
  return () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
}

/** Hands requests to oidc-provider mounted under /api/v2 (it reads the prefix from originalUrl). */
export function mounted(provider) {
  provider.proxy = false;
  const oidc = provider.callback();
  return (req, res, url = req.url) => {
    req.originalUrl = url;
    req.url = url.slice(MOUNT.length) || '/';
    return oidc(req, res);
  };
}

/** The interactions in progress, or undefined when the browser has none (expired, another browser). */
export async function interactionDetails(provider, req, res) {
  try {
    return await provider.interactionDetails(req, res);
  } catch {
    return undefined;
  }
}
