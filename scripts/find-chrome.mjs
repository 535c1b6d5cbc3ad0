// Finds a Chromium or Chrome on this machine for the tests and for
// `npx franceconnect-audit` (no tool may download its own browser here). Order:
// $CHROME_PATH, the browsers installed on the system, then a browser Playwright may
// have installed for the user.
//
// The system search is chrome-launcher's (the finder Lighthouse uses): Linux, macOS,
// Windows and WSL, by the platforms' own conventions, rather than a hand-kept list of
// paths. This file ships with the audit command, whose users may not have
// chrome-launcher (a development dependency here): for them, the usual command
// names on the PATH.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

function onPath(name) {
  try {
    const which = process.platform === 'win32' ? 'where' : 'which';
    return execFileSync(which, [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split(/\r?\n/)[0].trim();
  } catch {
    return '';
  }
}

async function systemBrowsers() {
  try {
    const { Launcher } = await import('chrome-launcher');
    return Launcher.getInstallations();
  } catch {
    // chrome-launcher absent, or a platform it does not know.
    return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].map(onPath).filter(Boolean);
  }
}

export async function findChrome() {
  // An explicit choice that does not exist is a mistake to report, not to skip.
  if (process.env.CHROME_PATH) {
    if (existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
    throw new Error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, which does not exist: point it at a Chrome or Chromium binary, or unset it.`);
  }
  const installed = await systemBrowsers();
  if (installed.length) return installed[0];
  for (const driver of ['playwright', 'playwright-core']) {
    try {
      const { chromium } = await import(driver);
      const path = chromium.executablePath();
      if (path && existsSync(path)) return path;
    } catch {
      // no Playwright-managed browser
    }
  }
  throw new Error(
    'No Chromium or Chrome found: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its binary.',
  );
}

/** Flags that keep Chromium quiet on a machine without internet access. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--font-render-hinting=none',
];
