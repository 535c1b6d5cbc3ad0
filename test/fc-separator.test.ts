import { expect, fixture, html } from '@open-wc/testing';
import '../src/define/fc-separator.js';
import type { FcSeparator } from '../src/define/fc-separator.js';
import { SPEC_COLOURS, hex } from './helpers.js';

describe('<fc-separator>', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: "ou" in the DOM, shown in capitals, between two 1 px lines`, async () => {
      const wrapper = await fixture<HTMLDivElement>(html`
        <div style="width:300px;padding:8px;background:${SPEC_COLOURS[theme].page}">
          <fc-separator theme=${theme}></fc-separator>
        </div>
      `);
      const el = wrapper.querySelector<FcSeparator>('fc-separator')!;
      const p = el.shadowRoot!.querySelector('p')!;
      expect(p.textContent!.trim()).to.equal('ou');
      expect(getComputedStyle(p).textTransform).to.equal('uppercase');
      const label = el.shadowRoot!.querySelector('p > span')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      // Centred: the word's middle is the separator's middle.
      expect(label.left + label.width / 2).to.be.closeTo(box.left + box.width / 2, 1);
      for (const side of ['::before', '::after']) {
        const line = getComputedStyle(p, side);
        expect(line.borderTopWidth).to.equal('1px');
        expect(hex(line.borderTopColor)).to.equal(SPEC_COLOURS[theme].separator);
        expect(parseFloat(line.width)).to.be.greaterThan(100);
      }
      await expect(wrapper).to.be.accessible();
    });
  }

  it('label sets another word; a blank label keeps "ou"', async () => {
    const el = await fixture<FcSeparator>(html`<fc-separator label="ou bien"></fc-separator>`);
    expect(el.shadowRoot!.textContent!.trim()).to.equal('ou bien');
    el.label = '  ';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent!.trim()).to.equal('ou');
  });
});
