// One launcher per engine, each as this machine's browsers and drivers allow
// (engines.mjs): Playwright for Chromium, puppeteer-core over WebDriver BiDi for
// Firefox, WebKitWebDriver for WebKitGTK's MiniBrowser.
import { playwrightLauncher } from '@web/test-runner-playwright';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { CHROME_ARGS } from '../../scripts/find-chrome.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';
import { webdriverElementScreenshot } from './screenshots.mjs';
import { setWebDriverViewport } from './webdriver-viewport.mjs';

/**
 * Starts Firefox, trying again when a start fails. The launcher keeps the first start's
 * promise for every test file, so a single failed start (seen once on a fresh machine,
 * where Firefox runs for the first time) failed all 28 files without running a test.
 * Each failure is printed with its reason; the third one stops the run.
 */
async function launchFirefox(options) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // 90 s: a first start on a fresh machine builds its caches (30 s is puppeteer's default).
      return await puppeteer.launch({ timeout: 90_000, ...options });
    } catch (error) {
      console.error(`Firefox did not start (attempt ${attempt} of 3): ${error.message}`);
      if (attempt === 3) throw error;
    }
  }
}

/** The viewport every test file starts with, in every engine. */
export const VIEWPORT = { width: 800, height: 600 };

/**
 * The browser launcher of `engine` (found by engines.mjs: `found`), and how many test
 * files it runs at once.
 */
export async function launcher(engine, found) {
  if (engine === 'chromium') {
    const browser = playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: found.executablePath, args: CHROME_ARGS, headless: true },
      createBrowserContext: ({ browser: b }) =>
        b.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' }),
    });
    return { browser, concurrency: 2 };
  }
  if (engine === 'firefox') {
    const browser = chromeLauncher({
      puppeteer: { launch: launchFirefox },
      launchOptions: {
        browser: 'firefox',
        executablePath: found.executablePath,
        headless: true,
        defaultViewport: VIEWPORT,
        extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR', 'intl.locale.requested': 'fr-FR' },
      },
      // One browser context per test file: its pages (pop-ups included) are its own.
      createPage: async ({ browser: b }) => {
        const page = await (await b.createBrowserContext()).newPage();
        await page.setViewport(VIEWPORT);
        return page;
      },
    });
    browser.name = 'Firefox';
    // One test file at a time: with two, a BiDi session stalled now and then (a whole run
    // hung at 17 of 19 files), while each file alone passes in seconds.
    return { browser, concurrency: 1 };
  }
  const { port } = await startWebKitDriver(found);
  const browser = webdriverLauncher({
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      // --enable-tabs-to-links: Tab reaches links (buttons always), as in Safari with
      // "Press Tab to highlight each item on a webpage" (Settings > Advanced), how keyboard
      // users browse there. It is WebKitGTK's default; set here so the keyboard tests do
      // not depend on a default. Without it, Safari users reach links with Option-Tab.
      'webkitgtk:browserOptions': { binary: found.browser, args: ['--automation', '--enable-tabs-to-links=true'] },
      'wdio:enforceWebDriverClassic': true,
    },
  });
  // Names the baseline folder test/screenshots/WebKit (the label would be "MiniBrowser").
  const initialize = browser.initialize.bind(browser);
  browser.initialize = async (config) => {
    await initialize(config);
    browser.name = 'WebKit';
  };
  // WebKitGTK's element screenshots come back black: the element is cut out of a
  // screenshot of the window instead (screenshots.mjs).
  browser.takeScreenshot = (sessionId, locator) => webdriverElementScreenshot(browser.driver, locator, setWebDriverViewport);
  // One window, one test file at a time: with more, the WebDriver launcher runs files in
  // iframes of one window, and screenshots and mouse positions would be off.
  return { browser, concurrency: 1 };
}
