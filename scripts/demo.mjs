// npm run demo: the local FranceConnect, the local ProConnect and the reference service
// (with its agents' space at /agents), side by side on loopback. PORT (default 3000) for
// the service, FC_PORT (default 3001) for FranceConnect, PC_PORT (default 3002) for
// ProConnect, FC_SIGNING_ALG (ES256 or RS256) for the service's ID token and userinfo.
// Ctrl-C stops all three.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}/dist/cdn/franceconnect-elements.js`)) {
  console.log('dist/ is missing: building the package first (npm run build)…');
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Imported after the build: the service resolves the package's published files.
const { startLocalFranceConnect } = await import('franceconnect-rehearse/local-franceconnect');
const { startLocalProConnect } = await import('franceconnect-rehearse/local-proconnect');
const { startService } = await import('../examples/service/server.mjs');

const port = Number(process.env.PORT ?? 3000);
const fcPort = Number(process.env.FC_PORT ?? 3001);
const pcPort = Number(process.env.PC_PORT ?? 3002);
const serviceUrl = `http://127.0.0.1:${port}`;
// What FranceConnect's partner space would give the service: a client_id (rule 21)
// and a secret, here made up for this run.
const clientId = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const clientSecret = randomBytes(32).toString('hex');
const signingAlg = process.env.FC_SIGNING_ALG ?? 'ES256';
// The agents' space's registration at ProConnect, made up for this run too.
const pcClientId = randomBytes(32).toString('hex');
const pcClientSecret = randomBytes(32).toString('hex');

/** One sentence instead of a stack trace (a busy port, a missing build). */
function fail(error) {
  console.error(error.code === 'EADDRINUSE' ? `Port ${error.port} is in use: set PORT or FC_PORT.` : error.message);
  process.exit(1);
}

const fc = await startLocalFranceConnect({
  port: fcPort,
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      signing_alg: signingAlg,
      name: 'Mon service',
      redirect_uris: [`${serviceUrl}/auth/franceconnect/callback`],
      post_logout_redirect_uris: [`${serviceUrl}/auth/franceconnect/logout/callback`],
    },
  ],
}).catch(fail);
const pc = await startLocalProConnect({
  port: pcPort,
  clients: [
    {
      client_id: pcClientId,
      client_secret: pcClientSecret,
      signing_alg: 'ES256',
      name: 'Mon service – espace agents',
      redirect_uris: [`${serviceUrl}/agents/auth/callback`],
      post_logout_redirect_uris: [`${serviceUrl}/agents/auth/logout/callback`],
    },
  ],
}).catch(async (error) => {
  await fc.close();
  fail(error);
});
let service;
try {
  service = await startService({
    port,
    issuer: fc.issuer,
    clientId,
    clientSecret,
    signingAlg,
    proConnect: { issuer: pc.issuer, clientId: pcClientId, clientSecret: pcClientSecret, signingAlg: 'ES256' },
  });
} catch (error) {
  await Promise.all([fc.close(), pc.close()]);
  fail(error);
}

console.log(`
  Service:                          ${service.url}
  Agents' space:                    ${service.url}agents
  FranceConnect (local, demo only): ${fc.url}   issuer ${fc.issuer}
  ProConnect (local, demo only):    ${pc.url}   issuer ${pc.issuer}

  Open the service, choose "S’identifier avec FranceConnect", pick a fictional person;
  or open the agents' space, choose "S’identifier avec ProConnect", pick a fictional agent.
  Ctrl-C to stop.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await Promise.all([service.close(), fc.close(), pc.close()]);
  console.log('Stopped.');
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
