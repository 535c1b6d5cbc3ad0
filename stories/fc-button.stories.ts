import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/fc-button.js';

interface Args {
  provider: 'franceconnect' | 'proconnect';
  variant: 'login' | 'data';
  plus: boolean;
  theme: 'system' | 'light' | 'dark';
  href?: string;
  disabled: boolean;
  scale: number;
}

/** The page behind a story, so that the dark theme is shown on a dark page. */
const page = (theme: Args['theme'], content: unknown) =>
  html`<div
    style="padding:24px;background:${theme === 'dark' ? '#161616' : theme === 'light' ? '#ffffff' : 'Canvas'}"
  >
    ${content}
  </div>`;

const meta: Meta<Args> = {
  title: 'Éléments/fc-button',
  component: 'fc-button',
  // Controls for the element's own attributes come from custom-elements.json.
  argTypes: {
    scale: { control: { type: 'range', min: 1, max: 3, step: 0.25 }, name: '--fc-button-scale' },
  },
  args: {
    provider: 'franceconnect',
    variant: 'login',
    plus: false,
    theme: 'system',
    href: undefined,
    disabled: false,
    scale: 1,
  },
  render: (args) =>
    page(
      args.theme,
      html`<fc-button
        provider=${args.provider}
        variant=${args.variant}
        ?plus=${args.plus}
        theme=${args.theme}
        href=${ifDefined(args.href || undefined)}
        ?disabled=${args.disabled}
        style=${args.scale === 1 ? '' : `--fc-button-scale:${args.scale}`}
        @fc-activate=${(e: Event) => e.preventDefault()}
      ></fc-button>`,
    ),
};
export default meta;

type Story = StoryObj<Args>;

export const Connexion: Story = {};
export const ConnexionClair: Story = { name: 'Connexion, thème clair', args: { theme: 'light' } };
export const ConnexionSombre: Story = { name: 'Connexion, thème sombre', args: { theme: 'dark' } };
export const Donnees: Story = { name: 'Récupérer ses données', args: { variant: 'data' } };
export const DonneesSombre: Story = {
  name: 'Récupérer ses données, thème sombre',
  args: { variant: 'data', theme: 'dark' },
};
export const Plus: Story = { name: 'FranceConnect+', args: { plus: true } };
export const PlusSombre: Story = { name: 'FranceConnect+, thème sombre', args: { plus: true, theme: 'dark' } };
export const Desactive: Story = { name: 'Désactivé', args: { disabled: true } };
export const DesactiveSombre: Story = {
  name: 'Désactivé, thème sombre',
  args: { disabled: true, theme: 'dark' },
};
export const Agrandi: Story = { name: 'Agrandi (homothétie ×1,5)', args: { scale: 1.5 } };

// ProConnect (docs/qualification.md#proconnect): one button, 214 × 56, in both themes.
export const ProConnect: Story = { name: 'ProConnect', args: { provider: 'proconnect' } };
export const ProConnectClair: Story = { name: 'ProConnect, thème clair', args: { provider: 'proconnect', theme: 'light' } };
export const ProConnectSombre: Story = { name: 'ProConnect, thème sombre', args: { provider: 'proconnect', theme: 'dark' } };
export const ProConnectDesactive: Story = {
  name: 'ProConnect, désactivé',
  args: { provider: 'proconnect', disabled: true, theme: 'light' },
};
export const ProConnectDesactiveSombre: Story = {
  name: 'ProConnect, désactivé, thème sombre',
  args: { provider: 'proconnect', disabled: true, theme: 'dark' },
};
export const ProConnectAgrandi: Story = {
  name: 'ProConnect, agrandi (homothétie ×1,5)',
  args: { provider: 'proconnect', scale: 1.5 },
};

/** Every variant in both themes, side by side, for a designer's review. */
export const Toutes: Story = {
  name: 'Toutes les variantes',
  render: () =>
    html`${(['light', 'dark'] as const).map((theme) =>
      page(
        theme,
        html`<div style="display:grid;grid-template-columns:repeat(2,max-content);gap:16px">
          ${[false, true].map(
            (plus) => html`${(['login', 'data'] as const).map(
              (variant) => html`<fc-button variant=${variant} ?plus=${plus} theme=${theme}></fc-button>`,
            )}`,
          )}
          <fc-button provider="proconnect" theme=${theme}></fc-button>
        </div>`,
      ),
    )}`,
};
