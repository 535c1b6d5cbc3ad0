// The local FranceConnect's own pages: choosing a demonstration identity, the
// "Continuer" step, the logout step and the error page. Every page says, first
// thing, that this is a local demonstration and not FranceConnect.

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
`;

/**
 * The frame of every page: the warning banner first, so nobody mistakes this
 * server for FranceConnect.
 */
export function page(title, body) {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} – FranceConnect local de démonstration</title>
    <style>${STYLE}</style>
  </head>
  <body>
    <header>
      <p class="demo"><strong>Démonstration locale.</strong> Ce serveur imite FranceConnect
        sur votre ordinateur pour essayer un service : ce n’est pas FranceConnect, aucune vraie
        identité n’est utilisée, personne n’est authentifié.</p>
    </header>
    <main>
${body}
    </main>
  </body>
</html>`;
}

const GENDER = { female: 'née le', male: 'né le' };

function birth(identity) {
  const [year, month, day] = identity.birthdate.split('-');
  return `${GENDER[identity.gender] ?? 'né(e) le'} ${day}/${month}/${year}`;
}

/** The login step: one button per demonstration identity, named by first names and name. */
export function chooseIdentityPage({ action, clientName, identities }) {
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
    'Choisir une identité',
    `      <h1>Se connecter à ${escapeHtml(clientName)}</h1>
      <p>Choisissez la personne fictive au nom de laquelle vous vous connectez.</p>
      <form method="post" action="${escapeHtml(action)}">
        <ul>
${buttons}
        </ul>
      </form>`,
  );
}

/** The consent step, as FranceConnect shows it: what is sent, and one "Continuer" button. */
export function continuePage({ action, clientName, identity, claims }) {
  const items = claims.map((claim) => `        <li><code>${escapeHtml(claim)}</code></li>`).join('\n');
  return page(
    'Continuer',
    `      <h1>Bonjour ${escapeHtml(identity.given_name)} ${escapeHtml(identity.family_name)}</h1>
      <p>En continuant, ${escapeHtml(clientName)} recevra ces informations :</p>
      <ul>
${items}
      </ul>
      <form method="post" action="${escapeHtml(action)}">
        <button type="submit" autofocus>Continuer</button>
      </form>`,
  );
}

/**
 * The logout step. FranceConnect ends its session at once when the service sends
 * session/end: this page submits oidc-provider's confirmation form by itself, and
 * keeps a button for a browser without JavaScript.
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

/** Shown after a logout that has nowhere to return to. */
export function loggedOutPage() {
  return page('Déconnecté', '      <h1>Vous êtes déconnecté(e) de FranceConnect.</h1>');
}

/** An error that cannot be sent back to the service (unknown client, wrong redirect_uri…). */
export function errorPage({ error, error_description: description }) {
  return page(
    'Erreur',
    `      <h1>La demande a été refusée</h1>
      <p>Erreur <code>${escapeHtml(error)}</code> : ${escapeHtml(description ?? '')}</p>`,
  );
}
