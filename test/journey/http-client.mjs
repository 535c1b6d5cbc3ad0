// What the conformance tests drive the local FranceConnect with: a browser reduced
// to HTTP (a cookie jar, redirects followed one by one, forms read from the HTML),
// and a service's back channel (token, userinfo, signature checks with node:crypto).
import { createPublicKey, verify } from 'node:crypto';

/** A browser without JavaScript: it keeps cookies and follows redirects itself. */
export function browser() {
  const jar = new Map();
  function store(response, url) {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const maxAge = attributes.map((a) => a.trim().toLowerCase()).find((a) => a.startsWith('max-age='));
      if (value === '' || maxAge === 'max-age=0') jar.delete(name);
      else jar.set(name, { value, line, origin: new URL(url).origin });
    }
  }
  async function request(url, { method = 'GET', form, headers = {} } = {}) {
    const target = new URL(url);
    const cookie = [...jar].filter(([, c]) => c.origin === target.origin).map(([name, c]) => `${name}=${c.value}`).join('; ');
    const init = { method, redirect: 'manual', headers: { ...headers, ...(cookie ? { cookie } : {}) } };
    if (form) {
      init.body = new URLSearchParams(form).toString();
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const response = await fetch(target, init);
    store(response, target);
    const body = await response.text();
    return { status: response.status, headers: response.headers, location: response.headers.get('location'), body, url: target.href };
  }
  return {
    jar,
    request,
    /**
     * Follows redirects until a page answers, or until `stop(url)` says a URL is the
     * service's (which is not fetched). Returns every hop and the last answer.
     */
    async follow(url, { stop = () => false, ...options } = {}) {
      const hops = [];
      let response = await request(url, options);
      hops.push(response);
      for (let i = 0; i < 20 && response.location; i += 1) {
        const next = new URL(response.location, response.url).href;
        if (stop(next)) return { hops, response, stoppedAt: new URL(next) };
        response = await request(next);
        hops.push(response);
      }
      return { hops, response };
    },
  };
}

/** The first form of a page whose button or whose text matches, with its action and fields. */
export function formOf(html, baseUrl, buttonText) {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const [, attributes, inner] = match;
    const buttons = [...inner.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)];
    const id = /id="([^"]*)"/.exec(attributes)?.[1];
    // A button inside the form, or outside it naming it (form="id").
    const outside = id ? [...html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].filter(([, a]) => a.includes(`form="${id}"`)) : [];
    const button = [...buttons, ...outside].find(([, , text]) => text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').includes(buttonText));
    if (!button) continue;
    const action = new URL(decode(/action="([^"]*)"/.exec(attributes)?.[1] ?? ''), baseUrl).href;
    const fields = {};
    for (const [, input] of inner.matchAll(/<input\b([^>]*)>/g)) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (name) fields[decode(name)] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? '');
    }
    const name = /name="([^"]*)"/.exec(button[1])?.[1];
    if (name) fields[decode(name)] = decode(/value="([^"]*)"/.exec(button[1])?.[1] ?? '');
    return { action, fields };
  }
  return undefined;
}

/** The href of the first link whose text matches. */
export function linkOf(html, baseUrl, text) {
  for (const [, attributes, inner] of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
    if (inner.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').includes(text)) {
      return new URL(decode(/href="([^"]*)"/.exec(attributes)?.[1] ?? ''), baseUrl).href;
    }
  }
  return undefined;
}

function decode(text) {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}

/** The text of a page, tags removed. */
export const textOf = (html) => html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const b64 = (part) => JSON.parse(Buffer.from(part, 'base64url').toString());

/** A JWT's header and payload, its signature checked against the JWKS. */
export function verifyJwt(jwt, jwks) {
  const [header, payload, signature] = jwt.split('.');
  const { alg, kid } = b64(header);
  const jwk = jwks.keys.find((key) => key.kid === kid);
  if (!jwk) throw new Error(`no key ${kid} in the JWKS`);
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  const data = Buffer.from(`${header}.${payload}`);
  const sig = Buffer.from(signature, 'base64url');
  const ok =
    alg === 'ES256'
      ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
      : alg === 'RS256'
        ? verify('sha256', data, key, sig)
        : false;
  if (!ok) throw new Error(`bad ${alg} signature`);
  return { header: b64(header), payload: b64(payload) };
}
