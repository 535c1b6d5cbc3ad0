import { expect, waitUntil } from '@open-wc/testing';

// dist/reserve.css, in a frame where the elements are not defined yet, then defined
// by the CDN bundle: the boxes it reserves are the boxes the elements take.

async function frame(body: string): Promise<Document> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'width:600px;height:500px;border:0';
  iframe.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8">
    <link rel="stylesheet" href="${location.origin}/dist/reserve.css"></head>
    <body style="margin:0;font-family:arial">${body}</body></html>`;
  document.body.append(iframe);
  await new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  return iframe.contentDocument!;
}

function define(doc: Document): Promise<unknown> {
  const script = doc.createElement('script');
  script.type = 'module';
  script.src = `${location.origin}/dist/cdn/franceconnect-elements.js`;
  doc.head.append(script);
  return waitUntil(() => doc.defaultView!.customElements.get('fc-login-block'), 'defined');
}

const box = (el: Element) => {
  const r = el.getBoundingClientRect();
  return [r.x, r.y, r.width, r.height];
};

describe('reserve.css', () => {
  it('gives an undefined fc-button the box it takes once defined, FC+ and scale included (kept within 1–10)', async () => {
    const doc = await frame(`
      <p>avant <fc-button id="a" href="/auth"></fc-button> après</p>
      <p><fc-button id="b" plus href="/auth"></fc-button></p>
      <p><fc-button id="c" style="--fc-button-scale:1.5" href="/auth"></fc-button></p>
      <p><fc-button id="d" style="--fc-button-scale:12" href="/auth"></fc-button></p>
      <p><fc-button id="e" style="--fc-button-scale:0.5" href="/auth"></fc-button></p>
      <p id="after">Texte sous les boutons</p>`);
    const ids = ['a', 'b', 'c', 'd', 'e', 'after'];
    const before = ids.map((id) => box(doc.getElementById(id)!));
    expect(before.slice(0, 5).map((b) => b.slice(2))).to.deep.equal([
      [209, 56],
      [245, 56],
      [313.5, 84],
      [2090, 560],
      [209, 56],
    ]);
    await define(doc);
    const buttons = ['a', 'b', 'c', 'd', 'e'].map((id) => doc.getElementById(id) as HTMLElement & { updateComplete: Promise<unknown> });
    await Promise.all(buttons.map((b) => b.updateComplete));
    expect(ids.map((id) => box(doc.getElementById(id)!)), 'nothing moved').to.deep.equal(before);
  });

  it('gives an undefined fc-account its one-line height, so the header does not move', async () => {
    const doc = await frame(`
      <header><fc-account id="a" profile-href="/profil" logout-href="/logout"
        identity='{"given_name":"Marie Anne","family_name":"CLÉMENT"}'></fc-account></header>
      <p id="after">Contenu de la page</p>`);
    const before = ['a', 'after'].map((id) => box(doc.getElementById(id)!));
    expect(before[0][3]).to.equal(32);
    await define(doc);
    const el = doc.getElementById('a') as HTMLElement & { updateComplete: Promise<unknown> };
    await el.updateComplete;
    expect(['a', 'after'].map((id) => box(doc.getElementById(id)!)), 'nothing moved').to.deep.equal(before);
  });

  it('keeps an undefined block’s content hidden until the block is defined', async () => {
    const doc = await frame(`<fc-login-block href="/auth"><a id="other" href="/inscription">Créer mon compte</a></fc-login-block>`);
    const other = doc.getElementById('other')!;
    expect(doc.defaultView!.getComputedStyle(other).visibility).to.equal('hidden');
    await define(doc);
    await (doc.querySelector('fc-login-block') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(doc.defaultView!.getComputedStyle(other).visibility).to.equal('visible');
  });

  it('never locks anyone out: with no module, the block’s content and the page are shown after 3 s', async () => {
    const doc = await frame(
      `<main data-fc-wait><fc-login-block href="/auth"><form><input id="pw" name="password"></form></fc-login-block></main>`,
    );
    const input = doc.getElementById('pw')!;
    const view = doc.defaultView!;
    expect(view.getComputedStyle(input).visibility).to.equal('hidden');
    // Every hiding rule carries its own way out: an animation, 3 s at most, to visible.
    const animations = doc.getAnimations();
    expect(animations.map((a) => a.effect!.getTiming().delay)).to.deep.equal([3000, 3000]);
    // The module never comes: let the 3 s pass (finished rather than waited for).
    animations.forEach((a) => a.finish());
    expect(view.getComputedStyle(input).visibility).to.equal('visible');
    expect(view.getComputedStyle(doc.querySelector('main')!).visibility).to.equal('visible');
  });

  it('data-fc-wait hides the page until the block is defined, and at most 3 s', async () => {
    const doc = await frame(`<main data-fc-wait><p id="text">Bonjour</p><fc-login-block></fc-login-block></main>`);
    const text = doc.getElementById('text')!;
    expect(doc.defaultView!.getComputedStyle(text).visibility).to.equal('hidden');
    // The safety net: an animation that shows the page after 3 s whatever happens.
    const main = doc.querySelector('main')!;
    const [animation] = main.getAnimations();
    expect(animation.effect!.getTiming().delay).to.equal(3000);
    await define(doc);
    await waitUntil(() => doc.defaultView!.getComputedStyle(text).visibility === 'visible', 'shown once defined');
  });
});
