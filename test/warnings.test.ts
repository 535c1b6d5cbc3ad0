import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../src/index.js';
import { CODES } from '../src/shared/warn.js';
import { captureConsole } from './helpers.js';

// Every warning and error carries a stable code and a link to the heading of
// docs/warnings.md that explains it. The codes come from the source (CODES, the list the
// `Code` type of src/shared/warn.ts is made of); each is printed here for real, and the
// link it prints is followed.

/** Markup that makes an element print each code. */
const TRIGGERS: Record<string, TemplateResult> = {
  'bad-value': html`<fc-button variant="big"></fc-button>`,
  'unsafe-url': html`<fc-button href="javascript:alert(1)"></fc-button>`,
  'insecure-url': html`<fc-button href="http://service.example.fr/login"></fc-button>`,
  'bad-identity': html`<fc-profile-form identity="{not json"></fc-profile-form>`,
  'forbidden-content': html`<fc-login-block href="/login"><a href="https://accounts.google.com/o/oauth2/auth">Se connecter avec Google</a></fc-login-block>`,
  'missing-link': html`<fc-account identity='{"given_name":"Marie","family_name":"CLÉMENT"}'></fc-account>`,
  'proconnect-option': html`<fc-button provider="proconnect" plus></fc-button>`,
};

/**
 * Codes no element module prints by itself: `needs-hydration` comes only from the client
 * CDN file given server output, `missing-file` from that file alone. test/ssr.test.ts asserts its whole message, link included,
 * and the last test here that docs/warnings.md has its heading.
 */
const PRINTED_BY_A_BUILD: Record<string, string> = {
  'needs-hydration': 'test/ssr.test.ts',
  // The client CDN file copied without the file it loads from beside itself.
  'missing-file': 'test/cdn-missing-file.test.ts',
};

/** What a message links to: `(franceconnect-elements/docs/warnings.md#fc-bad-value)`. */
const LINK = / \(franceconnect-elements\/(\S+?)#(fc-[a-z-]+)\)/;

/**
 * The anchors a Markdown page offers: its headings as GitHub and npm name them
 * (lower case, punctuation dropped, spaces as hyphens), and explicit `<a id>`s.
 */
function anchors(markdown: string): Set<string> {
  const found = new Set<string>();
  for (const [, heading] of markdown.matchAll(/^#{1,6} +(.+?) *$/gm)) {
    found.add(heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) found.add(id);
  return found;
}

describe('warnings and errors carry a stable code and a link to docs/warnings.md', () => {
  it('a bad variant: [fc-bad-value] … (franceconnect-elements/docs/warnings.md#fc-bad-value); a javascript: href: [fc-unsafe-url]', async () => {
    const { warnings, errors } = await captureConsole(async () => {
      const el = await fixture(html`<fc-button variant="big" href="javascript:alert(1)"></fc-button>`);
      (el as HTMLElement).click();
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^<fc-button>: \[fc-bad-value\] unknown variant "big".* \(franceconnect-elements\/docs\/warnings\.md#fc-bad-value\)/);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^<fc-button>: \[fc-unsafe-url\] .* \(franceconnect-elements\/docs\/warnings\.md#fc-unsafe-url\)/);
  });

  for (const code of CODES.filter((c) => !(c in PRINTED_BY_A_BUILD))) {
    it(`[fc-${code}]: the link the message prints leads to a heading that exists`, async () => {
      const trigger = TRIGGERS[code];
      expect(trigger, `no markup here prints fc-${code}: add one to TRIGGERS`).to.not.equal(undefined);
      const { warnings, errors } = await captureConsole(() => fixture(trigger));
      const message = [...warnings, ...errors].find((m) => m.includes(`[fc-${code}]`));
      expect(message, [...warnings, ...errors].join('\n')).to.be.a('string');
      const link = message!.match(LINK);
      expect(link, message).to.not.equal(null);
      const [, path, anchor] = link!;
      expect(anchor).to.equal(`fc-${code}`);
      // The path is inside the package (and the repository): from the test server's root.
      const response = await fetch(`/${path}`);
      expect(response.ok, `${path}: ${response.status}`).to.equal(true);
      expect([...anchors(await response.text())], `${path} has no heading for #${anchor}`).to.include(anchor);
    });
  }

  it('docs/warnings.md has one heading per code of the source, and none for a code that is gone', async () => {
    const guide = await (await fetch('/docs/warnings.md')).text();
    const headed = [...anchors(guide)].filter((a) => a.startsWith('fc-')).sort();
    expect(headed).to.deep.equal(CODES.map((c) => `fc-${c}`).sort());
  });
});
