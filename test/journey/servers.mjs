// Starting the journey's servers on free loopback ports: the local FranceConnect with
// the clients given, and either reference service (examples/service in Node,
// examples/service-python in Python) registered at it; and running
// `franceconnect-rehearse` against a reference service, as a team would.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startLocalFranceConnect } from 'franceconnect-rehearse/local-franceconnect';
import { startLocalProConnect } from 'franceconnect-rehearse/local-proconnect';
import { startService } from '../../examples/service/server.mjs';

/**
 * A loopback server of test pages: `page(url)` gives the HTML of a request's URL, or
 * undefined for a 404. Resolves with `{ origin, close }`.
 */
export async function pageServer(page) {
  const server = createHttpServer((request, response) => {
    const body = page(new URL(request.url, 'http://x'));
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** A port free on 127.0.0.1 right now. */
export function freePort() {
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
 * What FranceConnect's partner space would register for a service at `origin`
 * (rule 21: this client_id, and no other): its callback and logout callback.
 */
export function registration({ origin, signingAlg = 'ES256', name }) {
  return {
    client_id: randomBytes(32).toString('hex'),
    client_secret: randomBytes(32).toString('hex'),
    signing_alg: signingAlg,
    ...(name ? { name } : {}),
    redirect_uris: [`${origin}/auth/franceconnect/callback`],
    post_logout_redirect_uris: [`${origin}/auth/franceconnect/logout/callback`],
  };
}

/** The local FranceConnect on a free port, with these clients. */
export async function startFranceConnect(clients) {
  return startLocalFranceConnect({ port: await freePort(), clients });
}

/** The Node reference service (examples/service) on `port`, for one registered client. */
export async function startNodeService({ issuer, client, port, log }) {
  return startService({
    port,
    issuer,
    clientId: client.client_id,
    clientSecret: client.client_secret,
    signingAlg: client.signing_alg,
    log,
  });
}

/** Debian's Python, which has python3-flask and python3-authlib (the python3 on PATH may not). */
export const PYTHON = process.env.FC_PYTHON ?? '/usr/bin/python3';

/**
 * The Python reference service (examples/service-python) on `port`, configured as
 * FranceConnect's documentation tells integrators: discovery URL, client id and secret.
 * Resolves once it answers; `log` gets its output.
 */
export async function startPythonService({ issuer, client, port, log = () => {} }) {
  const app = fileURLToPath(new URL('../../examples/service-python/app.py', import.meta.url));
  const child = spawn(PYTHON, [app], {
    env: {
      ...process.env,
      PORT: String(port),
      FC_DISCOVERY_URL: `${issuer}/.well-known/openid-configuration`,
      FC_CLIENT_ID: client.client_id,
      FC_CLIENT_SECRET: client.client_secret,
      FC_SIGNING_ALG: client.signing_alg ?? 'ES256',
      SERVICE_URL: `http://127.0.0.1:${port}`,
      PYTHONDONTWRITEBYTECODE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    for (const line of String(chunk).split('\n').filter(Boolean)) log(line);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the Python service stopped (${child.exitCode}): ${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 200) {
      child.kill();
      throw new Error(`the Python service did not answer on ${url}: ${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/**
 * The local FranceConnect with one registered service, and that service (Node by
 * default). `log` collects what the service reports (why a callback was refused).
 */
export async function startServers({ signingAlg = 'ES256', service = 'node' } = {}) {
  const [servicePort, fcPort] = [await freePort(), await freePort()];
  const serviceOrigin = `http://127.0.0.1:${servicePort}`;
  const client = registration({ origin: serviceOrigin, signingAlg, name: 'Mon service' });
  const fc = await startLocalFranceConnect({ port: fcPort, clients: [client] });
  const log = [];
  const start = service === 'python' ? startPythonService : startNodeService;
  const running = await start({ issuer: fc.issuer, client, port: servicePort, log: (message) => log.push(message) });
  return {
    fc,
    service: running,
    clientId: client.client_id,
    log,
    serviceOrigin,
    fcOrigin: new URL(fc.url).origin,
    close: () => Promise.all([running.close(), fc.close()]),
  };
}

/**
 * The local ProConnect (as a rehearsal starts it, so that a test can tamper with the next
 * authorize) with the agents' space of the Node service registered, and that service.
 */
export async function startAgentServers({ signingAlg = 'ES256' } = {}) {
  const [servicePort, pcPort] = [await freePort(), await freePort()];
  const serviceOrigin = `http://127.0.0.1:${servicePort}`;
  const client = {
    client_id: randomBytes(32).toString('hex'),
    client_secret: randomBytes(32).toString('hex'),
    signing_alg: signingAlg,
    name: 'Mon service – espace agents',
    redirect_uris: [`${serviceOrigin}/agents/auth/callback`],
    post_logout_redirect_uris: [`${serviceOrigin}/agents/auth/logout/callback`],
  };
  const pc = await startLocalProConnect({ port: pcPort, clients: [client], rehearsal: true });
  const log = [];
  const running = await startService({
    port: servicePort,
    proConnect: { issuer: pc.issuer, clientId: client.client_id, clientSecret: client.client_secret, signingAlg },
    log: (message) => log.push(message),
  });
  return { pc, service: running, clientId: client.client_id, log, serviceOrigin, close: () => Promise.all([running.close(), pc.close()]) };
}

/** The command, as `npx franceconnect-rehearse` runs it. */
export const REHEARSE = fileURLToPath(new URL('../../packages/rehearse/bin/franceconnect-rehearse.mjs', import.meta.url));

/** How each reference service is started by --start, from the repository's root. */
const START = {
  node: `"${process.execPath}" examples/service/server.mjs`,
  python: `"${PYTHON}" examples/service-python/app.py`,
};

/**
 * The arguments that point franceconnect-rehearse at a reference service on `port`
 * (its pages, its two URIs, the command that starts it), and the environment that
 * command needs (PORT; SERVICE_URL for the Python one).
 */
export async function referenceService(service = 'node', { port, profile = true, tls } = {}) {
  port ??= await freePort();
  // tls: { key, cert }, PEM files the Node service serves https with.
  const origin = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return {
    origin,
    args: [
      '--service', origin,
      '--login', '/connexion',
      '--signup', '/inscription',
      ...(profile ? ['--profile', '/profil', '--delete-account'] : []),
      '--redirect-uri', '/auth/franceconnect/callback',
      '--post-logout-redirect-uri', '/auth/franceconnect/logout/callback',
      '--fc-port', String(await freePort()),
      '--start', START[service],
    ],
    env: { PORT: String(port), SERVICE_URL: origin, PYTHONDONTWRITEBYTECODE: '1', ...(tls && { TLS_KEY: tls.key, TLS_CERT: tls.cert }) },
  };
}

/** The arguments that point `franceconnect-rehearse --provider proconnect` at a reference service's agents' space (Node or Python) on `port`. */
export async function agentsService({ port, service = 'node' } = {}) {
  port ??= await freePort();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    args: [
      '--provider', 'proconnect',
      '--service', origin,
      '--login', '/agents',
      '--redirect-uri', '/agents/auth/callback',
      '--post-logout-redirect-uri', '/agents/auth/logout/callback',
      '--fc-port', String(await freePort()),
      '--start', START[service],
    ],
    env: { PORT: String(port), SERVICE_URL: origin, PYTHONDONTWRITEBYTECODE: '1' },
  };
}

/**
 * Runs franceconnect-rehearse with `args`; resolves with its exit code, its output, and
 * its JSON when --json was given. `env` adds to the environment (SERVICE_FAULTS…).
 */
export function rehearse(args, env = {}) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, [REHEARSE, ...args], { cwd: root, env: { ...process.env, ...env }, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error.code ?? 1) : 0;
      let json;
      if (args.includes('--json')) {
        try {
          json = JSON.parse(stdout);
        } catch {
          // not JSON: the test says so with the output
        }
      }
      resolve({ code, stdout, stderr, json });
    });
  });
}
