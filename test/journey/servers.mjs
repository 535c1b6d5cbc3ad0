// The two servers of `npm run demo`, started for a test run on free loopback ports.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { startLocalFranceConnect } from '../../examples/local-franceconnect/server.mjs';
import { startService } from '../../examples/service/server.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the local FranceConnect with one registered service, and that service.
 * `log` collects what the service reports (why a callback was refused).
 */
export async function startServers() {
  const [servicePort, fcPort] = [await freePort(), await freePort()];
  const serviceOrigin = `http://127.0.0.1:${servicePort}`;
  // As FranceConnect's partner space would issue them (rule 21: this id, and no other).
  const clientId = randomBytes(32).toString('hex');
  const clientSecret = randomBytes(32).toString('hex');
  const fc = await startLocalFranceConnect({
    port: fcPort,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${serviceOrigin}/auth/franceconnect/callback`],
        post_logout_redirect_uris: [`${serviceOrigin}/auth/franceconnect/logout/callback`],
      },
    ],
  });
  const log = [];
  const service = await startService({
    port: servicePort,
    issuer: fc.issuer,
    clientId,
    clientSecret,
    log: (message) => log.push(message),
  });
  return {
    fc,
    service,
    clientId,
    log,
    serviceOrigin,
    fcOrigin: new URL(fc.url).origin,
    close: () => Promise.all([service.close(), fc.close()]),
  };
}
