import { expect, fixture, html } from '@open-wc/testing';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/define/fc-button.js';
import type { FcButton } from '../src/define/fc-button.js';

// A page that does everything that usually leaks into components: root font size,
// inherited typography, global box-sizing and margins, text effects.
const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  body {
    font: italic 100 30px/3 Georgia, "DejaVu Serif", serif;
    letter-spacing: 0.2em; word-spacing: 1em; text-transform: uppercase;
    text-align: right; text-indent: 40px; text-shadow: 2px 2px red;
    white-space: pre; font-size-adjust: 0.9; color: red; cursor: help;
    -webkit-text-fill-color: red; font-variant: small-caps; direction: rtl;
  }
  *, *::before, *::after { box-sizing: content-box !important; }
  button, span, svg { padding: 20px !important; font-size: 40px !important; border: 3px solid red; }
`;

const part = (el: FcButton, name: string) =>
  el.shadowRoot!.querySelector(`.${name}`) as HTMLElement;

describe('<fc-button> on a hostile page', () => {
  let style: HTMLStyleElement | undefined;
  afterEach(() => style?.remove());

  for (const variant of ['login', 'data'] as const) {
    const name = `fc-button-bare-${variant}-light`;

    it(`${variant}: reference rendering on a plain page`, async () => {
      const el = await fixture<FcButton>(html`<fc-button variant=${variant} theme="light"></fc-button>`);
      await visualDiff(part(el, 'button'), name);
    });

    it(`${variant}: the same size, typography and pixels on a hostile page`, async () => {
      style = document.createElement('style');
      style.textContent = HOSTILE_CSS;
      document.head.append(style);
      const el = await fixture<FcButton>(html`<fc-button variant=${variant} theme="light"></fc-button>`);
      const button = part(el, 'button');
      const box = button.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([209, 56]);
      const host = el.getBoundingClientRect();
      expect([host.width, host.height]).to.deep.equal([209, 56]);
      const line = getComputedStyle(button.querySelector('.line')!);
      expect(line.fontFamily).to.equal('Marianne, arial, sans-serif');
      expect(line.fontSize).to.equal(variant === 'login' ? '17px' : '12px');
      expect(line.fontStyle).to.equal('normal');
      expect(line.textTransform).to.equal('none');
      expect(line.letterSpacing).to.equal('normal');
      expect(line.textShadow).to.equal('none');
      const logo = part(el, 'logo').getBoundingClientRect();
      expect([logo.width, logo.height]).to.deep.equal([40, 48]);
      await visualDiff(button, name);
    });
  }
});
