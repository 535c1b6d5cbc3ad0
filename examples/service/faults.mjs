// Faults the reference service can be made to commit, one qualification rule broken
// each, so that a check (the page audit's --follow, a rehearsal of the qualification)
// can be seen to catch exactly that one. Off unless asked for:
//
//   SERVICE_FAULTS=fixed-state npm run demo
//   SERVICE_FAULTS=no-acr,fixed-nonce node examples/service/server.mjs
//
// The variable is read each time a hook runs, so a test can switch faults on and off
// while the service runs. A name not in FAULTS is an error, not silently ignored.
//
// Each fault acts through one hook, a one-line call where the service builds what the
// fault changes (examples/service/franceconnect.mjs):
//   faulty('state', randomToken())      the state of the authorize request
//   faulty('nonce', randomToken())      its nonce
//   faulty('authorize', parameters)     the authorize request's other parameters
//   faulty('check-state', true)         whether the callback compares the state
//   faulty('check-nonce', true)         whether it compares the ID token's nonce
//   faulty('logout-session-end', true)  whether logging out goes to session/end
//   faulty('logout-id-token-hint', true) whether it sends id_token_hint there
//   faulty('pivot-from-request', false) whether the profile saves the pivot fields it receives
//   faulty('tls', options)              the https server's TLS options (served with TLS_KEY and TLS_CERT)
// and in pages.mjs:
//   faulty('account-header', html)      the logged-in header's <fc-account>
//   faulty('login-page-script', '')     a script or a frame on the login and sign-up pages
// The agents' space (ProConnect, examples/service/proconnect.mjs, server.mjs, pages.mjs) has its own:
//   faulty('pc-state', randomToken(32))  the state of its authorize request
//   faulty('pc-authorize', parameters)   that request's other parameters
//   faulty('pc-check-acr', true)         whether the callback checks the ID token's acr
//   faulty('pc-logout-session-end', true) whether logging out goes to session/end
//   faulty('pc-account-header', html)    its logged-in header's <fc-account provider="proconnect">
//   faulty('pc-login-page-script', '')   a script on its login page
// Their rule is the rehearsal's ProConnect rule id (docs/rehearsal.md).
// New faults add an entry here and, if they need one, a hook of their own.

/** A fixed value of 26 letters and digits: long enough, never random. */
const FIXED = 'MemeValeurPourTousA1B2C3D4';

/** Every fault: the rule it breaks, the hook it changes, and how. */
export const FAULTS = {
  'no-acr': {
    rule: 19,
    hook: 'authorize',
    what: 'no acr_values in the authorize request',
    apply: (parameters) => {
      const without = { ...parameters };
      delete without.acr_values;
      return without;
    },
  },
  'plus-asks-eidas1': {
    rule: 19,
    hook: 'authorize',
    what: 'a FranceConnect+ service that still asks for eidas1 (FranceConnect+ offers eidas2 and eidas3)',
    apply: (parameters) => ({ ...parameters, acr_values: 'eidas1' }),
  },
  'old-tls': {
    rule: 18,
    hook: 'tls',
    what: 'https that still accepts TLS 1.0 and 1.1',
    apply: (options) => ({ ...options, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' }),
  },
  'short-state': { rule: 20, hook: 'state', what: 'a state of 12 characters', apply: (state) => state.slice(0, 12) },
  'fixed-state': { rule: 20, hook: 'state', what: 'the same state at every attempt', apply: () => FIXED },
  'fixed-nonce': { rule: 20, hook: 'nonce', what: 'the same nonce at every attempt', apply: () => FIXED },
  'short-nonce': { rule: 20, hook: 'nonce', what: 'a nonce of 16 characters (v2 refuses under 22)', apply: (nonce) => nonce.slice(0, 16) },
  'state-not-checked': { rule: 20, hook: 'check-state', what: 'the state coming back not compared', apply: () => false },
  'nonce-not-checked': { rule: 20, hook: 'check-nonce', what: 'the ID token’s nonce not compared', apply: () => false },
  'logout-without-session-end': { rule: 9, hook: 'logout-session-end', what: 'logout forgets the local session, never goes to session/end', apply: () => false },
  'logout-without-id-token-hint': { rule: 9, hook: 'logout-id-token-hint', what: 'logout goes to session/end without id_token_hint', apply: () => false },
  'pivot-from-request': { rule: 15, hook: 'pivot-from-request', what: 'the profile saves the pivot identity the form sent', apply: () => true },
  'name-in-menu': {
    rule: 14,
    hook: 'account-header',
    what: 'the logged-in person’s name shown only once a menu is opened',
    apply: (html) => `<details><summary>Mon compte</summary>${html}</details>`,
  },
  'popup-login': {
    rule: 13,
    hook: 'login-page-script',
    what: 'the FranceConnect login opened in a pop-up window',
    apply: () =>
      `<script>document.addEventListener('fc-activate', (event) => { event.preventDefault(); window.open(event.detail.href, 'franceconnect', 'popup,width=500,height=700'); });</script>`,
  },
  'frame-on-login': {
    rule: 13,
    hook: 'login-page-script',
    what: 'a frame on the login and sign-up pages (help shown in an iframe)',
    apply: () => `<iframe title="Aide à la connexion" src="/" width="320" height="120"></iframe>`,
  },
  'no-pivot-scope': {
    rule: 17,
    hook: 'authorize',
    what: 'scopes without the pivot identity (openid email)',
    apply: (parameters) => ({ ...parameters, scope: 'openid email' }),
  },
  'other-client-id': {
    rule: 21,
    hook: 'authorize',
    what: 'a client_id other than the registered one',
    apply: (parameters) => ({ ...parameters, client_id: 'client-id-of-another-service' }),
  },
};

/** The agents' space's faults, one ProConnect rule of the rehearsal broken each. */
Object.assign(FAULTS, {
  'pc-short-state': { rule: 'pc-state', hook: 'pc-state', what: 'a state of 16 characters (ProConnect documents 32 at least)', apply: (state) => state.slice(0, 16) },
  'pc-acr-values': {
    rule: 'pc-acr',
    hook: 'pc-authorize',
    what: 'the level asked through acr_values instead of claims (ProConnect does not enforce it)',
    apply: (parameters) => {
      const { claims: _claims, ...rest } = parameters; // eslint-disable-line @typescript-eslint/no-unused-vars
      return { ...rest, acr_values: 'eidas1' };
    },
  },
  'pc-acr-not-checked': { rule: 'pc-acr', hook: 'pc-check-acr', what: 'the ID token’s acr not checked', apply: () => false },
  'pc-logout-without-session-end': { rule: 'pc-logout', hook: 'pc-logout-session-end', what: 'logout forgets the local session, never goes to session/end', apply: () => false },
  'pc-name-in-menu': {
    rule: 'pc-name',
    hook: 'pc-account-header',
    what: 'the agent’s name shown only once a menu is opened',
    apply: (html) => `<details><summary>Mon compte</summary>${html}</details>`,
  },
  'pc-popup-login': {
    rule: 'pc-popup',
    hook: 'pc-login-page-script',
    what: 'the ProConnect login opened in a pop-up window',
    apply: () =>
      `<script>document.addEventListener('fc-activate', (event) => { event.preventDefault(); window.open(event.detail.href, 'proconnect', 'popup,width=500,height=700'); });</script>`,
  },
});

/** The faults asked for in SERVICE_FAULTS (comma- or space-separated), checked. */
export function activeFaults(value = process.env.SERVICE_FAULTS) {
  const names = (value ?? '').split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !Object.hasOwn(FAULTS, name));
  if (unknown.length) {
    throw new Error(`SERVICE_FAULTS: unknown fault ${unknown.join(', ')}; known: ${Object.keys(FAULTS).join(', ')}.`);
  }
  return names;
}

/** `value` as the service would use it, changed by the active faults of `hook`. */
export function faulty(hook, value) {
  return activeFaults()
    .filter((name) => FAULTS[name].hook === hook)
    .reduce((current, name) => FAULTS[name].apply(current), value);
}
