import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/fc-account.js';
import type { FcIdentity } from '../src/define/fc-account.js';
import fixtures from '../test/fixtures/identities.json' with { type: 'json' };
import agents from '../test/fixtures/agents.json' with { type: 'json' };

const IDENTITIES = fixtures.identities as Record<string, FcIdentity>;

interface Args {
  fixture: keyof typeof fixtures.identities | 'aucune';
  theme: 'system' | 'light' | 'dark';
  width: number;
}

const meta: Meta<Args> = {
  title: 'Éléments/fc-account',
  component: 'fc-account',
  argTypes: {
    fixture: { control: 'select', options: ['aucune', ...Object.keys(fixtures.identities)], name: 'identité' },
    width: { control: { type: 'range', min: 240, max: 960, step: 8 }, name: 'largeur disponible (px)' },
  },
  args: { fixture: 'simple', theme: 'light', width: 640 },
  // A header's tools area, right-aligned, as wide as the control says.
  render: (args) => html`<div
    style="box-sizing:border-box;width:min(${args.width}px,100vw);padding:8px 16px;font-family:arial,sans-serif;background:${args.theme === 'dark' ? '#161616' : '#ffffff'}"
  >
    <fc-account
      theme=${args.theme}
      profile-href="#profil"
      logout-href="/deconnexion"
      .identity=${args.fixture === 'aucune' ? null : IDENTITIES[args.fixture]}
    ></fc-account>
  </div>`,
  // "Se déconnecter" posts a real form; in Storybook there is no route to post to.
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('fc-account')!;
    await el.updateComplete;
    el.shadowRoot!.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Simple: Story = { name: 'Prénoms et nom' };
export const NomUsage: Story = { name: 'Avec nom d’usage (affiché à la place du nom de naissance)', args: { fixture: 'usage_name' } };
export const NomsLongs: Story = { name: 'Noms longs (passent à la ligne)', args: { fixture: 'long_names' } };
export const Initiales: Story = { name: 'Place réduite : initiales', args: { width: 320 } };
export const Hostile: Story = { name: 'Données hostiles (affichées en texte)', args: { fixture: 'hostile' } };
export const SansIdentite: Story = { name: 'Sans identité : « Connecté »', args: { fixture: 'aucune' } };
export const Sombre: Story = { name: 'Thème sombre', args: { theme: 'dark' } };
export const SombreInitiales: Story = { name: 'Thème sombre, initiales', args: { theme: 'dark', width: 320 } };

/** An agent logged in with ProConnect: given_name, usual_name, then organization_label. */
const agent = (name: keyof typeof agents.agents, theme: 'light' | 'dark' = 'light', width = 640) => html`<div
  style="box-sizing:border-box;width:min(${width}px,100vw);padding:8px 16px;font-family:arial,sans-serif;background:${theme === 'dark' ? '#161616' : '#ffffff'}"
>
  <fc-account
    provider="proconnect"
    theme=${theme}
    profile-href="#profil"
    logout-href="/deconnexion"
    .identity=${agents.agents[name] as FcIdentity}
  ></fc-account>
</div>`;
export const ProConnectAgent: Story = { name: 'ProConnect : agent et organisation', render: () => agent('simple') };
export const ProConnectSansOrganisation: Story = { name: 'ProConnect : agent sans organisation', render: () => agent('without_organization') };
export const ProConnectHostile: Story = { name: 'ProConnect : données hostiles (affichées en texte)', render: () => agent('hostile') };
export const ProConnectSombre: Story = { name: 'ProConnect : thème sombre', render: () => agent('simple', 'dark') };
export const ProConnectInitiales: Story = { name: 'ProConnect : place réduite, initiales', render: () => agent('simple', 'light', 320) };
