import { expect, fixture, html } from '@open-wc/testing';
import type { FcAccount, FcIdentity, FcLoginBlock, FcProfileForm } from '../src/index.js';
import identities from './fixtures/identities.json' with { type: 'json' };
import { editProfileField } from './helpers.js';
import { BASE, frames, pageRoundTrips, type Framework } from './framework-bindings.js';
// Demo.vue compiled by @vitejs/plugin-vue against dist/ (see test/frameworks).
const { mountVue } = (await import('../.test-build/vue-app.js' as string)) as typeof import('./frameworks/vue-app.js');

const { simple, born_abroad } = identities.identities as Record<string, FcIdentity>;

describe('Vue 3: a single-file component using the tags', () => {
  it('renders, binds attributes and properties, receives events, submits', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const activations: unknown[] = [];
    const changes: Event[] = [];
    const submissions: FormData[] = [];
    const page = mountVue(
      container,
      { theme: 'light', identity: simple, plus: false },
      {
        onActivate: (d) => activations.push(d),
        onProfileChange: (e) => changes.push(e),
        onSubmitted: (d) => submissions.push(d),
      },
    );
    try {
      const block = container.querySelector<FcLoginBlock>('#vue-block')!;
      const profile = container.querySelector<FcProfileForm>('#vue-profile')!;
      await block.updateComplete;
      await profile.updateComplete;
      expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('Se connecter avec FranceConnect');
      expect(container.querySelector('#vue-separator')!.shadowRoot!.textContent!.trim()).to.equal('ou bien');
      // :identity bound as an object property.
      expect(profile.identity!.family_name).to.equal('CLÉMENT');
      const account = container.querySelector<FcAccount>('#vue-account')!;
      await account.updateComplete;
      const accountName = () => account.shadowRoot!.querySelector('[part="name"]')!.textContent;
      expect(accountName()).to.equal('Marie Anne CLÉMENT');
      expect(account.shadowRoot!.querySelector('form')!.getAttribute('action')).to.equal('/logout');
      await expect(container).to.be.accessible();

      page.state.plus = true;
      page.state.theme = 'dark';
      page.state.identity = born_abroad;
      await new Promise((r) => setTimeout(r));
      await block.updateComplete;
      await profile.updateComplete;
      expect(block.plus).to.equal(true);
      expect(block.shadowRoot!.querySelector('h2')!.textContent).to.equal('Se connecter avec FranceConnect+');
      expect(block.getAttribute('theme')).to.equal('dark');
      expect(profile.identity!.family_name).to.equal('EL AMRANI');
      await account.updateComplete;
      expect(accountName()).to.equal('Yasmine EL AMRANI');

      const button = block.shadowRoot!.querySelector('fc-button')!.shadowRoot!.querySelector('button')!;
      button.click();
      expect(activations).to.deep.equal([{ href: new URL('/auth', location.href).href }]);

      editProfileField(profile, 'preferred_username', 'DURAND');
      expect(changes).to.have.length(1);

      container.querySelector<HTMLFormElement>('#vue-form')!.requestSubmit();
      expect(submissions).to.have.length(1);
      expect(submissions[0].get('family_name')).to.equal('EL AMRANI');
      expect(submissions[0].get('preferred_username')).to.equal('DURAND');
      expect(submissions[0].get('birthcountry')).to.equal('99350');
    } finally {
      page.unmount();
    }
  });

  // Issue 10: a state that disables then enables the button left it dead. Vue binds a
  // defined custom element's properties (`:disabled`, `.prop`), or its attributes with
  // `.attr`; the page's own script writes the other way in between.
  it('disabled, plus, variant, theme, href and identity round-trip through property and attribute bindings', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const page = mountVue(container, { ...BASE, identity: simple, plus: false }, {
      onActivate: () => {},
      onProfileChange: () => {},
      onSubmitted: () => {},
    });
    const framework: Framework = {
      set(name, value) {
        (page.state as Record<string, unknown>)[name] = value;
      },
      async settle() {
        await frames();
      },
    };
    try {
      await pageRoundTrips(framework, container, 'vue', born_abroad, simple);
    } finally {
      page.unmount();
    }
  });
});
