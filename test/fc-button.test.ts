import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../src/define/fc-button.js';
import type { FcButton } from '../src/define/fc-button.js';
import {
  SPEC_COLOURS,
  ENGINE,
  accessibleDescription,
  emulateMedia,
  itIn,
  captureConsole,
  centre,
  contrast,
  hex,
  naturalWidth,
  resetMouse,
} from './helpers.js';

type Theme = 'light' | 'dark';
type State = 'static' | 'hover' | 'active' | 'focus-visible' | 'disabled';

const part = (el: FcButton, name: string) =>
  el.shadowRoot!.querySelector(`.${name}`) as HTMLElement;

/** A test stage: the element on its theme's page background, padded so the focus ring shows. */
async function stage(variant: string, plus: boolean, theme: Theme, disabled = false) {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div
      id="stage"
      style="display:inline-block;padding:8px;background:${SPEC_COLOURS[theme].page}"
    >
      <fc-button variant=${variant} ?plus=${plus} theme=${theme} ?disabled=${disabled}></fc-button>
    </div>
  `);
  const el = wrapper.querySelector('fc-button')!;
  await el.updateComplete;
  return { wrapper, el };
}

async function enter(el: FcButton, state: State) {
  const button = part(el, 'button');
  if (state === 'hover') await sendMouse({ type: 'move', position: centre(button) });
  if (state === 'active') {
    await sendMouse({ type: 'move', position: centre(button) });
    await sendMouse({ type: 'down' });
  }
  if (state === 'focus-visible') {
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
  }
}

const TEXT = {
  login: ['S’identifier avec', 'FranceConnect'],
  data: ['Récupérer ses données', 'avec', 'FranceConnect'],
};

describe('<fc-button>: every variant × plus × theme × state', () => {
  afterEach(async () => {
    await sendMouse({ type: 'up' }).catch(() => undefined);
    await resetMouse();
  });

  for (const variant of ['login', 'data'] as const) {
    for (const plus of [false, true]) {
      for (const theme of ['light', 'dark'] as const) {
        for (const state of ['static', 'hover', 'active', 'focus-visible', 'disabled'] as const) {
          const name = `fc-button-${variant}${plus ? '-plus' : ''}-${theme}-${state}`;

          // focus-visible is reached with Tab in every engine (WebKit as in Safari with
          // "Press Tab to highlight each item on a webpage": web-test-runner.config.mjs).
          it(name, async () => {
            const { wrapper, el } = await stage(variant, plus, theme, state === 'disabled');
            await enter(el, state);
            const button = part(el, 'button');

            // Size (docs/qualification.md#geometry): 209 × 56, FC+ 245 × 56, host and inner button alike.
            const width = plus ? 245 : 209;
            for (const box of [el.getBoundingClientRect(), button.getBoundingClientRect()]) {
              expect(box.width, 'width').to.equal(width);
              expect(box.height, 'height').to.equal(56);
            }

            // Colours (docs/qualification.md#colours).
            const style = getComputedStyle(button);
            const expected =
              SPEC_COLOURS[theme][state === 'focus-visible' ? 'static' : state];
            expect(hex(style.backgroundColor), 'background').to.equal(expected.bg);
            expect(hex(style.color), 'text').to.equal(expected.fg);

            // Focus: visible ring only on keyboard focus, ≥ 3:1 against the page.
            if (state === 'focus-visible') {
              expect(el.shadowRoot!.activeElement).to.equal(button);
              expect(style.outlineStyle).to.equal('solid');
              expect(style.outlineWidth).to.equal('2px');
              expect(style.outlineOffset).to.equal('2px');
              expect(contrast(hex(style.outlineColor), SPEC_COLOURS[theme].page)).to.be.at.least(3);
            } else {
              expect(style.outlineStyle, 'no ring without keyboard focus').to.equal('none');
            }

            // Texts: exact lines, each fully visible with ≥ 5 % spare width, none under 12 px.
            const lines = [...button.querySelectorAll<HTMLElement>('.line')];
            expect(lines.map((l) => l.textContent!.trim())).to.deep.equal(TEXT[variant]);
            const label = part(el, 'label');
            const room =
              button.getBoundingClientRect().right -
              parseFloat(style.paddingRight) -
              label.getBoundingClientRect().left;
            for (const line of lines) {
              expect(parseFloat(getComputedStyle(line).fontSize)).to.be.at.least(12);
              expect(naturalWidth(line), `"${line.textContent}" spare width`).to.be.at.most(
                room * 0.95,
              );
              expect(line.scrollWidth).to.be.at.most(line.clientWidth);
              const r = line.getBoundingClientRect();
              const b = button.getBoundingClientRect();
              expect(r.top).to.be.at.least(b.top);
              expect(r.bottom).to.be.at.most(b.bottom);
            }
            if (plus) {
              const glyph = button.querySelector('.glyph')!.getBoundingClientRect();
              const lastLine = lines[lines.length - 1].getBoundingClientRect();
              expect(glyph.left, 'the + does not cover the text').to.be.at.least(
                lastLine.left + naturalWidth(lines[lines.length - 1]),
              );
              expect(glyph.right).to.be.at.most(button.getBoundingClientRect().right);
            }

            // Accessible name: the visible text read as one phrase.
            const first = variant === 'login' ? 'S’identifier avec' : 'Récupérer ses données avec';
            const snapshot = accessibleDescription(button);
            expect(snapshot).to.contain(
              `button "${first} FranceConnect${plus ? '+' : ''}"`,
            );
            if (state === 'disabled') expect(snapshot).to.contain('[disabled]');

            await expect(wrapper).to.be.accessible();
            await visualDiff(wrapper, name);
          });
        }
      }
    }
  }
});

describe('<fc-button>: logo', () => {
  /** The largest anti-aliasing difference allowed between two drawings of one shape. */
  const NOISE = ENGINE === 'chromium' ? 16 : 80;
  /**
   * The largest difference of any colour channel between two SVG documents drawn
   * at `scale` × their viewBox (`width` × `height`): 0 to 255.
   */
  async function largestDifference(
    a: string,
    b: string,
    [width, height]: readonly number[],
    scale: number,
  ): Promise<number> {
    const draw = async (svgText: string) => {
      const img = new Image();
      img.src = `data:image/svg+xml,${encodeURIComponent(svgText)}`;
      await img.decode();
      const canvas = new OffscreenCanvas(width * scale, height * scale);
      const context = canvas.getContext('2d')!;
      context.drawImage(img, 0, 0, width * scale, height * scale);
      return context.getImageData(0, 0, width * scale, height * scale).data;
    };
    const [pa, pb] = [await draw(a), await draw(b)];
    let worst = 0;
    for (let i = 0; i < pa.length; i += 1) worst = Math.max(worst, Math.abs(pa[i] - pb[i]));
    return worst;
  }

  /**
   * The inner SVG of an element's logo or glyph, as a standalone document. Its width and
   * height come from the viewBox: without them Firefox gives the image no intrinsic size
   * and draws it at another scale than the official file, which has them.
   */
  const standalone = (svg: Element) => {
    const viewBox = svg.getAttribute('viewBox')!;
    const [, , width, height] = viewBox.split(/[\s,]+/);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${viewBox}">${svg.innerHTML}</svg>`;
  };

  it('draws the DSFR file, pixel for pixel at 1 × and 4 ×, and is decorative', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    const response = await fetch(
      '/node_modules/@gouvfr/dsfr/src/dsfr/component/connect/mockup/logo.svg',
    );
    const officialText = await response.text();
    const official = new DOMParser().parseFromString(officialText, 'image/svg+xml');
    const logo = part(el, 'logo') as unknown as SVGSVGElement;
    // The build rewrites the path data losslessly (SVGO at the file's 3 decimals):
    // same colours, same number of shapes, and the same pixels.
    const fills = (root: ParentNode) =>
      [...root.querySelectorAll('path')].map((p) => p.getAttribute('fill'));
    expect(fills(logo)).to.deep.equal(fills(official));
    expect(fills(logo).length).to.equal(4);
    expect(logo.getAttribute('viewBox')).to.equal(
      official.documentElement.getAttribute('viewBox'),
    );
    for (const scale of [1, 4]) {
      // Anti-aliasing noise only (measured 2/255 at 1 ×, 6/255 at 4 × in Chromium; 26/255
      // in Firefox and 56/255 in WebKit at 4 ×, whose rasterisers treat the rewritten
      // curves a little differently); a moved or dropped shape gives 255.
      const worst = await largestDifference(officialText, standalone(logo), [40, 48], scale);
      expect(worst, `largest channel difference at ${scale} ×`).to.be.at.most(NOISE);
    }
    expect(logo.getAttribute('aria-hidden')).to.equal('true');
    expect(logo.querySelector('title'), 'no tooltip, no second name').to.equal(null);
    const box = logo.getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([40, 48]);
  });

  it('FC+ glyph is the DSFR plus.svg, in the text colour', async () => {
    const el = await fixture<FcButton>(html`<fc-button plus theme="dark"></fc-button>`);
    const response = await fetch(
      '/node_modules/@gouvfr/dsfr/src/dsfr/component/connect/mockup/plus.svg',
    );
    const officialText = await response.text();
    const glyph = el.shadowRoot!.querySelector('.glyph')!;
    // Drawn on its own, the glyph keeps the file's white fill: same pixels as the file.
    for (const scale of [1, 4]) {
      const worst = await largestDifference(officialText, standalone(glyph), [24, 24], scale);
      expect(worst, `largest channel difference at ${scale} ×`).to.be.at.most(NOISE);
    }
    expect(hex(getComputedStyle(glyph.querySelector('path')!).fill)).to.equal('#000091');
  });
});

describe('<fc-button>: homothetic enlargement (--fc-button-scale)', () => {
  for (const [scale, w, h] of [
    [1.5, 313.5, 84],
    [2, 418, 112],
  ] as const) {
    it(`scale ${scale} → ${w} × ${h}, text and logo scaled with it`, async () => {
      const el = await fixture<FcButton>(
        html`<fc-button style="--fc-button-scale:${scale}"></fc-button>`,
      );
      const box = part(el, 'button').getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([w, h]);
      expect(box.width / box.height).to.equal(209 / 56);
      const logo = part(el, 'logo').getBoundingClientRect();
      expect([logo.width, logo.height]).to.deep.equal([40 * scale, 48 * scale]);
      const lines = [...el.shadowRoot!.querySelectorAll('.line')].map((l) =>
        parseFloat(getComputedStyle(l).fontSize),
      );
      expect(lines).to.deep.equal([17 * scale, 18 * scale]);
    });
  }

  it('a scale below 1 is clamped to 1 with one warning', async () => {
    const { result: el, warnings } = await captureConsole(async () => {
      const e = await fixture<FcButton>(html`<fc-button style="--fc-button-scale:0.5"></fc-button>`);
      e.variant = 'data';
      await e.updateComplete;
      // The scale is checked in one task after the buttons render.
      await new Promise((resolve) => setTimeout(resolve));
      return e;
    });
    const box = part(el, 'button').getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([209, 56]);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-button>').and.contain('0.5');
  });

  it('a value that is not a number leaves the button at 209 × 56', async () => {
    const el = await fixture<FcButton>(html`<fc-button style="--fc-button-scale:big"></fc-button>`);
    const box = part(el, 'button').getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([209, 56]);
  });
});

describe('<fc-button>: bad attribute values', () => {
  it('an unknown variant falls back to login with one warning naming it', async () => {
    const { result: el, warnings } = await captureConsole(async () => {
      const e = await fixture<FcButton>(html`<fc-button variant="big"></fc-button>`);
      e.requestUpdate();
      await e.updateComplete;
      return e;
    });
    expect(part(el, 'button').getAttribute('aria-label')).to.equal('S’identifier avec FranceConnect');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<fc-button>').and.contain('"big"').and.contain('"login"');
  });

  it('an unknown theme falls back to system with one warning', async () => {
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    try {
      const { result: el, warnings } = await captureConsole(() =>
        fixture<FcButton>(html`<fc-button theme="purple"></fc-button>`),
      );
      expect(hex(getComputedStyle(part(el, 'button')).backgroundColor)).to.equal('#8585f6');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('<fc-button>').and.contain('"purple"');
    } finally {
      document.documentElement.removeAttribute('data-fr-theme');
    }
  });
});

describe('<fc-button>: theme choice (docs/qualification.md#theme)', () => {
  afterEach(async () => {
    document.documentElement.removeAttribute('data-fr-theme');
    if (ENGINE === 'chromium') await emulateMedia({ colorScheme: 'light' });
  });

  const bg = (el: FcButton) => hex(getComputedStyle(part(el, 'button')).backgroundColor);

  it('system follows data-fr-theme on <html>, at once', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    expect(bg(el)).to.equal('#000091');
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(bg(el)).to.equal('#8585f6');
    document.documentElement.setAttribute('data-fr-theme', 'light');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(bg(el)).to.equal('#000091');
  });

  // WebDriver BiDi (Firefox) and WebDriver classic (WebKit) cannot emulate media features.
  itIn(['chromium'], 'system follows prefers-color-scheme when the page has no DSFR theme (Chromium: media emulation)', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    // The media query's change event comes within a frame or two.
    await emulateMedia({ colorScheme: 'dark' });
    await waitUntil(() => bg(el) === '#8585f6', 'repaints dark', { timeout: 1000 });
    await emulateMedia({ colorScheme: 'light' });
    await waitUntil(() => bg(el) === '#000091', 'repaints light', { timeout: 1000 });
  });

  itIn(['chromium'], 'data-fr-theme wins over prefers-color-scheme; an explicit theme wins over both (Chromium: media emulation)', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.setAttribute('data-fr-theme', 'light');
    const system = await fixture<FcButton>(html`<fc-button></fc-button>`);
    const light = await fixture<FcButton>(html`<fc-button theme="light"></fc-button>`);
    expect(bg(system)).to.equal('#000091');
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await new Promise((r) => setTimeout(r));
    await system.updateComplete;
    expect(bg(system)).to.equal('#8585f6');
    expect(bg(light)).to.equal('#000091');
  });
});

describe('<fc-button>: forced colours', () => {
  afterEach(async () => {
    if (ENGINE === 'chromium') await emulateMedia({ forcedColors: 'none' });
  });

  itIn(['chromium'], 'keeps a visible 1px border and its size (Chromium: media emulation)', async () => {
    const el = await fixture<FcButton>(html`<fc-button></fc-button>`);
    await emulateMedia({ forcedColors: 'active' });
    const style = getComputedStyle(part(el, 'button'));
    expect(style.borderTopStyle).to.equal('solid');
    expect(style.borderTopWidth).to.equal('1px');
    const box = part(el, 'button').getBoundingClientRect();
    expect([box.width, box.height]).to.deep.equal([209, 56]);
  });
});
