// Rule 18 for an https: service: a TLS handshake of each version, nothing else sent.
// « Le service ne doit pas utiliser de version de TLS inférieure à 1.2 et doit
// obligatoirement utiliser des versions 1.2 ou 1.3. »
import { connect } from 'node:tls';

const VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[::1\])$/i;

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

/** Rule 18's finding for the service at `serviceUrl`. */
export async function judgeTls(serviceUrl) {
  const url = new URL(serviceUrl);
  if (url.protocol === 'http:') {
    return LOOPBACK.test(url.hostname)
      ? { rule: 18, status: 'not-applicable', message: `Service servi en http sur cette machine (${url.host}) : la règle 18 se mesure sur le service en ligne, en https (npx franceconnect-audit le fait).`, evidence: { service: url.origin } }
      : { rule: 18, status: 'fail', message: `Service servi en http, sans TLS (${url.origin}) ; la règle 18 demande TLS 1.2 ou 1.3.`, evidence: { service: url.origin } };
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const answers = {};
  for (const version of VERSIONS) answers[version] = await handshake(host, port, version);
  const said = VERSIONS.map((v) => `${v === 'TLSv1' ? 'TLS 1.0' : v.replace('TLSv', 'TLS ')} ${answers[v] === 'accepted' ? 'acceptée' : answers[v] === 'refused' ? 'refusée' : 'non mesurée'}`).join(', ');
  const evidence = { service: url.origin, ...answers };
  if (answers.TLSv1 === 'accepted' || answers['TLSv1.1'] === 'accepted') return { rule: 18, status: 'fail', message: `${url.origin} : ${said} ; la règle 18 interdit TLS 1.0 et 1.1.`, evidence };
  if (answers['TLSv1.2'] !== 'accepted' && answers['TLSv1.3'] !== 'accepted') return { rule: 18, status: 'fail', message: `${url.origin} : ${said} ; la règle 18 demande TLS 1.2 ou 1.3.`, evidence };
  if (answers.TLSv1 === 'unknown' || answers['TLSv1.1'] === 'unknown') return { rule: 18, status: 'warn', message: `${url.origin} : ${said} : le refus de TLS 1.0 et 1.1 n’a pas pu être mesuré depuis cette machine.`, evidence };
  return { rule: 18, status: 'pass', message: `${url.origin} : ${said}.`, evidence };
}
