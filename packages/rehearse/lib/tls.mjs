// Rule 18 for an https: service: a TLS handshake of each version, nothing else sent.
// « Le service ne doit pas utiliser de version de TLS inférieure à 1.2 et doit
// obligatoirement utiliser des versions 1.2 ou 1.3. »
import { connect } from 'node:tls';
import { RehearsalError } from './errors.mjs';

const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** 'accepted', 'refused', or 'unknown' when this machine's OpenSSL cannot even offer the version. */
function handshake(host, port, version) {
  return new Promise((resolve) => {
    let socket;
    const done = (answer) => {
      socket?.destroy();
      resolve(answer);
    };
    try {
      socket = connect({
        host,
        port,
        servername: /^[\d.]+$|:/.test(host) ? undefined : host,
        minVersion: version,
        maxVersion: version,
        // Old versions need old ciphers, which OpenSSL 3 keeps behind security level 0.
        ciphers: 'DEFAULT:@SECLEVEL=0',
        rejectUnauthorized: false,
        timeout: 5000,
      });
    } catch {
      return resolve('unknown');
    }
    socket.once('secureConnect', () => done(socket.getProtocol() === version ? 'accepted' : 'refused'));
    socket.once('timeout', () => done('refused'));
    socket.once('error', (error) => done(/no protocols available|unsupported protocol.*client|wrong ssl version.*client/i.test(error.message) && !error.library ? 'unknown' : 'refused'));
  });
}

/**
 * Rule 18's finding for the service at `serviceUrl`: the handshakes measured here, judged
 * by the page audit's own rule (franceconnect-elements/audit, judgeTls), as
 * `npx franceconnect-audit --follow` judges them.
 */
export async function tlsFinding(serviceUrl) {
  const url = new URL(serviceUrl);
  const probes = [];
  if (url.protocol === 'https:') {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port || 443);
    const versions = {};
    for (const version of VERSIONS) versions[version] = await handshake(host, port, version);
    probes.push({ origin: url.origin, versions });
  }
  // Loaded when needed: --help and the option checks work before franceconnect-elements is built.
  const { judgeTls } = await import('franceconnect-elements/audit').catch(() => {
    throw new RehearsalError('franceconnect-elements/audit is missing: install franceconnect-elements (or build it: npm run build).');
  });
  const [finding] = judgeTls(url.href, probes);
  return { rule: 18, status: finding.status, message: finding.message, evidence: { service: url.origin, ...probes[0]?.versions } };
}
