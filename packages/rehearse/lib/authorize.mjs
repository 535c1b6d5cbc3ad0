// Rules 17, 19, 20 and 21, read on every /authorize the local FranceConnect received
// during the run (its parameters as the service sent them, before any change the
// rehearsal made for rule 20's tampering test).
import { SCOPES } from '../local-franceconnect/v2.mjs';

/** The six claims of the pivot identity (rule 17). */
export const PIVOT = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'];
/** Rule 20: at least 22 characters, digits and upper- and lower-case letters. */
const RANDOM = /^[A-Za-z0-9]{22,}$/;

const short = (value) => (value.length > 70 ? `${value.slice(0, 70)}…` : value);
const quote = (name, value) => (value === undefined || value === null ? `${name} absent` : `${name}=${short(value)}`);

/**
 * Findings of rules 17, 19, 20 and 21 over `records` (the local FranceConnect's
 * `received` entries for authorize).
 * @param {object[]} records
 * @param {{ clientId: string, plus?: boolean }} expected
 */
export function judgeAuthorizeRequests(records, { clientId, plus = false }) {
  const calls = records.map((record) => ({ params: Object.fromEntries(record.params), record }));
  const n = calls.length;
  const findings = [];
  const evidence = (call) => ({ authorize: call ? new URLSearchParams(call.params).toString() : '' });
  if (!n) {
    for (const rule of [17, 19, 20, 21]) {
      findings.push({ rule, status: 'not-checked', message: 'FranceConnect n’a reçu aucun appel à /authorize : rien à vérifier.', evidence: {} });
    }
    return findings;
  }
  const every = `les ${n} appel${n > 1 ? 's' : ''} à /authorize reçus par FranceConnect`;

  // Rule 17: openid and the pivot identity, by claim or by the scopes that group them (v2's fcp-low scopes).
  const missing = (call) => {
    const scopes = String(call.params.scope ?? '').split(/\s+/).filter(Boolean);
    const claims = new Set(scopes.flatMap((scope) => SCOPES[scope] ?? []));
    return [...(scopes.includes('openid') ? [] : ['openid']), ...PIVOT.filter((claim) => !claims.has(claim))];
  };
  const noPivot = calls.find((call) => missing(call).length);
  findings.push(
    noPivot
      ? {
          rule: 17,
          status: 'fail',
          message: `${quote('scope', noPivot.params.scope)} : il manque ${missing(noPivot).join(', ')} ; la règle 17 demande au moins openid et l’identité pivot (given_name family_name birthdate gender birthplace birthcountry, ou identite_pivot).`,
          evidence: evidence(noPivot),
        }
      : { rule: 17, status: 'pass', message: `openid et l’identité pivot demandés dans ${every} (${quote('scope', calls[0].params.scope)}).`, evidence: evidence(calls[0]) },
  );

  // Rule 19: the eIDAS level, on every call.
  const allowed = plus ? ['eidas2', 'eidas3'] : ['eidas1'];
  const badAcr = calls.find((call) => {
    const levels = String(call.params.acr_values ?? '').split(/\s+/).filter(Boolean);
    return !levels.length || !levels.every((level) => allowed.includes(level));
  });
  findings.push(
    badAcr
      ? {
          rule: 19,
          status: 'fail',
          message: `${quote('acr_values', badAcr.params.acr_values)} dans ${calls.filter((c) => c.params.acr_values === badAcr.params.acr_values).length} appel(s) sur ${n} ; la règle 19 demande acr_values=${allowed.join(' ou ')} à chaque appel${badAcr.record.refusedByV2 ? ` (FranceConnect v2 refuse cet appel : Erreur ${badAcr.record.refusedByV2}, page sans retour au service ; la répétition l’a laissé passer pour vérifier le reste)` : ''}.`,
          evidence: evidence(badAcr),
        }
      : { rule: 19, status: 'pass', message: `${quote('acr_values', calls[0].params.acr_values)} dans ${every}.`, evidence: evidence(calls[0]) },
  );

  // Rule 20: state and nonce random, 22+ [A-Za-z0-9], different at every attempt.
  for (const name of ['state', 'nonce']) {
    const values = calls.map((call) => call.params[name]);
    const wrong = calls.find((call) => !RANDOM.test(call.params[name] ?? ''));
    const repeated = values.find((value, i) => value !== undefined && values.indexOf(value) !== i);
    if (wrong) {
      const value = wrong.params[name];
      const v2 = name === 'nonce' && wrong.record.refusedByV2 ? ` FranceConnect v2 refuse un nonce de moins de 22 caractères (Erreur ${wrong.record.refusedByV2}, page sans retour au service) ; la répétition l’a laissé passer pour vérifier le reste.` : '';
      findings.push({
        rule: 20,
        status: 'fail',
        message: `${quote(name, value)}${value === undefined ? '' : ` (${value.length} caractères)`} ; la règle 20 demande au moins 22 caractères aléatoires, chiffres et lettres (A-Z, a-z, 0-9).${v2}`,
        evidence: evidence(wrong),
      });
    } else if (repeated !== undefined) {
      const times = values.filter((value) => value === repeated).length;
      findings.push({
        rule: 20,
        status: 'fail',
        message: `${quote(name, repeated)} envoyé ${times} fois sur ${n} appels ; la règle 20 le veut aléatoire et nouveau à chaque connexion.`,
        evidence: evidence(calls.find((call) => call.params[name] === repeated)),
      });
    } else {
      const lengths = [...new Set(values.map((value) => value.length))].sort((a, b) => a - b).join(' ou ');
      findings.push({
        rule: 20,
        status: 'pass',
        message: `${name} de ${lengths} caractères [A-Za-z0-9], différent à chacun des ${n} appels (le premier : ${quote(name, values[0])}).`,
        evidence: evidence(calls[0]),
      });
    }
  }

  // Rule 21: the client_id registered for this service.
  const other = calls.find((call) => call.params.client_id !== clientId);
  findings.push(
    other
      ? {
          rule: 21,
          status: 'fail',
          message: `${quote('client_id', other.params.client_id)} ; attendu ${clientId}, celui enregistré pour ce service : la règle 21 demande le client_id de l’espace partenaire.`,
          evidence: evidence(other),
        }
      : { rule: 21, status: 'pass', message: `${quote('client_id', clientId)}, celui enregistré, dans ${every}.`, evidence: evidence(calls[0]) },
  );
  return findings;
}
