// The local ProConnect's own pages: the login page (ProConnect's « mire », with the
// identity provider's choice of an agent folded in), the logout step and the error page.
// Texts after back/apps/core-fca-low/src/views/ (interaction.ejs, error.ejs) of
// proconnect-gouv/federation; the frame and its warning banner are the local FranceConnect's.
import { demoFrame, escapeHtml } from '../local-franceconnect/pages.mjs';

const page = (title, body) => demoFrame({ product: 'ProConnect', title, body });

/**
 * The login page. ProConnect asks for a professional e-mail (prefilled from login_hint) and
 * sends the agent to their identity provider; here the fictional agents of the one local
 * identity provider are listed instead, one button each, the hinted ones first.
 */
export function loginPage({ action, clientName, identities, csrfToken, loginHint, siretHint, back }) {
  const buttons = identities
    .map(
      (identity) => `        <li>
          <button class="identity" type="submit" name="sub" value="${escapeHtml(identity.sub)}">
            ${escapeHtml(identity.given_name)} ${escapeHtml(identity.usual_name)}
            <small>${escapeHtml(identity.email)} — ${escapeHtml(identity.organization_label ?? '')}</small>
          </button>
        </li>`,
    )
    .join('\n');
  const hints = [
    loginHint ? `<p>Adresse suggérée par ${escapeHtml(clientName)} : <code>${escapeHtml(loginHint)}</code></p>` : '',
    siretHint ? `<p>Organisation suggérée par ${escapeHtml(clientName)} : SIRET <code>${escapeHtml(siretHint)}</code></p>` : '',
  ].filter(Boolean);
  return page(
    'Connexion - ProConnect',
    `      <p>Connexion à ${escapeHtml(clientName)}</p>
      <h1>S’identifier avec ProConnect</h1>
      ${hints.join('\n      ')}
      <form method="post" action="${escapeHtml(action)}">
        <label for="email">Email professionnel</label>
        <input id="email" name="email" type="email" autocomplete="email" value="${escapeHtml(loginHint ?? '')}" />
        <input type="hidden" name="csrfToken" value="${escapeHtml(csrfToken)}" />
        <p>Ici, un agent fictif au nom duquel vous vous connectez :</p>
        <ul>
${buttons}
        </ul>
      </form>
      <p><a class="back" href="${escapeHtml(back)}">Revenir sur ${escapeHtml(clientName)}</a></p>`,
  );
}

/** The logout step: oidc-provider's form, submitted by a script (end-session-confirm.js), a button without JavaScript. */
export function logoutPage(form) {
  return page(
    'Déconnexion',
    `      <h1>Déconnexion de ProConnect</h1>
      ${form}
      <button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout">Se déconnecter</button>
      <script>document.getElementById('logout').click();</script>`,
  );
}

/** After a logout with nowhere to return to (postLogoutSuccessSource). */
export function loggedOutPage() {
  return page('Déconnexion', '      <h1>Déconnexion</h1>\n      <p>Vous êtes bien déconnecté, vous pouvez fermer votre navigateur.</p>');
}

/** The error page: a title, « Erreur {code} » when there is one, the message and a technical detail. */
export function errorPage({ code, title = 'Accès impossible', message, detail }) {
  return page(
    `${title} - ProConnect`,
    `      <h1>${escapeHtml(title)}</h1>
      ${code ? `<p>Erreur ${escapeHtml(code)}</p>` : ''}
      <p>${escapeHtml(message)}</p>
      ${detail ? `<p><small>Détail technique : <code>${escapeHtml(detail)}</code></small></p>` : ''}`,
  );
}
