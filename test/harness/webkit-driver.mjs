// Starts what WebKit's tests need: a private Xvfb display and WebKitWebDriver on a free
// loopback port (the browser itself, MiniBrowser, is found by engines.mjs).
import { spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForPort(port, child, timeout = 20000) {
  const deadline = Date.now() + timeout;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (child.exitCode !== null) return reject(new Error(`WebKitWebDriver exited (${child.exitCode})`));
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve();
      });
      socket.once('error', () => {
        if (Date.now() > deadline) reject(new Error('WebKitWebDriver did not start'));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/**
 * Starts Xvfb (on a display number it picks itself, so several runs can share a
 * machine) and WebKitWebDriver on a free loopback port; both stop with this process.
 */
export async function startWebKitDriver({ driver }) {
  const children = [];
  const stop = () => children.forEach((c) => c.exitCode === null && c.kill());
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stop(), process.exit(130)));
  let display = process.env.DISPLAY;
  if (!display) {
    // -displayfd: Xvfb chooses a free display and writes its number on fd 3.
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    children.push(xvfb);
    display = await new Promise((resolve, reject) => {
      let text = '';
      xvfb.stdio[3].on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) resolve(`:${text.trim()}`);
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
  }
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  children.push(child);
  await waitForPort(port, child);
  return { port, display };
}
