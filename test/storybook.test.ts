import { expect } from '@open-wc/testing';
import { auditPage } from './helpers.js';

// Every story of the static Storybook build (npm run build-storybook), opened on its
// own and checked with axe: the a11y addon is set to fail on violations, and this is
// the proof that no story has one.
const index = (await (await fetch('/storybook-static/index.json')).json()) as {
  entries: Record<string, { id: string; type: string; title: string; name: string }>;
};
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

const ready = `(() => {
  const root = document.querySelector('#storybook-root');
  const tags = root ? [...root.querySelectorAll('*')].filter((el) => el.localName.startsWith('fc-')) : [];
  return tags.length > 0 && tags.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
})()`;

describe('Storybook: every story passes axe', () => {
  it('has stories for every element', () => {
    const titles = new Set(stories.map((s) => s.title));
    for (const tag of ['fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account']) {
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
