// The rehearsal's browser reads a page as a person sees it a moment after it loads, not
// at its load event: a page whose account element is defined by a module fetched later
// (this library's CDN file fetches fc-account from a second file once it sees one) is
// read once that element has rendered; an element the page never defines is waited for
// once, for a bounded time, and never again on that visit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, Visitor } from '../../packages/rehearse/lib/driver.mjs';
import { pageServer } from './servers.mjs';

const PERSON = { given_name: 'Angela Claire Louise', family_name: 'DUBOIS' };

/** An element defined `delay` ms after the page loads, which shows the person's name and a logout button. */
const page = (delay, extra = '') => `<!doctype html><html lang="fr"><title>Compte</title>
<main><late-account></late-account>${extra}</main>
<script>
  addEventListener('load', () => setTimeout(() => customElements.define('late-account', class extends HTMLElement {
    connectedCallback() {
      this.attachShadow({ mode: 'open' }).innerHTML = '<p>Angela DUBOIS</p><button type="button">Se déconnecter</button>';
    }
  }), ${delay}));
</script>`;

let server;
let origin;
let browser;

before(async () => {
  server = await pageServer((url) => {
    const extra = url.searchParams.has('never') ? '<never-defined-widget></never-defined-widget>' : '';
    return page(Number(url.searchParams.get('delay') ?? 0), extra);
  });
  origin = server.origin;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the rehearsal reads a page once its custom elements are defined', () => {
  test('an account element defined 800 ms after load: logged in, name visible, its logout button found', async () => {
    const visitor = await Visitor.open(browser, { franceConnect: 'http://127.0.0.1:1', service: origin });
    try {
      await visitor.goto(`${origin}/compte?delay=800`);
      const look = await visitor.look(PERSON);
      assert.equal(look.loggedIn, true);
      assert.equal(look.namesVisible, true);
      assert.equal(look.logout, 'Se déconnecter');
    } finally {
      await visitor.close();
    }
  });

  test('an element the page never defines is waited for once on a visit, then no more', async () => {
    const visitor = await Visitor.open(browser, { franceConnect: 'http://127.0.0.1:1', service: origin });
    try {
      await visitor.goto(`${origin}/compte?never`);
      assert.deepEqual([...visitor.neverDefined], ['never-defined-widget']);
      const look = await visitor.look(PERSON);
      assert.equal(look.loggedIn, true, 'the element that was defined is read all the same');
      // The second page of the visit is not held up by the tag already known to stay undefined:
      // its other element, defined 300 ms after load, is still waited for.
      await visitor.goto(`${origin}/compte?never&delay=300`);
      assert.equal((await visitor.look(PERSON)).namesVisible, true);
    } finally {
      await visitor.close();
    }
  });
});
