import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';

interface Manifest {
  modules: Array<{
    declarations?: Array<{
      tagName?: string;
      attributes?: Array<{ name: string; description?: string }>;
      events?: Array<{ name: string }>;
      cssParts?: Array<{ name: string }>;
      members?: Array<{ name: string; kind: string; privacy?: string; description?: string }>;
    }>;
  }>;
}

const TAGS = ['fc-button', 'fc-login-block', 'fc-separator', 'fc-profile-form', 'fc-account'];

async function declarations() {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  const all = manifest.modules.flatMap((m) => m.declarations ?? []);
  return new Map(all.filter((d) => d.tagName).map((d) => [d.tagName!, d]));
}

// custom-elements.json drives Storybook's controls and docs and the framework
// typings: an attribute missing from it is an attribute nobody is told about.
describe('custom-elements.json', () => {
  it('declares every tag', async () => {
    expect([...(await declarations()).keys()].sort()).to.deep.equal([...TAGS].sort());
  });

  for (const tag of TAGS) {
    it(`${tag}: every observed attribute is documented, with a description`, async () => {
      const declaration = (await declarations()).get(tag)!;
      const documented = new Map((declaration.attributes ?? []).map((a) => [a.name, a]));
      const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] })
        .observedAttributes;
      expect(observed.length).to.be.greaterThan(0);
      for (const name of observed) {
        expect(documented.has(name), `${tag} [${name}] in the manifest`).to.equal(true);
        expect(documented.get(name)!.description, `${tag} [${name}] described`).to.be.a('string');
      }
    });

    // The other direction: an attribute in the manifest that the element does not
    // observe is one Storybook offers a control for and the element ignores.
    it(`${tag}: every documented attribute is observed`, async () => {
      const declaration = (await declarations()).get(tag)!;
      const observed = (customElements.get(tag) as unknown as { observedAttributes: string[] })
        .observedAttributes;
      const documented = (declaration.attributes ?? []).map((a) => a.name);
      expect(documented.length).to.be.greaterThan(0);
      for (const name of documented) {
        expect(observed, `${tag} [${name}] documented but not observed`).to.include(name);
      }
    });

    // Lit's internal state (`state: true` in static properties) and private or
    // protected members are implementation, not API: none may appear in the manifest.
    it(`${tag}: nothing private is published`, async () => {
      const declaration = (await declarations()).get(tag)!;
      const element = customElements.get(tag) as unknown as {
        elementProperties: Map<PropertyKey, { state?: boolean }>;
      };
      const state = [...element.elementProperties]
        .filter(([, options]) => options.state)
        .map(([name]) => String(name));
      const attributes = (declaration.attributes ?? []).map((a) => a.name);
      const members = declaration.members ?? [];
      for (const name of state) {
        expect(attributes, `${tag}: state ${name} published as an attribute`).not.to.include(name);
        expect(members.map((m) => m.name), `${tag}: state ${name} published as a member`).not.to.include(name);
      }
      for (const member of members) {
        expect(member.privacy ?? 'public', `${tag}.${member.name}`).to.equal('public');
        expect(member.name, `${tag}.${member.name}`).to.match(/^[a-zA-Z]/);
      }
    });

    it(`${tag}: every part it renders is documented`, async () => {
      const declaration = (await declarations()).get(tag)!;
      const documented = new Set((declaration.cssParts ?? []).map((p) => p.name));
      const el = await fixture(html`<div></div>`);
      el.innerHTML = `<${tag}><a href="/x">Autre moyen</a></${tag}>`;
      const child = el.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
      await child.updateComplete;
      await new Promise((r) => setTimeout(r));
      const rendered = new Set<string>();
      const collect = (root: ShadowRoot) => {
        for (const node of root.querySelectorAll('[part], [exportparts]')) {
          for (const p of (node.getAttribute('part') ?? '').split(/\s+/)) if (p) rendered.add(p);
          for (const p of (node.getAttribute('exportparts') ?? '').split(/[\s,]+/)) if (p) rendered.add(p);
        }
      };
      collect(child.shadowRoot!);
      // The button and the separator render no part (their look is what the
      // qualification checks): none may be rendered without being documented.
      for (const part of rendered) expect(documented.has(part), `${tag}::part(${part})`).to.equal(true);
    });
  }

  it('documents the fc-activate event on the button and the block', async () => {
    const all = await declarations();
    for (const tag of ['fc-button', 'fc-login-block']) {
      expect((all.get(tag)!.events ?? []).map((e) => e.name)).to.include('fc-activate');
    }
  });
});
