import { html } from 'lit';
import '../../src/index.js';

/**
 * The login page of the qualification checklist's mock-up (docs/qualification.md) ("Utilisez FranceConnect"…"ou"…"Vous avez
 * déjà un compte ?"…"Première visite ? Créer mon compte"): FranceConnect first, the
 * service's own e-mail and password form below the separator. Used by the stories
 * and by the tests, so that what designers see is what is checked.
 */
export const checklistLoginPage = (theme: 'light' | 'dark' = 'light') => html`<div>
  <style>
    .fc-demo-page { box-sizing: border-box; max-width: 480px; margin: 0 auto; padding: 24px 16px;
      font-family: arial, sans-serif; color: #161616; background: #ffffff; }
    .fc-demo-page.dark { color: #eeeeee; background: #161616; }
    .fc-demo-page h1 { font-size: 28px; line-height: 36px; margin: 0 0 24px; }
    .fc-demo-page h3 { font-size: 18px; line-height: 24px; margin: 0 0 8px; }
    .fc-demo-page .local { margin: 0 0 32px; }
    .fc-demo-page label { display: block; margin-top: 12px; font-size: 14px; }
    .fc-demo-page input { display: block; box-sizing: border-box; width: 100%; max-width: 320px;
      padding: 8px; font: inherit; border: 1px solid #666666; }
    .fc-demo-page .local button { margin-top: 16px; padding: 8px 16px; border: 0; font: inherit;
      background: #000091; color: #f5f5fe; cursor: pointer; }
    .fc-demo-page a { color: #000091; }
    .fc-demo-page.dark a { color: #8585f6; }
    .fc-demo-page.dark .local button { background: #8585f6; color: #000091; }
    .fc-demo-page.dark input { background: #1e1e1e; color: #eeeeee; border-color: #929292; }
    .fc-demo-page :focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
  </style>
  <main class="fc-demo-page ${theme}">
    <h1>Connexion à Mon service public</h1>
    <fc-login-block section="connexion" theme=${theme} href="/auth/franceconnect/login">
      <form class="local" action="/session" method="post">
        <h3>Vous avez déjà un compte ?</h3>
        <label for="fc-demo-email">Adresse électronique</label>
        <input id="fc-demo-email" name="email" type="email" autocomplete="email" required />
        <label for="fc-demo-password">Mot de passe</label>
        <input id="fc-demo-password" name="password" type="password"
          autocomplete="current-password" required />
        <button type="submit">Se connecter</button>
      </form>
      <h3>Première visite ?</h3>
      <a href="/inscription">Créer mon compte</a>
    </fc-login-block>
  </main>
</div>`;
