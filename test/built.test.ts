import { expect, fixture, html } from '@open-wc/testing';

// These load what `npm run build` wrote, not the sources, so that a build that
// breaks in the browser (decorators left untranspiled, a missing export, a bare
// import in the CDN file) fails here.
/**
 * The fills of the logo's shapes, each a direct child of the <svg>: a template
 * minifier that drops `/>` nests the paths, and only the first one is drawn.
 */
const logoShapes = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.logo > path')].map((p) => p.getAttribute('fill'));
const DSFR_FILLS = ['#2a2f82', '#df1f26', '#2e65b0', '#fff'];

type Exports = Record<string, string | Record<string, string>>;
const packageExports = async () =>
  ((await (await fetch('/package.json')).json()) as { exports: Exports }).exports;

/**
 * The paths of the files under dist/ reachable from `entry` through imports. The test
 * server rewrites bare imports (`lit`) to /node_modules/… paths: those lead out of
 * dist/ and are not followed.
 */
async function distGraph(entry: string): Promise<Set<string>> {
  const seen = new Set<string>();
  const queue = [new URL(entry, location.origin).pathname];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path) || !path.startsWith('/dist/')) continue;
    seen.add(path);
    const response = await fetch(path);
    expect(response.ok, path).to.equal(true);
    const source = await response.text();
    for (const [, specifier] of source.matchAll(/\b(?:from|import)\s*["']([^"']+)["']/g)) {
      if (specifier.startsWith('.')) queue.push(new URL(specifier, new URL(path, location.origin)).pathname);
    }
  }
  return seen;
}

describe('the package as published', () => {
  it('every export has types, and the files exist', async () => {
    const exports = await packageExports();
    for (const [subpath, target] of Object.entries(exports)) {
      if (subpath === './package.json') continue;
      expect(target, `${subpath}: conditions`).to.be.an('object');
      const { types, default: file } = target as Record<string, string>;
      expect(types, `${subpath}: types`).to.match(/\.d\.ts$/);
      for (const path of [types, file]) {
        expect((await fetch(`/${path.replace(/^\.\//, '')}`)).ok, `${subpath}: ${path}`).to.equal(true);
      }
    }
  });

  it('installing it brings lit alone: the tools’ dependencies are optional peers or their own package’s', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { dependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }>; peerDependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {})).to.deep.equal(['lit']);
    for (const name of Object.keys(pkg.peerDependencies ?? {})) {
      expect(pkg.peerDependenciesMeta?.[name]?.optional, `${name}: an optional peer`).to.equal(true);
    }
  });

  it('each per-element React and Vue entry defines its element (and those it holds), never the other elements', async () => {
    const holds: Record<string, string[]> = {
      'fc-button': ['fc-button'],
      'fc-separator': ['fc-separator'],
      'fc-login-block': ['fc-button', 'fc-login-block', 'fc-separator'],
      'fc-profile-form': ['fc-profile-form'],
      'fc-account': ['fc-account'],
    };
    const exports = await packageExports();
    for (const framework of ['react', 'vue']) {
      for (const [tag, expected] of Object.entries(holds)) {
        const target = exports[`./${framework}/${tag}`] as Record<string, string>;
        expect(target, `./${framework}/${tag}`).to.be.an('object');
        const defined = [...(await distGraph(target.default))]
          .map((path) => /^\/dist\/define\/(fc-[a-z-]+)\.js$/.exec(path)?.[1])
          .filter(Boolean)
          .sort();
        expect(defined, `./${framework}/${tag}`).to.deep.equal(expected);
      }
    }
  });

  it('no built module lives under node_modules', async () => {
    const exports = await packageExports();
    const entries = Object.values(exports)
      .map((target) => (typeof target === 'string' ? target : target.default))
      .filter((file) => file.endsWith('.js'));
    expect(entries.length).to.be.greaterThan(5);
    const files = new Set<string>();
    for (const entry of entries) for (const path of await distGraph(entry)) files.add(path);
    expect(files.size).to.be.greaterThan(entries.length);
    // A bundled dependency must not land in dist/node_modules/, which packers and
    // tools treat as installed packages.
    expect([...files].filter((path) => path.includes('/node_modules/'))).to.deep.equal([]);
  });
});

describe('the built files', () => {
  it('dist/fc-button/fc-button.js exports the class without defining anything', async () => {
    const mod = await import('../dist/fc-button/fc-button.js' as string);
    expect(customElements.get('fc-button'), 'no side effect').to.equal(undefined);
    customElements.define('my-fc-button', mod.FcButton);
    const el = await fixture(html`<my-fc-button></my-fc-button>`);
    const box = el.shadowRoot!.querySelector('button')!.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([209, 56]);
    expect(logoShapes(el)).to.deep.equal(DSFR_FILLS);
  });

  it('dist/cdn/franceconnect-elements.js is a module with Lit and the login elements, which loads the account elements from beside itself only when the page shows one', async () => {
    const source = await (await fetch('/dist/cdn/franceconnect-elements.js')).text();
    expect(source, 'no bare import left').not.to.match(/\bfrom\s*["'`](?!\.|\/|https?:)/);
    // Its two imports: the files beside it, on demand (the account elements, ProConnect's
    // logo). The first imports only this one; the logo's file imports nothing.
    expect([...source.matchAll(/\bimport\b[\s(]*(?:[{*]|(["'`])[^"'`]*\1)/g)].map((m) => m[0]).sort()).to.deep.equal([
      'import(`./franceconnect-elements-account.js`',
      'import(`./franceconnect-elements-proconnect-logo.js`',
    ]);
    // Lit's hydration support is the other file's (a client-rendered page never uses it).
    expect(source, 'no hydration support').not.to.include('defer-hydration');
    await import('../dist/cdn/franceconnect-elements.js' as string);
    expect((globalThis as { litElementHydrateSupport?: unknown }).litElementHydrateSupport).to.equal(undefined);
    for (const tag of ['fc-button', 'fc-separator', 'fc-login-block']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    // A page without <fc-account> nor <fc-profile-form> never loads their file…
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(customElements.get('fc-account'), 'fc-account').to.equal(undefined);
    expect(customElements.get('fc-profile-form'), 'fc-profile-form').to.equal(undefined);
    // …and one that gets one, even long after, has them defined from it.
    const later = document.createElement('div');
    later.innerHTML = '<fc-account></fc-account>';
    document.body.append(later);
    await customElements.whenDefined('fc-account');
    expect(customElements.get('fc-profile-form'), 'fc-profile-form').to.be.a('function');
    const shown = later.querySelector('fc-account')!;
    (shown as HTMLElement & { identity: unknown }).identity = { given_name: 'Angela Claire', family_name: 'Dubois' };
    await (shown as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(shown.shadowRoot!.textContent).to.include('Angela Claire Dubois');
    later.remove();
    const account = await (await fetch('/dist/cdn/franceconnect-elements-account.js')).text();
    expect([...account.matchAll(/\bfrom\s*["'`]([^"'`]+)/g)].map((m) => m[1])).to.deep.equal(['./franceconnect-elements.js']);
    expect(account, 'no hydration support').not.to.include('defer-hydration');
    const el = await fixture(html`<fc-button variant="data" theme="dark"></fc-button>`);
    const button = el.shadowRoot!.querySelector('button')!;
    const box = button.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([209, 56]);
    expect(button.getAttribute('aria-label')).to.equal('Récupérer ses données avec FranceConnect');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(133, 133, 246)');
    expect(logoShapes(el)).to.deep.equal(DSFR_FILLS);
    await expect(el).to.be.accessible();

    const block = await fixture(html`<fc-login-block><a href="/inscription">Créer mon compte</a></fc-login-block>`);
    const inner = block.shadowRoot!.querySelector('fc-button')!;
    expect(inner.shadowRoot!.querySelector('button')!.getBoundingClientRect().height).to.equal(56);
    expect(block.shadowRoot!.querySelector('fc-separator')).not.to.equal(null);
    // The template minifier must not eat the spaces that make names read right.
    expect(block.shadowRoot!.querySelector('.info a')!.textContent).to.equal(
      'Qu’est-ce que FranceConnect\u00a0? - nouvelle fenêtre',
    );
    expect(block.shadowRoot!.querySelector('.description')!.textContent!.trim()).to.equal(
      'FranceConnect est la solution proposée par l’État pour sécuriser et simplifier la connexion à vos services en ligne.',
    );

    // ProConnect's logo: a file that imports nothing, loaded by the first ProConnect button,
    // which renders with it (its five colours, as the published file draws them).
    const logoFile = await (await fetch('/dist/cdn/franceconnect-elements-proconnect-logo.js')).text();
    expect(logoFile, 'no import').not.to.match(/\bimport\b/);
    const pro = await fixture(html`<fc-button provider="proconnect"></fc-button>`);
    const fills = [...new Set([...pro.shadowRoot!.querySelectorAll('.logo > *')].map((p) => p.getAttribute('fill')))];
    expect(fills).to.have.length(5);
    expect(pro.shadowRoot!.querySelector('button')!.getBoundingClientRect().width).to.equal(214);
  });

  it('dist/cdn/franceconnect-elements-hydrate.js is one module, Lit’s hydration support included, with ProConnect’s logo beside it', async () => {
    const source = await (await fetch('/dist/cdn/franceconnect-elements-hydrate.js')).text();
    expect(source, 'no bare import left').not.to.match(/\bfrom\s*["'`](?!\.|\/|https?:)/);
    // Its one import: ProConnect's logo, on demand, from the file both CDN files share.
    expect([...source.matchAll(/\bimport\b[\s(]*(?:[{*]|(["'`])[^"'`]*\1)/g)].map((m) => m[0])).to.deep.equal(['import(`./franceconnect-elements-proconnect-logo.js`']);
    expect(source, 'hydration support').to.include('defer-hydration');
    // Every element too (test/ssr.test.ts hydrates each of them with this file).
    for (const tag of ['fc-button', 'fc-separator', 'fc-login-block', 'fc-profile-form', 'fc-account']) {
      expect(source, tag).to.match(new RegExp(`customElements\\.define\\(["'\`]${tag}["'\`]`));
    }
  });
});
