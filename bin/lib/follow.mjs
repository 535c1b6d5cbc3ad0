// `franceconnect-audit --follow`: activates each FranceConnect control of a page in a
// throwaway browser context, follows the service's redirects, and stops the request to
// FranceConnect's authorize before it leaves; then measures rule 18 on the service's
// https origins with TLS handshakes alone. The findings come from
// franceconnect-elements/audit's follow module (src/audit/follow.ts).
//
// Why the DevTools protocol's Fetch domain, at the browser's level, rather than
// Playwright's page.route: route() is not called for the hops of a redirect, so the
// service's 302 to FranceConnect would have gone out unseen. Fetch.requestPaused is
// raised for every request of every page and pop-up, each redirect hop included.
import { connect } from 'node:tls';
import { isIP } from 'node:net';
import { FC_AUTHORIZE, judgeActivations, judgeTls } from '../../dist/audit/follow.js';

/** How long an activation may take to reach FranceConnect. */
const PATIENCE = 12000;

/** What the browser shows in place of FranceConnect's page. */
const STOPPED = Buffer.from(
  '<!doctype html><html lang="fr"><meta charset="utf-8"><title>Requête arrêtée</title>' +
    '<p>franceconnect-audit a arrêté ici la requête vers FranceConnect : elle n’est pas partie.</p></html>',
).toString('base64');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `promise`, or nothing after `ms`: closing a page or a context never holds the audit. */
const bounded = (promise, ms = 5000) => Promise.race([promise.catch(() => undefined), sleep(ms)]);

/**
 * Intercepts every request of `browser`: FranceConnect's authorize is answered here and
 * handed to `onAuthorize`, everything else continues. Returns a function that stops it.
 */
async function intercept(browser, onAuthorize, onDocument) {
  const cdp = await browser.newBrowserCDPSession();
  cdp.on('Fetch.requestPaused', async (event) => {
    const { requestId, request, resourceType } = event;
    let path = '';
    try {
      path = new URL(request.url).pathname;
    } catch {
      // not a URL we judge
    }
    if (FC_AUTHORIZE.test(path)) {
      onAuthorize({ url: request.url, method: request.method, ...(request.postData ? { body: request.postData } : {}) });
      await cdp
        .send('Fetch.fulfillRequest', {
          requestId,
          responseCode: 200,
          responseHeaders: [{ name: 'content-type', value: 'text/html; charset=utf-8' }],
          body: STOPPED,
        })
        .catch(() => undefined);
      return;
    }
    if (resourceType === 'Document') onDocument(request.url);
    await cdp.send('Fetch.continueRequest', { requestId }).catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] });
  return () => cdp.detach().catch(() => undefined);
}

/** One activation: load the page, click the n-th control, wait for the authorize (or give up). */
async function activate(context, url, pickScript, n, state) {
  state.current = { chain: [], popup: false, authorize: undefined };
  const activation = state.current;
  const page = await context.newPage();
  const onPage = (other) => {
    if (other !== page) activation.popup = true;
  };
  context.on('page', onPage);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    activation.chain = [];
    const handle = await page.evaluateHandle(pickScript(n));
    const element = handle.asElement();
    if (!element) return { ...activation, problem: 'le contrôle n’a pas été retrouvé sur la page rechargée' };
    try {
      await element.click({ timeout: 5000 });
    } catch (error) {
      return { ...activation, problem: `le clic n’a pas abouti : ${error.message.split('\n')[0]}` };
    }
    const started = Date.now();
    while (!activation.authorize && Date.now() - started < PATIENCE) {
      await sleep(200);
      // Nothing more to come: the page settled, and no request went to FranceConnect.
      if (Date.now() - started > 2500) {
        const idle = await page.waitForLoadState('networkidle', { timeout: 500 }).then(
          () => true,
          () => false,
        );
        if (idle && Date.now() - started > 4000 && !activation.popup) break;
      }
    }
    // The authorize request was answered here: let the page the browser shows in its place
    // finish loading before the page is closed (closed while that answer was still on its
    // way, Chromium could keep the page open for good: seen once in about ten runs).
    if (activation.authorize) await page.waitForLoadState('load', { timeout: 3000 }).catch(() => undefined);
    if (!activation.authorize) {
      const last = activation.chain.at(-1) ?? page.url();
      return { ...activation, problem: `aucune requête vers /api/v2/authorize en ${Math.round((Date.now() - started) / 1000)} s ; dernière page : ${last}` };
    }
    return { ...activation };
  } catch (error) {
    return { ...activation, problem: error.message.split('\n')[0] };
  } finally {
    context.off('page', onPage);
    state.current = undefined;
    // Bounded all the same: a page that will not close must not hold the audit.
    await bounded(page.close());
  }
}

/**
 * What a server answers to a handshake of one TLS version: accepted, refused (the server
 * said so, or hung up), or unknown (this machine cannot offer that version). Nothing but
 * the handshake is sent; the connection is closed at once.
 */
export function tlsAnswer(host, port, version) {
  return new Promise((resolve) => {
    let socket;
    try {
      socket = connect({
        host,
        port,
        ...(isIP(host) ? {} : { servername: host }),
        minVersion: version,
        maxVersion: version,
        // Only the protocol is measured: a self-signed certificate is no concern here,
        // and OpenSSL 3 offers TLS 1.0 and 1.1 only at security level 0.
        rejectUnauthorized: false,
        ciphers: 'DEFAULT:@SECLEVEL=0',
      });
    } catch {
      resolve('unknown');
      return;
    }
    const done = (answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(8000, () => done('unknown'));
    socket.once('secureConnect', () => done(socket.getProtocol() === version ? 'accepted' : 'refused'));
    socket.once('error', (error) => {
      const said = String(error.code ?? '') + String(error.message ?? '');
      // A protocol alert, a handshake failure or a hang-up is the server refusing;
      // "no protocols available" is this machine.
      if (/NO_PROTOCOLS_AVAILABLE|UNSUPPORTED_PROTOCOL/i.test(said) && !/ALERT/i.test(said)) done('unknown');
      else if (/ALERT|HANDSHAKE|WRONG_VERSION|ECONNRESET|EPIPE|socket hang up|VERSION/i.test(said)) done('refused');
      else done('unknown');
    });
  });
}

/** Rule 18 on one https origin. */
async function probe(origin) {
  const url = new URL(origin);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const versions = {};
  for (const version of ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']) versions[version] = await tlsAnswer(host, port, version);
  const note = Object.values(versions).includes('unknown') ? 'version que cette machine ne sait pas proposer, ou serveur muet' : undefined;
  return { origin: url.origin, versions, ...(note ? { note } : {}) };
}

/**
 * Follows every control of `found` (the audit's list, buttons then likely ones): two
 * activations each, in one throwaway context per control, then rule 18.
 */
export async function followButtons({ browser, url, found, pickScript, contextOptions, clientId }) {
  const state = { current: undefined };
  const release = await intercept(
    browser,
    (request) => {
      if (state.current && !state.current.authorize) state.current.authorize = request;
    },
    (documentUrl) => state.current?.chain.push(documentUrl),
  );
  const findings = [];
  const buttons = [];
  const origins = new Set([new URL(url).origin]);
  try {
    for (const [n, control] of found.entries()) {
      const context = await browser.newContext(contextOptions);
      const activations = [];
      try {
        for (let round = 0; round < 2; round += 1) activations.push(await activate(context, url, pickScript, n, state));
      } finally {
        await bounded(context.close());
      }
      const followed = { name: control.name, plus: control.plus, provider: control.provider, activations };
      buttons.push({ ...followed, likely: control.likely });
      const judged = judgeActivations(followed, clientId);
      const brand = control.provider === 'proconnect' ? 'ProConnect' : 'FranceConnect';
      if (control.likely && activations.some((a) => a.authorize)) {
        findings.push({
          rule: 1,
          status: 'warn',
          unjudged: true,
          message: `${control.name} mène bien à ${brand} : c’est un bouton ${brand}, que l’audit ne sait pas juger sur la page (libellé, taille, couleurs) ; vérifiez-le à l’œil.`,
        });
      }
      findings.push(...judged);
      // The service's own origins: every page before FranceConnect, and where it comes back.
      for (const a of activations) {
        for (const hop of a.chain) origins.add(new URL(hop).origin);
        const back = a.authorize && new URL(a.authorize.url).searchParams.get('redirect_uri');
        if (back) {
          try {
            origins.add(new URL(back).origin);
          } catch {
            // a redirect_uri that is no URL: FranceConnect refuses it; rule 21's business
          }
        }
      }
    }
  } finally {
    await release();
  }
  if (!found.length) {
    for (const rule of [17, 19, 20, 21]) findings.push({ rule, status: 'not-applicable', message: 'Aucun bouton FranceConnect ni ProConnect à suivre sur cette page.' });
  }
  const https = [...origins].filter((o) => o.startsWith('https:'));
  findings.push(...judgeTls(url, await Promise.all(https.map(probe))));
  findings.sort((a, c) => a.rule - c.rule);
  return { findings, buttons };
}
