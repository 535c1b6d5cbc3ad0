// The rehearsal activates the button of the provider it rehearses, found as the page audit
// finds it, on pages written in other styles than this repository's: both brands on one
// page in either order (as services for the public and for agents show them), image
// buttons in a grid of columns, a page with the other brand's button only. Without the
// provider check, the FranceConnect journey clicked whichever button came first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, Visitor } from '../../packages/rehearse/lib/driver.mjs';
import { pageServer } from './servers.mjs';

/** A 209 × 56 image in a data: URL, blue as the button, for image buttons. */
const IMAGE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="209" height="56"><rect width="209" height="56" fill="#000091"/></svg>')}`;

const PAGES = {
  // The DSFR's markup, ProConnect's section first.
  '/dsfr-pro-first': `<main>
    <section><h2>Agents</h2><div class="fr-connect-group">
      <button class="fr-connect fr-connect--pro" id="pc"><span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">ProConnect</span></button>
    </div></section>
    <section><h2>Particuliers</h2><div class="fr-connect-group">
      <button class="fr-connect" id="fc"><span class="fr-connect__login">S’identifier avec</span> <span class="fr-connect__brand">FranceConnect</span></button>
    </div></section></main>`,
  // Another framework's grid; each brand an image whose alt names it, one a link to
  // ProConnect's authorize, the other a form's image button posting to a login route.
  '/columns-images': `<main class="container"><div class="row">
    <div class="col-md-6"><a id="pc" class="btn-login" href="https://auth.agentconnect.gouv.fr/api/v2/authorize?client_id=x"><img alt="ProConnect" src="${IMAGE}" width="214" height="56"></a></div>
    <div class="col-md-6"><form method="post" action="/auth/franceconnect"><input id="fc" type="image" alt="Connexion avec FranceConnect" src="${IMAGE}" width="209" height="56"></form></div>
  </div></main>`,
  // ProConnect's button only, as a page for agents has it.
  '/pro-only': `<main><h1>Espace agents</h1><button id="pc" type="button">S’identifier avec ProConnect</button></main>`,
};

let server;
let origin;
let browser;

before(async () => {
  server = await pageServer(({ pathname }) => {
    const body = PAGES[pathname];
    return body && `<!doctype html><html lang="fr"><title>Connexion</title><style>body{font-family:arial}.row{display:flex;gap:2rem}</style>${body}`;
  });
  origin = server.origin;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The id of the button the rehearsal would activate for `provider`, or null. */
async function found(path, provider) {
  const visitor = await Visitor.open(browser, { franceConnect: 'http://127.0.0.1:1', service: origin });
  try {
    await visitor.goto(`${origin}${path}`);
    const button = provider === 'proconnect' ? await visitor.proConnectButton() : await visitor.franceConnectButton();
    return button ? await button.button.evaluate((el) => el.id) : null;
  } finally {
    await visitor.close();
  }
}

describe('the rehearsal activates the button of the provider it rehearses', () => {
  for (const path of ['/dsfr-pro-first', '/columns-images']) {
    test(`${path}: FranceConnect's button for FranceConnect, ProConnect's for ProConnect`, async () => {
      assert.equal(await found(path, 'franceconnect'), 'fc');
      assert.equal(await found(path, 'proconnect'), 'pc');
    });
  }

  test('a page with ProConnect’s button only has no FranceConnect button to activate', async () => {
    assert.equal(await found('/pro-only', 'franceconnect'), null);
    assert.equal(await found('/pro-only', 'proconnect'), 'pc');
  });
});
