// The local FranceConnect's own pages, with FranceConnect v2's texts: the identity
// choice, the "information" step, the logout step and the error page. Every page
// says, first thing, that this is a local demonstration and not FranceConnect.
// Texts: back/apps/core-fcp/src/i18n/fr-FR.i18n.ts and back/libs/scopes/src/i18n/fr-FR.i18n.ts.

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
  :root { color-scheme: light; font-family: arial, sans-serif; color: #161616; background: #f6f6f6; }
  body { margin: 0; }
  .demo { margin: 0; padding: 12px 16px; background: #fff4e5; border-bottom: 2px solid #b34000; color: #6e2a00; }
  main { max-width: 40rem; margin: 24px auto; padding: 24px; background: #fff; border: 1px solid #ddd; }
  h1 { font-size: 1.5rem; margin-top: 0; }
  ul { list-style: none; padding: 0; }
  li + li { margin-top: 8px; }
  button { font: inherit; font-weight: bold; padding: 10px 16px; border: 0; background: #000091; color: #f5f5fe; cursor: pointer; }
  button:hover { background: #1212ff; }
  button:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
  .identity { width: 100%; text-align: start; }
  .identity small { display: block; font-weight: normal; }
  code { background: #eee; padding: 0 4px; }
  .back { display: inline-block; margin-top: 24px; color: #000091; }
  .back:focus-visible { outline: 2px solid #0a76f6; outline-offset: 2px; }
`;

/**
 * The frame of every page of a local stand-in (`product`: FranceConnect, ProConnect): the
 * warning banner first, so nobody mistakes this server for the real one.
 */
export function demoFrame({ product, title, body }) {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} – ${escapeHtml(product)} local de démonstration</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <p class="demo"><strong>Démonstration locale.</strong> Ce serveur imite ${escapeHtml(product)}
        sur votre ordinateur pour essayer un service : ce n’est pas ${escapeHtml(product)}, aucune vraie
        identité n’est utilisée, personne n’est authentifié.</p>
    </header>
    <main>
${body}
    </main>
  </body>
</html>`;
}

/** The frame of the local FranceConnect's pages. */
export function page(title, body) {
  return demoFrame({ product: 'FranceConnect', title, body });
}

const GENDER = { female: 'née le', male: 'né le' };

function birth(identity) {
  const [year, month, day] = identity.birthdate.split('-');
  return `${GENDER[identity.gender] ?? 'né(e) le'} ${day}/${month}/${year}`;
}

/** The claims' labels on the information step (back/libs/scopes/src/i18n/fr-FR.i18n.ts); '' is not shown. */
const CLAIM_LABELS = {
  gender: 'Sexe',
  given_name: 'Prénom(s)',
  family_name: 'Nom de naissance',
  preferred_username: 'Nom d’usage',
  birthdate: 'Date de naissance',
  birthplace: 'Lieu de naissance',
  birthcountry: 'Pays de naissance',
  email: 'Adresse email',
};

/**
 * « Revenir sur {spName} » (nav.back_to_provider), a link to redirect-to-sp-with-error:
 * back/apps/core-fcp/src/views/includes/back-button.ejs. Shown only when the service is known.
 */
function backLink(back) {
  if (!back) return '';
  return `\n      <p><a class="back" href="${escapeHtml(back.href)}">Revenir sur ${escapeHtml(back.clientName)}</a></p>`;
}

/**
 * The identity choice. v2 lists identity providers here
 * (back/apps/core-fcp/src/views/pages/interaction/interaction.welcome.ejs); this local
 * stand-in lists fictional people instead, one button each.
 */
export function chooseIdentityPage({ action, clientName, identities, back }) {
  const buttons = identities
    .map(
      (identity) => `        <li>
          <button class="identity" type="submit" name="sub" value="${escapeHtml(identity.sub)}">
            ${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}
            <small>${escapeHtml(birth(identity))}</small>
          </button>
        </li>`,
    )
    .join('\n');
  return page(
    `Connexion - Choix du compte - FranceConnect`,
    `      <p>Connexion en cours sur ${escapeHtml(clientName)}</p>
      <h1>Choisissez un compte pour vous connecter :</h1>
      <p>Ici, une personne fictive au nom de laquelle vous vous connectez.</p>
      <form method="post" action="${escapeHtml(action)}">
        <ul>
${buttons}
        </ul>
      </form>${backLink(back)}`,
  );
}

/**
 * The information step (v2's consent page without its checkbox, as for a public
 * service): who is connecting, what is sent, and « Continuer sur {spName} ».
 * back/apps/core-fcp/src/views/consent.ejs and pages/consent/*.ejs
 */
export function informationPage({ action, clientName, identity, claims, csrfToken }) {
  const labels = [...new Set(claims.map((claim) => CLAIM_LABELS[claim]).filter(Boolean))];
  const data = labels.length
    ? `      <h2>${labels.length === 1 ? 'Donnée transmise' : 'Données transmises'}</h2>
      <ul>
${labels.map((label) => `        <li>${escapeHtml(label)}</li>`).join('\n')}
      </ul>`
    : '      <p>Aucune donnée personnelle ne sera transmise</p>';
  return page(
    `Connexion - Continuer sur Service ${clientName} - FranceConnect`,
    `      <h1>Vous allez vous connecter en tant que :</h1>
      <p><strong>${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name.toUpperCase())}</strong></p>
      <form method="post" action="${escapeHtml(action)}">
        <input type="hidden" name="csrfToken" value="${escapeHtml(csrfToken)}" />
        <button type="submit" autofocus>Continuer sur ${escapeHtml(clientName)}</button>
      </form>
${data}`,
  );
}

/**
 * The logout step. v2 submits oidc-provider's confirmation form by itself
 * (back/libs/oidc-provider/src/services/oidc-provider-app-config-lib.service.ts, auto-submit.js);
 * a button stays for a browser without JavaScript.
 */
export function logoutPage(form) {
  return page(
    'Déconnexion',
    `      <h1>Déconnexion de FranceConnect</h1>
      ${form}
      <button type="submit" form="op.logoutForm" name="logout" value="yes" id="logout">Se déconnecter</button>
      <script>document.getElementById('logout').click();</script>`,
  );
}

/** After a logout that has nowhere to return to (postLogoutSuccessSource's sentence). */
export function loggedOutPage() {
  return page('Déconnexion', '      <h1>Vous êtes bien déconnecté, vous pouvez fermer votre navigateur.</h1>');
}

/**
 * The error page: « Une erreur s’est produite », « Erreur {code} », the message, and
 * « Revenir sur {spName} » when the service is known.
 * back/apps/core-fcp/src/views/error.ejs and pages/error/*.ejs
 */
export function errorPage({ code, message, detail, back }) {
  return page(
    'Erreur de connexion - FranceConnect',
    `      <h1>Une erreur s’est produite</h1>
      ${code ? `<p>Erreur ${escapeHtml(code)}</p>` : ''}
      <p>${escapeHtml(message)}</p>
      ${detail ? `<p><small>Détail technique : <code>${escapeHtml(detail)}</code></small></p>` : ''}${backLink(back)}`,
  );
}
