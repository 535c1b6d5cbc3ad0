import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import '../src/index.js';
// The plain-HTML examples themselves (examples/plain), so that what designers
// review here is the page the tests open and the README shows.
import loginPage from '../examples/plain/login.html?raw';
import signupPage from '../examples/plain/signup.html?raw';
import profilePage from '../examples/plain/profile.html?raw';
import siteCss from '../examples/plain/site.css?raw';

/** The example's header and main, with its stylesheet; its own <script> is not needed here. */
function examplePage(source: string) {
  const doc = new DOMParser().parseFromString(source, 'text/html');
  const body = [doc.querySelector('header'), doc.querySelector('main')].map((el) => el?.outerHTML ?? '');
  return html`<style>
      ${siteCss}
    </style>
    <div>${unsafeHTML(body.join(''))}</div>`;
}

/**
 * A whole journey, page by page, as FranceConnect's qualification walks through it:
 * log in (rules 1, 2, 5, 6, 7), sign up (rules 3, 4, 10), then the profile where the
 * pivot identity cannot be edited (rules 14, 15, 16).
 */
const meta: Meta = {
  title: 'Parcours complet',
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj;

export const Connexion: Story = { name: '1. Connexion', render: () => examplePage(loginPage) };
export const Inscription: Story = { name: '2. Inscription', render: () => examplePage(signupPage) };
export const Profil: Story = { name: '3. Profil', render: () => examplePage(profilePage) };
