import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FcIdentity, FcButton, FcProfileForm } from '../src/index.js';
import identities from './fixtures/identities.json' with { type: 'json' };
import type { DemoProps } from './frameworks/react-app.js';

// Built by `vite build -c test/frameworks/vite.config.ts` against dist/, as an app would.
const { mountReact } = (await import('../.test-build/react-app.js' as string)) as typeof import('./frameworks/react-app.js');

const { simple, usage_name } = identities.identities as Record<string, FcIdentity>;

async function settle() {
  await new Promise((r) => setTimeout(r));
  await new Promise((r) => requestAnimationFrame(r));
}

describe('React 19: wrappers and bare tags', () => {
  let container: HTMLElement;
  let page: ReturnType<typeof mountReact>;
  const activations: Array<[string, unknown]> = [];
  const submissions: FormData[] = [];
  const changes: Event[] = [];
  let props: DemoProps;

  beforeEach(async () => {
    container = await fixture<HTMLDivElement>(html`<div></div>`);
    activations.length = 0;
    submissions.length = 0;
    changes.length = 0;
    props = {
      variant: 'login',
      theme: 'light',
      identity: simple,
      onActivate: (source, detail) => activations.push([source, detail]),
      onSubmit: (data) => submissions.push(data),
      onProfileChange: (event) => changes.push(event),
    };
    page = mountReact(container, props);
    await settle();
  });
  afterEach(() => page.unmount());

  const $ = <T extends Element>(selector: string) => container.querySelector<T>(selector)!;
  const label = (id: string) =>
    $<FcButton>(id).shadowRoot!.querySelector('button')!.getAttribute('aria-label');

  it('renders every wrapper and every bare tag as the real element', async () => {
    for (const id of ['#wrapped-button', '#bare-button']) {
      expect($(id).localName).to.equal('fc-button');
      expect($(id).shadowRoot!.querySelector('button')!.getBoundingClientRect().width).to.equal(209);
    }
    expect($('#wrapped-block').shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Se créer un compte avec FranceConnect',
    );
    expect($('#bare-block').shadowRoot!.querySelector('fc-separator')).not.to.equal(null);
    expect($('#wrapped-separator').shadowRoot!.textContent!.trim()).to.equal('ou bien');
    expect($('#bare-separator').shadowRoot!.textContent!.trim()).to.equal('ou encore');
    // identity reaches both as an object property, not as "[object Object]".
    for (const id of ['#wrapped-profile', '#bare-profile']) {
      expect($<FcProfileForm>(id).identity!.family_name).to.equal('CLÉMENT');
    }
    for (const id of ['#wrapped-account', '#bare-account']) {
      const account = $(id).shadowRoot!;
      expect(account.querySelector('[part="name"]')!.textContent, id).to.equal('Marie Anne CLÉMENT');
      expect(account.querySelector('a')!.getAttribute('href'), id).to.equal('/profil');
      expect(account.querySelector('form')!.getAttribute('action'), id).to.equal('/logout');
    }
    await expect(container).to.be.accessible();
  });

  it('props update the elements', async () => {
    page.update({ ...props, variant: 'data', theme: 'dark', identity: usage_name });
    await settle();
    for (const id of ['#wrapped-button', '#bare-button']) {
      expect(label(id)).to.equal('Récupérer ses données avec FranceConnect');
      const bg = getComputedStyle($(id).shadowRoot!.querySelector('button')!).backgroundColor;
      expect(bg).to.equal('rgb(133, 133, 246)');
    }
    for (const id of ['#wrapped-profile', '#bare-profile']) {
      expect($<FcProfileForm>(id).identity!.family_name).to.equal('N’DIAYE');
    }
    for (const id of ['#wrapped-account', '#bare-account']) {
      const name = $(id).shadowRoot!.querySelector('[part="name"]')!;
      expect(name.textContent, id).to.equal('Jean-Luc Pierre MARTIN');
      expect(getComputedStyle(name).color, id).to.equal('rgb(133, 133, 246)');
    }
  });

  it('events reach the handlers: onFcActivate, onfc-activate, onChange', async () => {
    $<FcButton>('#wrapped-button').shadowRoot!.querySelector('button')!.click();
    $<FcButton>('#bare-button').shadowRoot!.querySelector('button')!.click();
    const blockButton = $('#wrapped-block').shadowRoot!.querySelector('fc-button')!;
    blockButton.shadowRoot!.querySelector('button')!.click();
    const href = new URL('/auth', location.href).href;
    expect(activations).to.deep.equal([
      ['wrapped-button', { href }],
      ['bare-button', { href }],
      ['wrapped-block', { href }],
    ]);
    const usage = $('#wrapped-profile').shadowRoot!.querySelector<HTMLInputElement>(
      '[data-claim="preferred_username"]',
    )!;
    usage.focus();
    await sendKeys({ type: 'DURAND' });
    usage.blur();
    expect(changes).to.have.length(1);
    expect(changes[0].target).to.equal($('#wrapped-profile'));
  });

  it('FcProfileForm inside a React form submits the expected FormData', async () => {
    const email = $('#wrapped-profile').shadowRoot!.querySelector<HTMLInputElement>('[data-claim="email"]')!;
    email.focus();
    email.select();
    await sendKeys({ type: 'marie@exemple.fr' });
    $<HTMLFormElement>('#react-form').requestSubmit();
    expect(submissions).to.have.length(1);
    expect(Object.fromEntries(submissions[0])).to.deep.equal({
      family_name: 'CLÉMENT',
      given_name: 'Marie Anne',
      birthdate: '1975-04-12',
      gender: 'female',
      birthplace: '69123',
      birthcountry: '99100',
      preferred_username: '',
      email: 'marie@exemple.fr',
    });
  });
});
