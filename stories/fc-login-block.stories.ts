import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/index.js';
import { checklistLoginPage } from './pages/checklist-login.js';

interface Args {
  section: 'connexion' | 'inscription';
  provider: 'franceconnect' | 'proconnect';
  variant: 'login' | 'data';
  plus: boolean;
  theme: 'system' | 'light' | 'dark';
  heading?: string;
  'heading-level': number;
  'no-heading': boolean;
  disabled: boolean;
  withOthers: boolean;
}

const background = (theme: Args['theme']) =>
  theme === 'dark' ? 'background:#161616;color:#eeeeee' : theme === 'light' ? 'background:#ffffff;color:#161616' : '';

/** The service's own ways in, as a page would slot them (the qualification checklist's mock-up, docs/qualification.md). */
const others = html`
  <p style="font-weight:700;margin:0 0 8px">Vous avez déjà un compte ?</p>
  <p style="margin:0 0 24px"><a href="#connexion" style="color:inherit">Se connecter avec un identifiant</a></p>
  <p style="font-weight:700;margin:0 0 8px">Première visite ?</p>
  <p style="margin:0"><a href="#inscription" style="color:inherit">Créer mon compte</a></p>
`;

const meta: Meta<Args> = {
  title: 'Éléments/fc-login-block',
  component: 'fc-login-block',
  // Controls for the element's own attributes come from custom-elements.json.
  argTypes: {
    withOthers: { control: 'boolean', name: 'autres moyens (slot)' },
  },
  args: {
    section: 'connexion',
    provider: 'franceconnect',
    variant: 'login',
    plus: false,
    theme: 'system',
    heading: undefined,
    'heading-level': 2,
    'no-heading': false,
    disabled: false,
    withOthers: true,
  },
  render: (args) => html`<div style="box-sizing:border-box;width:min(440px,100vw);padding:24px;font-family:arial,sans-serif;${background(args.theme)}">
    <fc-login-block
      section=${args.section}
      provider=${args.provider}
      variant=${args.variant}
      ?plus=${args.plus}
      theme=${args.theme}
      heading=${ifDefined(args.heading || undefined)}
      heading-level=${args['heading-level']}
      ?no-heading=${args['no-heading']}
      ?disabled=${args.disabled}
      href="#authorize"
      @fc-activate=${(e: Event) => e.preventDefault()}
      >${args.withOthers ? others : ''}</fc-login-block
    >
  </div>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Connexion: Story = {};
export const Inscription: Story = { args: { section: 'inscription' } };
export const Donnees: Story = { name: 'Récupérer ses données', args: { variant: 'data' } };
export const Plus: Story = { name: 'FranceConnect+', args: { plus: true } };
export const Sombre: Story = { name: 'Thème sombre', args: { theme: 'dark' } };
export const InscriptionSombre: Story = {
  name: 'Inscription, thème sombre',
  args: { section: 'inscription', theme: 'dark' },
};
export const SansAutreMoyen: Story = { name: 'Seul (sans séparateur)', args: { withOthers: false } };

export const ProConnect: Story = { name: 'ProConnect', args: { provider: 'proconnect' } };
export const ProConnectSombre: Story = { name: 'ProConnect, thème sombre', args: { provider: 'proconnect', theme: 'dark' } };
export const ProConnectInscription: Story = {
  name: 'ProConnect, inscription',
  args: { provider: 'proconnect', section: 'inscription' },
};
export const ProConnectSeul: Story = { name: 'ProConnect, seul (sans séparateur)', args: { provider: 'proconnect', withOthers: false } };

/**
 * A service for the public and for agents (docs/qualification.md#both): two sections,
 * one per audience, each its own block. FranceConnect is the first way in of the public's
 * section (rules 5 and 6), ProConnect the first of the agents' (« ProConnect en priorité »),
 * each above its own « OU » and the service's other ways in; never one under the other's line.
 */
const bothPage = (theme: 'light' | 'dark') => html`<div
  style="box-sizing:border-box;display:flex;flex-wrap:wrap;gap:48px;padding:24px;font-family:arial,sans-serif;${background(theme)}"
>
  <section aria-labelledby="public-${theme}" style="flex:1 1 320px;max-width:440px">
    <p id="public-${theme}" style="margin:0 0 16px;font-size:14px">Vous êtes un particulier</p>
    <fc-login-block theme=${theme} heading="Se connecter en tant que particulier" href="#franceconnect" @fc-activate=${(e: Event) => e.preventDefault()}>
      <p style="margin:0"><a href="#compte" style="color:inherit">Se connecter avec un identifiant</a></p>
    </fc-login-block>
  </section>
  <section aria-labelledby="agent-${theme}" style="flex:1 1 320px;max-width:440px">
    <p id="agent-${theme}" style="margin:0 0 16px;font-size:14px">Vous êtes un agent ou un professionnel</p>
    <fc-login-block provider="proconnect" theme=${theme} heading="Se connecter en tant que professionnel" href="#proconnect" @fc-activate=${(e: Event) => e.preventDefault()}>
      <p style="margin:0"><a href="#agent" style="color:inherit">Se connecter avec un compte agent</a></p>
    </fc-login-block>
  </section>
</div>`;
export const PageDeuxPublics: Story = {
  name: 'Page pour les particuliers et les agents (FranceConnect et ProConnect)',
  parameters: { layout: 'fullscreen' },
  render: () => bothPage('light'),
};
export const PageDeuxPublicsSombre: Story = {
  name: 'Page pour les particuliers et les agents, thème sombre',
  parameters: { layout: 'fullscreen' },
  render: () => bothPage('dark'),
};

/** The checklist's mock-up login page: FranceConnect first, the service's own form below "OU". */
export const PageChecklistLogin: Story = {
  name: 'Page de connexion (maquette de qualification)',
  parameters: { layout: 'fullscreen' },
  render: () => checklistLoginPage('light'),
};
export const PageChecklistLoginSombre: Story = {
  name: 'Page de connexion (maquette de qualification), thème sombre',
  parameters: { layout: 'fullscreen' },
  render: () => checklistLoginPage('dark'),
};
