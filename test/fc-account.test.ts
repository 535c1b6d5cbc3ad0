import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/fc-account.js';
import type { FcAccount } from '../src/define/fc-account.js';

describe('<fc-account> smoke', () => {
  it('renders', async () => {
    const el = await fixture<FcAccount>(html`<fc-account theme="light" profile-href="/profil" logout-href="/logout" identity='{"given_name":"Marie Anne","family_name":"CLÉMENT"}'></fc-account>`);
    await el.updateComplete;
    const r = el.getBoundingClientRect();
    console.log(el.shadowRoot!.innerHTML.replace(/<!--[^>]*-->/g, ''), r.width, r.height);
    expect(el.shadowRoot!.textContent).to.contain('Marie Anne CLÉMENT');
  });
});
