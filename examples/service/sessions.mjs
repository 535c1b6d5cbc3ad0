// Server-side sessions, in memory: the browser holds only a random identifier in
// an HttpOnly, SameSite=Lax cookie; state, nonce, ID token and identity stay here.
import { randomBytes } from 'node:crypto';

const COOKIE = 'service_session';
const LIFETIME_MS = 60 * 60 * 1000;

function parseCookies(header = '') {
  const cookies = {};
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
  }
  return cookies;
}

/** `name`: the cookie's (the agents' space keeps its sessions apart from the public's). */
export function sessionStore({ secure = false, name = COOKIE } = {}) {
  const sessions = new Map();

  function cookie(res, id, maxAge) {
    const attributes = [`${name}=${id}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`];
    if (secure) attributes.push('Secure');
    res.appendHeader('set-cookie', attributes.join('; '));
  }

  return {
    /** The visitor's session, or undefined. */
    get(req) {
      const id = parseCookies(req.headers.cookie)[name];
      const session = id && sessions.get(id);
      if (!session) return undefined;
      if (session.expires < Date.now()) {
        sessions.delete(id);
        return undefined;
      }
      return session.data;
    },

    /**
     * Starts a new session, dropping the visitor's previous one: a new identifier at
     * each login attempt and each login, so an identifier known before cannot be reused.
     */
    start(req, res, data = {}) {
      this.destroy(req, res);
      const id = randomBytes(32).toString('base64url');
      sessions.set(id, { data, expires: Date.now() + LIFETIME_MS });
      cookie(res, id, LIFETIME_MS / 1000);
      return data;
    },

    destroy(req, res) {
      const id = parseCookies(req.headers.cookie)[name];
      if (id && sessions.delete(id)) cookie(res, '', 0);
    },
  };
}
