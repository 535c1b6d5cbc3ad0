import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/define/fc-button.js';
import type { FcButton } from '../src/define/fc-button.js';
import { centre, hex, resetMouse } from './helpers.js';

// The oracle: DSFR's own .fr-connect button, styled by DSFR's own CSS, in the same
// page. Our colours must be DSFR's, state by state, in both themes.
describe('<fc-button> against DSFR’s .fr-connect', () => {
  before(async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
    const loaded = oneEvent(link, 'load');
    document.head.append(link);
    await loaded;
  });
  after(() => document.documentElement.removeAttribute('data-fr-theme'));
  afterEach(async () => {
    await sendMouse({ type: 'up' }).catch(() => undefined);
    await resetMouse();
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const state of ['static', 'hover', 'active', 'disabled'] as const) {
      it(`${theme} ${state}: same background and text colours`, async () => {
        document.documentElement.setAttribute('data-fr-theme', theme);
        const disabled = state === 'disabled';
        const root = await fixture<HTMLDivElement>(html`
          <div style="display:flex;gap:16px;padding:16px">
            <button class="fr-connect" ?disabled=${disabled}>
              <span class="fr-connect__login">S’identifier avec</span>
              <span class="fr-connect__brand">FranceConnect</span>
            </button>
            <fc-button ?disabled=${disabled}></fc-button>
          </div>
        `);
        const el = root.querySelector<FcButton>('fc-button')!;
        await el.updateComplete;
        const ours = el.shadowRoot!.querySelector('button')!;
        const theirs = root.querySelector<HTMLButtonElement>('.fr-connect')!;

        const read = async (target: HTMLElement) => {
          if (state === 'hover' || state === 'active') {
            await sendMouse({ type: 'move', position: centre(target) });
          }
          if (state === 'active') await sendMouse({ type: 'down' });
          const style = getComputedStyle(target);
          const result = { bg: hex(style.backgroundColor), fg: hex(style.color) };
          if (state === 'active') await sendMouse({ type: 'up' });
          return result;
        };
        const dsfr = await read(theirs);
        const mine = await read(ours);
        expect(mine).to.deep.equal(dsfr);
      });
    }
  }
});
