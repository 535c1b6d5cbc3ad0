import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { auditPage } from './helpers.js';

// Every story of the static Storybook build (npm run build-storybook), opened on its
// own and checked with axe: the a11y addon is set to fail on violations, and this is
// the proof that no story has one.
const index = (await (await fetch('/storybook-static/index.json')).json()) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const TAGS = ['fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account'];

const ready = `(() => {
  const root = document.querySelector('#storybook-root');
  const tags = root ? [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('fc-')) : [];
  return tags.length > 0 && tags.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
})()`;

describe('Storybook: every story passes axe', () => {
  it('has stories for every element', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const tag of TAGS) {
      expect([...titles].some((t) => t.endsWith(tag)), tag).to.equal(true);
    }
  });

  for (const story of stories) {
    it(`${story.title} › ${story.name}`, async () => {
      const { errors, violations, info } = await auditPage<number>({
        url: `/storybook-static/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`,
        ready,
        // What the a11y addon checks: the story, not Storybook's bare iframe page.
        context: '#storybook-root',
        inspect: `document.querySelectorAll('#storybook-root *').length`,
      });
      expect(info, 'the story rendered').to.be.greaterThan(0);
      expect(violations).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  }
});

// The page Storybook opens on, and the elements' docs pages, which show the table of the
// qualification rules each element meets (from its JSDoc, through custom-elements.json).
const docsEntries = Object.values(index.entries).filter((e) => e.type === 'docs');
const manifest = (await (await fetch('/custom-elements.json')).json()) as {
  modules: { declarations?: { tagName?: string; description?: string }[] }[];
};
const docsUrl = (id: string) => `/storybook-static/iframe.html?id=${encodeURIComponent(id)}&viewMode=docs`;

describe('Storybook: the introduction, and each element’s rules on its docs page', () => {
  it('opens on the introduction page', async () => {
    const { errors, info } = await auditPage<string>({
      url: '/storybook-static/index.html',
      ready: `new URLSearchParams(window.location.search).has('path')`,
      // Storybook's own interface, not a page of ours.
      axe: false,
      inspect: `new URLSearchParams(window.location.search).get('path')`,
    });
    expect(errors).to.deep.equal([]);
    expect(info).to.equal('/docs/introduction--docs');
  });

  it('the introduction: axe clean; links to every element’s docs page; names guides that exist', async () => {
    const { errors, violations, info } = await auditPage<{ links: string[]; guides: string[]; text: string }>({
      url: docsUrl('introduction--docs'),
      ready: `!!document.querySelector('#storybook-docs h1') && !!document.querySelector('#storybook-docs img')?.complete`,
      context: '#storybook-docs',
      inspect: `(() => { const root = document.querySelector('#storybook-docs');
        return { links: [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')),
                 guides: [...root.textContent.matchAll(/docs[/][a-z-]+[.]md/g)].map((m) => m[0]),
                 text: root.textContent }; })()`,
    });
    expect(errors).to.deep.equal([]);
    expect(violations).to.deep.equal([]);
    const ids = new Set(Object.keys(index.entries));
    for (const tag of TAGS) {
      const link = info.links.find((href) => href?.includes(`-${tag}--docs`));
      expect(link, tag).to.be.a('string');
      expect(ids.has(decodeURIComponent(link!.replace('?path=/docs/', ''))), link).to.equal(true);
    }
    expect(info.text).to.contain('qualification');
    expect(info.guides.length).to.be.greaterThan(5);
    for (const guide of new Set(info.guides)) {
      expect(await executeServerCommand<string | null, { path: string }>('fc-source', { path: guide }), guide).to.be.a('string');
    }
  });

  for (const tag of TAGS) {
    it(`${tag}: its docs page shows the table of qualification rules of its JSDoc`, async () => {
      const entry = docsEntries.find((e) => e.title.endsWith(`/${tag}`));
      expect(entry, `a docs page for ${tag}`).to.not.equal(undefined);
      const description = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!.description!;
      const rows = description.split('\n').filter((line) => line.startsWith('|'));
      expect(rows[0], 'the JSDoc has a rules table').to.match(/^\| FranceConnect rule/);
      const { errors, info } = await auditPage<{ header: string; rows: number } | null>({
        url: docsUrl(entry!.id),
        ready: `!!document.querySelector('#storybook-docs table')`,
        // The docs page is Storybook's own layout around the stories, which are checked above.
        axe: false,
        inspect: `(() => { const table = document.querySelector('#storybook-docs table');
          return table && { header: table.querySelector('tr').textContent.trim(), rows: table.querySelectorAll('tr').length }; })()`,
      });
      expect(errors).to.deep.equal([]);
      expect(info!.header).to.match(/^FranceConnect rule \(docs\/qualification\.md\)/);
      // The header row, then every rule of the JSDoc (the |---| line is no row).
      expect(info!.rows).to.equal(rows.length - 1);
    });
  }
});
