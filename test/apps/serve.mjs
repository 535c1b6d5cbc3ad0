// Serves a built example app with its own production server (`npm start`) on a free
// port of 127.0.0.1, as test/apps/apps.test.mjs and scripts/bench.mjs need it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './install.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** `npm start` in the app, on a free port of 127.0.0.1; resolves when it answers. */
export async function serve(app) {
  const port = await freePort();
  const child = spawn('npm', ['start'], {
    cwd: join(ROOT, 'examples', app),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: npm's child server stops with it
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app}: npm start exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${origin}/connexion`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${app}: no answer on ${origin} after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    output: () => output,
    close: () => {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}
