// Installs and builds the example apps (examples/next, examples/nuxt, examples/astro)
// as their users would, with franceconnect-elements from a tarball of this
// repository: `npm pack` of the built package into .pack/ (never a link to the
// repository), then `npm ci` of the app's own lockfile, then its production build.
//
//   node test/apps/install.mjs            # every app
//   node test/apps/install.mjs next nuxt  # some
//
// The lockfiles pin every registry package exactly; the tarball's entry carries no
// integrity, since the tarball changes with the sources (`npm ci` would refuse it).
// After `npm install` in an app, run this again: it drops that integrity.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const APPS = ['next', 'nuxt', 'astro'];
export const TARBALL = join(ROOT, '.pack', `franceconnect-elements-${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}.tgz`);

const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NUXT_TELEMETRY_DISABLED: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });

let packed = false;
/** The package as npm would publish it (dist/ must be built: `npm run build`). */
export function pack() {
  if (packed) return TARBALL;
  if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first.');
  mkdirSync(dirname(TARBALL), { recursive: true });
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', dirname(TARBALL)], ROOT);
  packed = true;
  return TARBALL;
}

/** Removes the tarball's integrity from an app's lockfile (see above). */
function dropTarballIntegrity(dir) {
  const file = join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  const entry = lock.packages?.['node_modules/franceconnect-elements'];
  if (entry?.integrity) {
    delete entry.integrity;
    writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  }
}

/** Installs and builds one app; returns the seconds each step took. */
export function installAndBuild(app) {
  const dir = join(ROOT, 'examples', app);
  pack();
  dropTarballIntegrity(dir);
  let start = performance.now();
  // --prefer-offline: npm's own cache (~/.npm) answers for every package it already
  // holds, so a second run on one machine downloads nothing.
  run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], dir);
  const install = (performance.now() - start) / 1000;
  start = performance.now();
  run('npm', ['run', 'build'], dir);
  const build = (performance.now() - start) / 1000;
  return { install, build };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const app of process.argv.length > 2 ? process.argv.slice(2) : APPS) {
    try {
      const { install, build } = installAndBuild(app);
      console.log(`${app}: npm ci ${install.toFixed(1)} s, npm run build ${build.toFixed(1)} s`);
    } catch (error) {
      console.error(`${app}: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      process.exitCode = 1;
    }
  }
}
