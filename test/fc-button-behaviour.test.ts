import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/define/fc-button.js';
import type { FcButton } from '../src/define/fc-button.js';
import { captureConsole, centre, countSubmits, framedWindow, pageCount, resetMouse } from './helpers.js';

const inner = (el: FcButton) => el.shadowRoot!.querySelector('button')!;

/** Waits until the double-activation guard is over, as aria-busy shows it. */
const guardEnds = (el: FcButton) =>
  waitUntil(() => !inner(el).hasAttribute('aria-busy'), 'guard ends', { timeout: 5000, interval: 100 });

async function click(target: Element, offset: [number, number] = [0, 0]) {
  const [x, y] = centre(target);
  await sendMouse({ type: 'click', position: [x + offset[0], y + offset[1]] });
}

/** Loads test/pages/button.html in a frame: a page whose navigation we can watch. */
async function framedPage() {
  const frame = await fixture<HTMLIFrameElement>(
    html`<iframe src="/test/pages/button.html" style="width:400px;height:120px;border:0"></iframe>`,
  );
  const win = await framedWindow(frame, '/test/pages/button.html');
  await win.customElements.whenDefined('fc-button');
  const el = win.document.querySelector('fc-button')!;
  await el.updateComplete;
  return { frame, win, el };
}

describe('<fc-button>: navigation (qualification rule 13)', () => {
  afterEach(() => resetMouse());

  // In a frame: the page navigates itself, and the test window watches where it lands.
  it('navigates its own window to href, opening nothing', async () => {
    const { frame, win, el } = await framedPage();
    let opened = 0;
    win.open = () => {
      opened += 1;
      return null;
    };
    const pagesBefore = await pageCount();
    const landed = oneEvent(frame, 'load');
    const rect = frame.getBoundingClientRect();
    const [x, y] = centre(inner(el));
    await sendMouse({ type: 'click', position: [rect.left + x, rect.top + y] });
    await landed;
    expect(frame.contentWindow!.location.pathname).to.equal('/test/pages/landed.html');
    expect(frame.contentWindow!.location.search).to.equal('?from=fc-button');
    expect(opened, 'window.open calls').to.equal(0);
    expect(await pageCount(), 'no new tab or pop-up').to.equal(pagesBefore);
  });

  it('renders a button, with no link target, frame or form target inside', async () => {
    const el = await fixture<FcButton>(html`<fc-button href="https://example.fr/login"></fc-button>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('iframe, frame, object, embed, form').length).to.equal(0);
    expect(root.querySelectorAll('[target]').length).to.equal(0);
    // No link either: the stand-in for a page without JavaScript is drawn only where
    // server output is hydrated (test/ssr.test.ts), and has no target there.
    expect(root.querySelectorAll('a').length).to.equal(0);
    expect(inner(el).type).to.equal('button');
  });

  it('fc-activate announces the URL and, when cancelled, nothing navigates', async () => {
    const el = await fixture<FcButton>(html`<fc-button href="/auth/login?x=1"></fc-button>`);
    const seen: string[] = [];
    el.addEventListener('fc-activate', (e) => {
      seen.push(e.detail.href!);
      e.preventDefault();
    });
    const before = location.href;
    await click(inner(el));
    expect(seen).to.deep.equal([new URL('/auth/login?x=1', location.href).href]);
    expect(location.href).to.equal(before);
  });
});

describe('<fc-button>: double activation guard', () => {
  afterEach(() => resetMouse());

  it('ignores a second activation for a few seconds, with aria-busy meanwhile', async function () {
    this.timeout(10000);
    const el = await fixture<FcButton>(html`<fc-button href="/auth/login"></fc-button>`);
    let count = 0;
    el.addEventListener('fc-activate', (e) => {
      count += 1;
      e.preventDefault();
    });
    await sendMouse({ type: 'move', position: centre(inner(el)) });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'up' });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(count, 'a double click starts one authorisation').to.equal(1);
    expect(inner(el).getAttribute('aria-busy')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    expect(count, 'the keyboard is guarded too').to.equal(1);
    await guardEnds(el);
    await click(inner(el));
    expect(count, 'a later activation goes through').to.equal(2);
  });
});

describe('<fc-button>: refused and doubtful URLs', () => {
  const refused = [
    'javascript:window.__pwned=1',
    'JaVaScRiPt:window.__pwned=1',
    ' java\tscript:window.__pwned=1',
    'data:text/html,<script>window.__pwned=1</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
  ];
  for (const href of refused) {
    it(`refuses ${JSON.stringify(href)}: console.error, no action, still visible`, async () => {
      const { result: el, errors } = await captureConsole(() =>
        fixture<FcButton>(html`<fc-button .href=${href}></fc-button>`),
      );
      let activated = 0;
      el.addEventListener('fc-activate', () => (activated += 1));
      const { errors: clickErrors } = await captureConsole(() => click(inner(el)));
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<fc-button>').and.contain('refused');
      expect(clickErrors, 'reported once, not on every click').to.have.length(0);
      expect(activated).to.equal(0);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      const box = el.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([209, 56]);
      expect(inner(el).getAttribute('aria-busy')).to.equal(null);
    });
  }

  it('warns about plain http to another host, not to localhost', async () => {
    const { warnings } = await captureConsole(async () => {
      await fixture(html`<fc-button href="http://localhost:8080/login"></fc-button>`);
      await fixture(html`<fc-button href="http://127.0.0.1/login"></fc-button>`);
      await fixture(html`<fc-button href="https://service.gouv.fr/login"></fc-button>`);
      await fixture(html`<fc-button href="/relative/login"></fc-button>`);
    });
    expect(warnings).to.have.length(0);
    const { warnings: httpWarnings } = await captureConsole(() =>
      fixture(html`<fc-button href="http://service.example.fr/login"></fc-button>`),
    );
    expect(httpWarnings).to.have.length(1);
    expect(httpWarnings[0]).to.contain('<fc-button>').and.contain('TLS');
  });
});

describe('<fc-button>: in a form', () => {
  afterEach(() => resetMouse());

  it('submits its form with name=value, like a native submit button', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form action="/nowhere">
        <input name="login_hint" value="marie" />
        <fc-button name="provider" value="franceconnect"></fc-button>
      </form>
    `);
    const el = form.querySelector('fc-button')!;
    expect(el.form).to.equal(form);
    let data: [string, FormDataEntryValue][] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      data = [...new FormData(form)];
    });
    const submitted = oneEvent(form, 'submit');
    await click(inner(el));
    await submitted;
    expect(data).to.deep.equal([
      ['login_hint', 'marie'],
      ['provider', 'franceconnect'],
    ]);
    expect([...new FormData(form)], 'the entry belongs to that submission only').to.deep.equal([
      ['login_hint', 'marie'],
    ]);
  });

  it('an invalid form does not submit, and the user can retry at once', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <input name="email" required />
        <fc-button name="provider" value="fc"></fc-button>
      </form>
    `);
    const el = form.querySelector('fc-button')!;
    const submits = countSubmits(form);
    await click(inner(el));
    expect(submits()).to.equal(0);
    form.querySelector('input')!.value = 'a@b.fr';
    await click(inner(el));
    expect(submits()).to.equal(1);
  });

  it('a disabled fieldset disables it; disabled does nothing and is not focusable', async () => {
    const form = await fixture<HTMLFormElement>(html`
      <form>
        <input id="before" />
        <fieldset disabled><fc-button name="p" value="fc"></fc-button></fieldset>
        <input id="after" />
      </form>
    `);
    const el = form.querySelector('fc-button')!;
    await el.updateComplete;
    expect(inner(el).disabled).to.equal(true);
    const submits = countSubmits(form);
    await click(inner(el));
    expect(submits()).to.equal(0);
    form.querySelector<HTMLInputElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement!.id, 'Tab skips the disabled button').to.equal('after');
  });
});

describe('<fc-button>: its form is its own form owner, or the one it is given (targetForm)', () => {
  /** A component of another library: a shadow root around the button, and a `form` property. */
  class FormHost extends HTMLElement {
    form: HTMLFormElement | null = null;
    constructor() {
      super();
      this.attachShadow({ mode: 'open' }).innerHTML = '<fc-button name="provider" value="fc"></fc-button>';
    }
  }
  if (!customElements.get('test-form-host')) customElements.define('test-form-host', FormHost);

  it('submits no form through a shadow host that merely has a `form` property', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><test-form-host></test-form-host></form>`);
    const host = form.querySelector<FormHost>('test-form-host')!;
    host.form = form;
    const el = host.shadowRoot!.querySelector('fc-button')!;
    const submits = countSubmits(form);
    let activations = 0;
    el.addEventListener('fc-activate', () => (activations += 1));
    el.click();
    expect(el.form).to.equal(null);
    expect(submits(), 'someone else’s form is not submitted').to.equal(0);
    expect(activations, 'nowhere to go: no activation').to.equal(0);
  });

  it('targetForm: the form a component hands the button in its shadow root, with name=value', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><input name="login_hint" value="marie" /><test-form-host></test-form-host></form>`);
    const el = form.querySelector('test-form-host')!.shadowRoot!.querySelector('fc-button')!;
    el.targetForm = form;
    expect(el.form).to.equal(form);
    const data: Array<[string, FormDataEntryValue]>[] = [];
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      data.push([...new FormData(form)]);
    });
    el.click();
    expect(data).to.deep.equal([
      [
        ['login_hint', 'marie'],
        ['provider', 'fc'],
      ],
    ]);
  });

  it('its own form owner comes first, and a targetForm that is not a form is no form', async () => {
    const [own, other] = [document.createElement('form'), document.createElement('form')];
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(own, other);
    const el = document.createElement('fc-button');
    own.append(el);
    el.targetForm = other;
    expect(el.form).to.equal(own);
    el.remove();
    expect(el.form).to.equal(other);
    (el as unknown as { targetForm: unknown }).targetForm = 'other';
    expect(el.form).to.equal(null);
  });
});

describe('<fc-button>: keyboard', () => {
  it('Tab reaches it, Enter and Space activate it, focus() focuses it', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div><input id="before" /><fc-button href="/auth"></fc-button></div>
    `);
    const el = wrapper.querySelector('fc-button')!;
    const keys: string[] = [];
    el.addEventListener('fc-activate', (e) => {
      e.preventDefault();
      keys.push('activated');
    });
    wrapper.querySelector<HTMLInputElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    await sendKeys({ press: 'Enter' });
    expect(keys).to.have.length(1);
    // Busy after the first activation: wait it out.
    await guardEnds(el);
    // ' ' rather than 'Space': the name every driver knows (BiDi and WebDriver reject 'Space').
    await sendKeys({ press: ' ' });
    expect(keys).to.have.length(2);
    inner(el).blur();
    // focus() and blur() on the element reach the inner button (delegatesFocus).
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    el.blur();
    expect(el.shadowRoot!.activeElement).to.equal(null);
  });

  it('a disabled button does nothing', async () => {
    const el = await fixture<FcButton>(html`<fc-button disabled href="/auth"></fc-button>`);
    let activated = 0;
    el.addEventListener('fc-activate', () => (activated += 1));
    await click(inner(el));
    inner(el).click();
    expect(activated).to.equal(0);
  });
});

describe('<fc-button>: properties and attributes', () => {
  it('reflects variant, plus, theme and disabled', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    el.variant = 'data';
    el.plus = true;
    el.theme = 'dark';
    el.disabled = true;
    await el.updateComplete;
    expect(el.getAttribute('variant')).to.equal('data');
    expect(el.hasAttribute('plus')).to.equal(true);
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(el.hasAttribute('disabled')).to.equal(true);
    el.setAttribute('variant', 'login');
    el.removeAttribute('plus');
    await el.updateComplete;
    expect(el.variant).to.equal('login');
    expect(el.plus).to.equal(false);
    expect(el.getBoundingClientRect().width).to.equal(209);
  });

  it('hidden hides it', async () => {
    const el = await fixture<FcButton>(html`<fc-button hidden></fc-button>`);
    expect(getComputedStyle(el).display).to.equal('none');
  });
});
