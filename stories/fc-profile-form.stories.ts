import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/fc-profile-form.js';
import type { FcIdentity } from '../src/define/fc-profile-form.js';
import fixtures from '../test/fixtures/identities.json' with { type: 'json' };

const IDENTITIES = fixtures.identities as Record<string, FcIdentity>;

interface Args {
  fixture: keyof typeof fixtures.identities | 'aucune';
  theme: 'system' | 'light' | 'dark';
  showError: boolean;
}

// A page would supply its own names; these few are here to show the callback.
const PLACES: Record<string, string> = { '69123': 'Lyon', '2A004': 'Ajaccio', '75056': 'Paris', '99350': 'Maroc' };

const meta: Meta<Args> = {
  title: 'Éléments/fc-profile-form',
  component: 'fc-profile-form',
  argTypes: {
    fixture: { control: 'select', options: ['aucune', ...Object.keys(fixtures.identities)], name: 'identité' },
    showError: { control: 'boolean', name: 'erreur de validation' },
  },
  args: { fixture: 'simple', theme: 'light', showError: false },
  render: (args) => html`<form
    style="box-sizing:border-box;width:min(480px,100vw);padding:24px;font-family:arial,sans-serif;background:${args.theme === 'dark' ? '#161616' : '#ffffff'}"
    @submit=${(e: Event) => e.preventDefault()}
  >
    <fc-profile-form
      theme=${args.theme}
      .identity=${args.fixture === 'aucune' ? null : IDENTITIES[args.fixture]}
      .placeName=${(_kind: string, code: string) => PLACES[code]}
    ></fc-profile-form>
    <button style="margin-top:8px">Enregistrer</button>
  </form>`,
  // The error story types a bad address, then asks for validation as a submit would.
  play: async ({ canvasElement, args }) => {
    if (!args.showError) return;
    const el = canvasElement.querySelector('fc-profile-form')!;
    await el.updateComplete;
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('[data-claim="email"]')!;
    email.value = 'marie.clement@';
    email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    el.checkValidity();
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Simple: Story = { name: 'Identité FranceConnect' };
export const NomUsage: Story = { name: 'Avec nom d’usage', args: { fixture: 'usage_name' } };
export const Etranger: Story = { name: 'Né(e) à l’étranger', args: { fixture: 'born_abroad' } };
export const NomsLongs: Story = { name: 'Noms longs', args: { fixture: 'long_names' } };
export const Hostile: Story = { name: 'Données hostiles (affichées en texte)', args: { fixture: 'hostile' } };
export const SansIdentite: Story = { name: 'Sans identité (saisie manuelle)', args: { fixture: 'aucune' } };
export const Sombre: Story = { name: 'Thème sombre', args: { theme: 'dark' } };
export const Erreur: Story = { name: 'Erreur de validation', args: { showError: true } };
