import { expect, waitUntil } from '@open-wc/testing';

// dist/cdn/franceconnect-elements.js copied without the file it loads from beside itself
// (franceconnect-elements-account.js): the login elements work, and the page is told, on
// the element that waits, which file is missing. A page of its own: nothing here is defined
// before the copy runs.
describe('dist/cdn/franceconnect-elements.js copied alone', () => {
  it('defines the login elements, and reports the missing file once on each <fc-account> and <fc-profile-form> waiting for it', async () => {
    document.body.innerHTML = '<fc-account id="a"></fc-account><fc-profile-form id="p"></fc-profile-form><fc-button href="/auth"></fc-button>';
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      // The same bytes at an address with nothing beside it.
      const source = await (await fetch('/dist/cdn/franceconnect-elements.js')).text();
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      await import(/* @vite-ignore */ url);
      await waitUntil(() => errors.length >= 2, 'the missing file reported');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      console.error = original;
    }
    const message = (tag: string) =>
      `<${tag}>: [fc-missing-file] needs franceconnect-elements-account.js beside franceconnect-elements.js, and it could not be loaded. (franceconnect-elements/docs/warnings.md#fc-missing-file)`;
    expect(errors.map((e) => e[0])).to.deep.equal([message('fc-account'), message('fc-profile-form')]);
    expect(errors.map((e) => (e[1] as Element).id)).to.deep.equal(['a', 'p']);
    expect(customElements.get('fc-account')).to.equal(undefined);
    const button = document.querySelector('fc-button')!;
    await customElements.whenDefined('fc-button');
    expect(button.shadowRoot!.querySelector('button')!.getBoundingClientRect().width).to.equal(209);
  });
});

// The same file copied without ProConnect's logo (franceconnect-elements-proconnect-logo.js):
// a ProConnect button still renders, as ProConnect's in label and size, and says which file
// it could not load; a FranceConnect button is not concerned.
describe('dist/cdn/franceconnect-elements.js copied without ProConnect’s logo', () => {
  it('renders the ProConnect button without its logo and reports it once, naming the button', async () => {
    document.body.innerHTML = '<fc-button id="pro" provider="proconnect" href="/auth"></fc-button><fc-button id="pro2" provider="proconnect"></fc-button>';
    const errors: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      // customElements were defined by the test above, from the same copy.
      const pro = document.querySelector('#pro') as HTMLElement & { updateComplete: Promise<unknown> };
      await waitUntil(() => pro.shadowRoot?.querySelector('button'), 'the ProConnect button rendered');
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      console.error = original;
    }
    const [pro, pro2] = ['#pro', '#pro2'].map((id) => document.querySelector(id)!);
    const messages = errors.map((e) => String(e[0]));
    expect(messages.length, messages.join('\n')).to.equal(2);
    for (const [i, message] of messages.entries()) {
      expect(message).to.match(/^<fc-button>: \[fc-missing-file\] needs ProConnect's logo, a file loaded from beside this module, and it could not be loaded \(.+\); the button is shown without its logo\. \(franceconnect-elements\/docs\/warnings\.md#fc-missing-file\)$/);
      expect(errors[i][1]).to.equal([pro, pro2][i]);
    }
    const button = pro.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-label')).to.equal('S’identifier avec ProConnect');
    const box = button.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([214, 56]);
    expect(pro.shadowRoot!.querySelectorAll('.logo > *').length, 'no logo paths').to.equal(0);
  });
});
