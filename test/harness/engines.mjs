// The three browser engines the tests run in, and how each is found on a machine
// without internet access (no test tool may download its own browser); launchers.mjs
// drives them, webkit-driver.mjs starts WebKit's driver:
//   chromium: Debian's `chromium` (or Chrome), driven by Playwright over CDP;
//   firefox:  Debian's `firefox-esr`, driven by puppeteer-core over WebDriver BiDi
//             (Playwright needs its own patched Firefox; there is no geckodriver package);
//   webkit:   WebKitGTK's MiniBrowser, driven by WebKitWebDriver (package webkit2gtk-driver)
//             under a private Xvfb display. WebKitGTK is Safari's engine, not Safari.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { findChrome } from '../../scripts/find-chrome.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

function onPath(name) {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export function findFirefox() {
  if (process.env.FIREFOX_PATH) {
    if (existsSync(process.env.FIREFOX_PATH)) return process.env.FIREFOX_PATH;
    throw new Error(`FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, which does not exist: point it at a Firefox binary, or unset it.`);
  }
  for (const path of ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox']) {
    if (existsSync(path)) return path;
  }
  const path = onPath('firefox-esr') || onPath('firefox');
  if (path) return path;
  throw new Error(
    'No Firefox found: install one (Debian/Ubuntu: `sudo apt-get install --no-install-recommends firefox-esr`) or set FIREFOX_PATH to its binary.',
  );
}

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
];

export function findWebKit() {
  const driver = onPath('WebKitWebDriver');
  const browser = process.env.WEBKIT_MINIBROWSER || MINIBROWSER_CANDIDATES.find((p) => existsSync(p));
  const xvfb = process.env.DISPLAY ? 'not needed' : onPath('Xvfb');
  if (!driver || !browser || !xvfb) {
    throw new Error(
      'No WebKitGTK driver found: install it (Debian/Ubuntu: `sudo apt-get install webkit2gtk-driver xvfb xauth`), which brings WebKitWebDriver and MiniBrowser.',
    );
  }
  return { driver, browser };
}

/** Throws one sentence saying how to install the engine when it is missing. */
export async function findEngine(engine) {
  if (engine === 'chromium') return { executablePath: await findChrome() };
  if (engine === 'firefox') return { executablePath: findFirefox() };
  if (engine === 'webkit') return findWebKit();
  throw new Error(`Unknown engine "${engine}": use one of ${ENGINES.join(', ')}.`);
}
