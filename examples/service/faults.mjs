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
// New faults (a state or a nonce not checked at the callback, …) add an entry here and,
// if they need one, a hook of their own: faulty('check-state', true).

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
  'short-state': { rule: 20, hook: 'state', what: 'a state of 12 characters', apply: (state) => state.slice(0, 12) },
  'fixed-state': { rule: 20, hook: 'state', what: 'the same state at every attempt', apply: () => FIXED },
  'fixed-nonce': { rule: 20, hook: 'nonce', what: 'the same nonce at every attempt', apply: () => FIXED },
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
