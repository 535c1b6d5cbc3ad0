// The service's pages, as plain HTML strings. The elements come from the
// package's CDN file, served at /assets/ (see server.mjs), as a page author
// without a build step would use them.
import { faulty } from './faults.mjs';

/** Escapes text for HTML content and quoted attribute values (identity data is never markup). */
export function escapeHtml(value) {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The claims the elements show: the FranceConnect identity, without `sub`. */
function identityJson(account) {
  const { sub, ...claims } = account; // eslint-disable-line @typescript-eslint/no-unused-vars
  return escapeHtml(JSON.stringify(claims));
}

/** What the header needs, and no more: the names (birth data stays on the profile page). */
function namesJson({ given_name, family_name, preferred_username }) {
  return escapeHtml(JSON.stringify({ given_name, family_name, preferred_username }));
}

function flashBlock(flash) {
  if (!flash) return '';
  const role = flash.kind === 'error' ? 'alert' : 'status';
  return `<p class="flash flash-${flash.kind}" role="${role}">${escapeHtml(flash.text)}</p>`;
}

/**
 * Every page. Once logged in, the header carries <fc-account> (rule 14): the
 * FranceConnect first names and name, always visible, a link to the profile and
 * the logout button (a POST to the route that also ends the FranceConnect session).
 */
function layout({ title, account, flash, main }) {
  const tools = account
    ? faulty('account-header', `<fc-account identity="${namesJson(account)}" profile-href="/profil" logout-href="/auth/franceconnect/logout"></fc-account>`)
    : `<a href="/connexion">Se connecter</a> <a href="/inscription">Créer un compte</a>`;
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} – Mon service</title>
    <link rel="stylesheet" href="/assets/site.css" />
    <link rel="stylesheet" href="/assets/reserve.css" />
    <script type="module" blocking="render" src="/assets/franceconnect-elements.js"></script>
  </head>
  <body>
    <header>
      <a class="brand" href="/">Mon service</a>
      <nav class="tools" aria-label="Compte">${tools}</nav>
    </header>
    <main>
      ${flashBlock(flash)}
${main}
    </main>
  </body>
</html>`;
}

export function homePage({ account, flash }) {
  const main = account
    ? `      <h1>Bonjour</h1>
      <p>Vous êtes connecté(e) à Mon service avec FranceConnect.</p>
      <p><a href="/profil">Voir et modifier mon profil</a></p>`
    : `      <h1>Mon service</h1>
      <p>Un service en ligne de démonstration, qui se connecte avec FranceConnect.</p>
      <p><a href="/connexion">Se connecter</a> ou <a href="/inscription">créer un compte</a>.</p>`;
  return layout({ title: 'Accueil', account, flash, main });
}

/**
 * /connexion and /inscription: FranceConnect first (rule 5), then the "OU" line
 * (rule 6) and the local form, inside <fc-login-block>'s slot.
 */
export function loginPage({ section, plus = false, account, flash }) {
  const signup = section === 'inscription';
  const form = signup
    ? `        <form action="/inscription" method="post">
          <h2>Créer un compte avec une adresse électronique</h2>
          <label for="email">Adresse électronique</label>
          <input id="email" name="email" type="email" autocomplete="email" required />
          <label for="password">Mot de passe</label>
          <input id="password" name="password" type="password" autocomplete="new-password" required />
          <button class="local" type="submit">Créer mon compte</button>
        </form>
        <p>Déjà un compte ? <a href="/connexion">Se connecter</a></p>`
    : `        <form action="/connexion" method="post">
          <h2>Vous avez déjà un compte ?</h2>
          <label for="email">Adresse électronique</label>
          <input id="email" name="email" type="email" autocomplete="email" required />
          <label for="password">Mot de passe</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button class="local" type="submit">Se connecter</button>
        </form>
        <h2>Première visite ?</h2>
        <p><a href="/inscription">Créer mon compte</a></p>`;
  // Empty but for the faults popup-login (a script that opens FranceConnect in a pop-up) and
  // frame-on-login (an iframe on the page).
  const script = faulty('login-page-script', '');
  const popup = script ? `\n      ${script}` : '';
  const main = `      <h1>${signup ? 'Créer un compte' : 'Connexion'}</h1>
      <fc-login-block section="${signup ? 'inscription' : 'connexion'}"${plus ? ' plus' : ''} href="/auth/franceconnect/login">
${form}
      </fc-login-block>${popup}`;
  return layout({ title: signup ? 'Inscription' : 'Connexion', account, flash, main });
}

/**
 * /profil: <fc-profile-form> shows the six pivot claims locked (rule 15) and
 * Nom d'usage and Email editable (rule 16). The POST handler is the authority.
 */
export function profilePage({ account, flash }) {
  const main = `      <h1>Mon profil</h1>
      <form action="/profil" method="post">
        <fc-profile-form identity="${identityJson(account)}"></fc-profile-form>
        <button class="local" type="submit">Enregistrer</button>
      </form>
      <h2>Supprimer mon compte</h2>
      <p>Votre compte et vos informations sont effacés de Mon service, et vous êtes
        déconnecté(e) de FranceConnect.</p>
      <form action="/compte/supprimer" method="post">
        <button class="danger" type="submit">Supprimer mon compte</button>
      </form>`;
  return layout({ title: 'Mon profil', account, flash, main });
}

/** What the agents' header needs: the two names ProConnect sends and the organisation. */
function agentJson({ given_name, usual_name, organization_label }) {
  return escapeHtml(JSON.stringify({ given_name, usual_name, organization_label }));
}

/**
 * Every page of the agents' space (/agents): the same frame, its own header. Once logged
 * in with ProConnect, <fc-account provider="proconnect"> names the agent (given_name,
 * usual_name, organisation), always visible, with the logout button (a POST to the
 * route that also ends the ProConnect session).
 */
function agentsLayout({ title, agent, flash, main, script = '' }) {
  const tools = agent
    ? faulty('pc-account-header', `<fc-account provider="proconnect" identity="${agentJson(agent)}" profile-href="/agents/compte" logout-href="/agents/auth/logout"></fc-account>`)
    : `<a href="/agents">Se connecter</a>`;
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)} – Mon service, espace agents</title>
    <link rel="stylesheet" href="/assets/site.css" />
    <link rel="stylesheet" href="/assets/reserve.css" />
    <script type="module" blocking="render" src="/assets/franceconnect-elements.js"></script>
  </head>
  <body>
    <header>
      <a class="brand" href="/agents">Mon service – espace agents</a>
      <nav class="tools" aria-label="Compte">${tools}</nav>
    </header>
    <main>
      ${flashBlock(flash)}
${main}
    </main>${script ? `\n    ${script}` : ''}
  </body>
</html>`;
}

/** /agents: ProConnect's section first, then the way to the public's space. */
export function agentsLoginPage({ flash, configured = true }) {
  const main = configured
    ? `      <h1>Espace agents</h1>
      <fc-login-block provider="proconnect" href="/agents/auth/login">
        <p>Vous n’êtes pas agent ? <a href="/connexion">Connectez-vous à l’espace du public</a>.</p>
      </fc-login-block>`
    : `      <h1>Espace agents</h1>
      <p>L’espace agents n’est pas configuré : donnez à ce service l’adresse de ProConnect (PC_ISSUER), son client_id et son secret.</p>`;
  return agentsLayout({ title: 'Connexion', flash, main, script: faulty('pc-login-page-script', '') });
}

/** /agents once logged in: the header names the agent; the details are one click away. */
export function agentsHomePage({ agent, flash }) {
  const main = `      <h1>Espace agents</h1>
      <p>Vous êtes connecté(e) à l’espace agents avec ProConnect.</p>
      <p><a href="/agents/compte">Voir mon compte agent</a></p>`;
  return agentsLayout({ title: 'Espace agents', agent, flash, main });
}

/** /agents/compte: what ProConnect sent about the agent, as text. */
export function agentsAccountPage({ agent, flash }) {
  const rows = [
    ['Prénom(s)', agent.given_name],
    ['Nom d’usage', agent.usual_name],
    ['Adresse électronique', agent.email],
    ['Organisation', agent.organization_label],
    ['SIRET', agent.siret],
  ]
    .filter(([, value]) => value)
    .map(([label, value]) => `        <dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('\n');
  const main = `      <h1>Mon compte agent</h1>
      <p>Vous êtes connecté(e) à l’espace agents avec ProConnect.</p>
      <dl>
${rows}
      </dl>`;
  return agentsLayout({ title: 'Mon compte agent', agent, flash, main });
}
