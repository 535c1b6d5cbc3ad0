import { expect, fixture, html } from '@open-wc/testing';
import type { FcIdentity, FcLoginBlock, FcProfileForm } from '../src/index.js';
import identities from './fixtures/identities.json' with { type: 'json' };
import { editProfileField } from './helpers.js';
import { frames, pageRoundTrips, type Framework } from './framework-bindings.js';

// The Angular component of test/frameworks/angular-app.ts, built against dist/.
const { mountAngular } = (await import('../.test-build/angular-app.js' as string)) as typeof import('./frameworks/angular-app.js');

const { simple, usage_name } = identities.identities as Record<string, FcIdentity>;

describe('Angular: CUSTOM_ELEMENTS_SCHEMA, property and event bindings', () => {
  it('renders, binds [identity] as an object, receives (fc-activate) and (change), submits', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const activations: unknown[] = [];
    const changes: Event[] = [];
    const submissions: FormData[] = [];
    const page = await mountAngular(container, simple, {
      onActivate: (d) => activations.push(d),
      onProfileChange: (e) => changes.push(e),
      onSubmitted: (d) => submissions.push(d),
    });
    try {
      const block = container.querySelector<FcLoginBlock>('#ng-block')!;
      const profile = container.querySelector<FcProfileForm>('#ng-profile')!;
      await block.updateComplete;
      await profile.updateComplete;
      expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('Se connecter avec FranceConnect');
      expect(profile.identity!.family_name).to.equal('CLÉMENT');
      await expect(container).to.be.accessible();

      page.demo.plus.set(true);
      page.demo.theme.set('dark');
      page.demo.identity.set(usage_name);
      await page.settle();
      await block.updateComplete;
      await profile.updateComplete;
      expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('Se connecter avec FranceConnect+');
      expect(block.theme).to.equal('dark');
      expect(profile.identity!.family_name).to.equal('N’DIAYE');

      block.shadowRoot!.querySelector('fc-button')!.shadowRoot!.querySelector('button')!.click();
      expect(activations).to.deep.equal([{ href: new URL('/auth', location.href).href }]);

      editProfileField(profile, 'preferred_username', 'DURAND');
      expect(changes).to.have.length(1);

      container.querySelector<HTMLFormElement>('#ng-form')!.requestSubmit();
      expect(submissions).to.have.length(1);
      expect(submissions[0].get('family_name')).to.equal('N’DIAYE');
      expect(submissions[0].get('preferred_username')).to.equal('DURAND');
    } finally {
      page.destroy();
    }
  });

  // Issue 10: a signal that disables then enables the button left it dead. `[x]` binds
  // the property, `[attr.x]` the attribute; the page's own script writes the other way
  // in between.
  it('disabled, plus, variant, theme, href and identity round-trip through [x] and [attr.x]', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const page = await mountAngular(container, simple, {
      onActivate: () => {},
      onProfileChange: () => {},
      onSubmitted: () => {},
    });
    type Signals = Record<'disabled' | 'plus' | 'provider' | 'variant' | 'theme' | 'href' | 'identity', { set(v: unknown): void }>;
    const framework: Framework = {
      set(name, value) {
        (page.demo as unknown as Signals)[name as keyof Signals].set(value);
      },
      async settle() {
        await page.settle();
        await frames();
      },
    };
    try {
      await pageRoundTrips(framework, container, 'ng', usage_name, simple);
    } finally {
      page.destroy();
    }
  });
});
