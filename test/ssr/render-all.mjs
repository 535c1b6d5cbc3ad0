// Run by test/ssr.test.ts in a plain Node process: renders every element in every
// variant × theme × state with franceconnect-elements/ssr (Lit's @lit-labs/ssr) and
// prints, as JSON, what each render gave and everything written to the console.
import { readFileSync } from 'node:fs';

const printed = [];
for (const kind of ['log', 'info', 'warn', 'error', 'debug']) {
  console[kind] = (...args) => printed.push(`${kind}: ${args.map(String).join(' ')}`);
}
const out = (value) => process.stdout.write(JSON.stringify(value));

const { renderToString } = await import('../../dist/ssr/index.js');
const { identities } = JSON.parse(readFileSync(new URL('../fixtures/identities.json', import.meta.url), 'utf8'));
const identity = JSON.stringify(identities.simple).replace(/'/g, '&#39;');

const cases = [];
for (const theme of ['system', 'light', 'dark']) {
  for (const variant of ['login', 'data']) {
    for (const plus of ['', ' plus']) {
      for (const state of ['', ' disabled']) {
        cases.push(`<fc-button href="/auth/franceconnect/login" theme="${theme}" variant="${variant}"${plus}${state}></fc-button>`);
        cases.push(`<form action="/login"><fc-button name="fc" value="1" theme="${theme}" variant="${variant}"${plus}${state}></fc-button></form>`);
      }
      for (const section of ['connexion', 'inscription']) {
        cases.push(
          `<fc-login-block href="/auth" section="${section}" theme="${theme}" variant="${variant}"${plus} heading-level="3"><form><input name="password"></form></fc-login-block>`,
        );
        cases.push(`<fc-login-block href="/auth" section="${section}" theme="${theme}" variant="${variant}"${plus} no-heading></fc-login-block>`);
        cases.push(`<form action="/login"><fc-login-block name="fc" value="1" section="${section}" theme="${theme}" variant="${variant}"${plus}></fc-login-block></form>`);
      }
    }
    cases.push(`<fc-separator theme="${theme}"></fc-separator>`);
  }
  cases.push(`<fc-profile-form theme="${theme}" identity='${identity}'></fc-profile-form>`);
  cases.push(`<fc-profile-form theme="${theme}"></fc-profile-form>`);
  cases.push(`<fc-account theme="${theme}" profile-href="/profil" logout-href="/logout" identity='${identity}'></fc-account>`);
  // ProConnect: one button (no plus, no data variant), the block without a sentence, an agent.
  for (const state of ['', ' disabled']) {
    cases.push(`<fc-button provider="proconnect" href="/auth/proconnect/login" theme="${theme}"${state}></fc-button>`);
    cases.push(`<form action="/login"><fc-button provider="proconnect" name="pc" value="1" theme="${theme}"${state}></fc-button></form>`);
  }
  for (const section of ['connexion', 'inscription']) {
    cases.push(`<fc-login-block provider="proconnect" href="/auth" section="${section}" theme="${theme}"><form><input name="password"></form></fc-login-block>`);
  }
  const agent = JSON.stringify({ given_name: 'Camille', usual_name: 'Martin', organization_label: 'Direction du numérique' });
  cases.push(`<fc-account provider="proconnect" theme="${theme}" profile-href="/profil" logout-href="/logout" identity='${agent}'></fc-account>`);
}

const results = [];
for (const markup of cases) {
  try {
    results.push({ markup, html: await renderToString(markup) });
  } catch (error) {
    results.push({ markup, error: String(error?.stack ?? error) });
  }
}
// Two renders at once, as a server answering two requests: each gets its own
// problems, and the console is the server's own again afterwards.
const { warn: ownWarn, error: ownError } = console;
const [bad, good] = await Promise.allSettled([
  renderToString('<fc-button theme="bleu" href="/auth"></fc-button>'),
  renderToString('<fc-button theme="dark" href="/auth"></fc-button>'),
]);
const concurrent = {
  bad: bad.status === 'rejected' ? String(bad.reason.message) : 'resolved',
  good: good.status,
  consoleRestored: console.warn === ownWarn && console.error === ownError,
};
// Which browser globals the render left behind (the shim adds only what Lit needs).
const globals = ['document', 'window', 'MutationObserver', 'getComputedStyle', 'CSS', 'ShadowRoot', 'matchMedia'].filter(
  (name) => name in globalThis,
);
out({ results, printed, globals, concurrent });
