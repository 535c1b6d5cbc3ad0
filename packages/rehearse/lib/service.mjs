// The team's service: started with --start (and stopped at the end), or waited for.
import { spawn } from 'node:child_process';
import http from 'node:http';
import https from 'node:https';
import { RehearsalError } from './errors.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether anything answers HTTP at `url` (any status: a 404 home page still answers). An
 * https service on this machine often has a certificate Node does not trust (self-signed,
 * or a local authority only the system's store knows): it answers all the same, as the
 * rehearsal's browser accepts it (rule 18 is judged by the TLS versions, lib/tls.mjs).
 */
function answers(url) {
  const { request } = url.startsWith('https:') ? https : http;
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', rejectUnauthorized: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * Starts `command` in a shell, with the FranceConnect configuration in its environment,
 * and resolves once `url` answers. Its output is kept (the last lines explain a failure).
 * @returns {Promise<{ output: () => string, stop: () => Promise<void> }>}
 */
export async function startService({ command, url, env, waitSeconds }) {
  // Its own process group, so that stopping it stops what the shell started too.
  const child = spawn(command, { shell: true, detached: process.platform !== 'win32', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let ended;
  exited.then((how) => (ended = how));
  const lastLines = () => output.trim().split('\n').slice(-3).join(' / ');
  const stop = async () => {
    if (ended) return;
    try {
      if (process.platform === 'win32') child.kill();
      else process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const gone = await Promise.race([exited, sleep(5000)]);
    if (!gone) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  const deadline = Date.now() + waitSeconds * 1000;
  while (!(await answers(url))) {
    if (ended) {
      throw new RehearsalError(
        `La commande --start s’est arrêtée (code ${ended.code ?? ended.signal}) avant que le service réponde sur ${url}${output.trim() ? ` ; elle a dit : ${lastLines()}` : ''}.`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new RehearsalError(`Le service démarré par --start ne répond pas sur ${url} après ${waitSeconds} s${output.trim() ? ` ; il a dit : ${lastLines()}` : ''}.`);
    }
    await sleep(200);
  }
  return { output: () => output, stop };
}

/** Waits for a service the team started itself. */
export async function waitForService({ url, waitSeconds }) {
  const deadline = Date.now() + waitSeconds * 1000;
  while (!(await answers(url))) {
    if (Date.now() > deadline) {
      throw new RehearsalError(`Le service ne répond pas sur ${url} (attendu ${waitSeconds} s) : démarrez-le, ou donnez la commande qui le démarre avec --start.`);
    }
    await sleep(300);
  }
}
