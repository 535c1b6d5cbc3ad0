// Draws the README's picture, docs/images/fc-login-block.png: one <fc-login-block> in
// the light theme and one in the dark theme, side by side, each with a service's own
// password form in its slot, as examples/plain/login.html has it.
//   npm run build && node scripts/readme-picture.mjs
// It loads the built one-file bundle (dist/cdn/franceconnect-elements.js) into a page of
// the system's Chromium (scripts/find-chrome.mjs), so the picture is what a page gets.
// Run it again when the block's appearance changes, and look at the image before
// committing it.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { CHROME_ARGS, findChrome } from './find-chrome.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/cdn/franceconnect-elements.js');
const out = join(root, 'docs/images/fc-login-block.png');
if (!existsSync(bundle)) {
  console.error('dist/cdn/franceconnect-elements.js is missing: run `npm run build` first.');
  process.exit(1);
}

// The DSFR's page colours for each theme (background, text, the service's own blue).
const THEMES = {
  light: { background: '#ffffff', text: '#161616', border: '#666666', action: '#000091', onAction: '#f5f5fe' },
  dark: { background: '#161616', text: '#cecece', border: '#929292', action: '#8585f6', onAction: '#000091' },
};

const panel = (theme) => `
  <section class="${theme}">
    <fc-login-block theme="${theme}" section="connexion" href="/auth/franceconnect/login">
      <form action="/session" method="post">
        <h3>Vous avez déjà un compte ?</h3>
        <label for="email-${theme}">Adresse électronique</label>
        <input id="email-${theme}" type="email" />
        <button type="button">Se connecter</button>
      </form>
    </fc-login-block>
  </section>`;

const css = Object.entries(THEMES)
  .map(
    ([theme, c]) => `
    .${theme} { background: ${c.background}; color: ${c.text}; }
    .${theme} input { border: 1px solid ${c.border}; background: ${c.background}; color: ${c.text}; }
    .${theme} button { background: ${c.action}; color: ${c.onAction}; }`,
  )
  .join('');

const page = `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <style>
      body { margin: 0; font-family: arial, sans-serif; }
      #picture { display: inline-flex; }
      section { box-sizing: border-box; width: 440px; padding: 24px; }
      h3 { font-size: 18px; line-height: 24px; margin: 0 0 8px; }
      label { display: block; margin-top: 12px; font-size: 14px; }
      input { display: block; box-sizing: border-box; width: 100%; padding: 8px; font: inherit; }
      button { margin-top: 16px; padding: 8px 16px; border: 0; font: inherit; }
      ${css}
    </style>
  </head>
  <body><div id="picture">${panel('light')}${panel('dark')}</div></body>
</html>`;

const browser = await chromium.launch({ executablePath: await findChrome(), args: CHROME_ARGS, headless: true });
try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1, locale: 'fr-FR' });
  await tab.setContent(page);
  await tab.addScriptTag({ path: bundle, type: 'module' });
  // Both blocks rendered, their buttons drawn, and the fonts ready.
  await tab.waitForFunction(() =>
    [...document.querySelectorAll('fc-login-block')].every((block) =>
      block.shadowRoot?.querySelector('fc-button')?.shadowRoot?.querySelector('button'),
    ),
  );
  await tab.evaluate(() => document.fonts.ready);
  mkdirSync(dirname(out), { recursive: true });
  await tab.locator('#picture').screenshot({ path: out });
  console.log(`wrote ${out.slice(root.length + 1)}`);
} finally {
  await browser.close();
}
