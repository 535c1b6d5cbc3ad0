import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/fc-separator.js';

interface Args {
  label: string;
  theme: 'system' | 'light' | 'dark';
}

const meta: Meta<Args> = {
  title: 'Éléments/fc-separator',
  component: 'fc-separator',
  args: { label: 'ou', theme: 'light' },
  render: (args) => html`<div
    style="width:320px;padding:16px;background:${args.theme === 'dark' ? '#161616' : '#ffffff'}"
  >
    <fc-separator label=${args.label} theme=${args.theme}></fc-separator>
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;
export const Clair: Story = { name: 'Thème clair' };
export const Sombre: Story = { name: 'Thème sombre', args: { theme: 'dark' } };
