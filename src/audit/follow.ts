/**
 * Rules 17 to 21, read on the request a FranceConnect button leads to
 * (`npx franceconnect-audit <url> --follow`): the command activates each button in a
 * throwaway browser, follows the service's redirects and stops the request to
 * FranceConnect's `authorize` before it leaves (docs/qualification.md#audit-follow).
 * These functions judge what it caught; they run anywhere (no DOM, no Node API), so a
 * service's own tests can judge an authorize URL they built.
 *
 * - rule 8: the button leads to FranceConnect v2's `/api/v2/authorize` (v1 is closed), with
 *   `response_type=code` (the only flow FranceConnect offers);
 * - rule 17: `scope` holds `openid` and the six pivot claims, by name or through the scopes
 *   that group them (`identite_pivot`, `profile` + `birth`);
 * - rule 19: `acr_values=eidas1` (FranceConnect+: `eidas2` or `eidas3`);
 * - rule 20: `state` and `nonce` of at least 22 characters of `[A-Za-z0-9]`, different on a
 *   second activation;
 * - rule 21: `client_id` is the one given with `--client-id`;
 * - rule 18: the service refuses TLS 1.0 and 1.1 and accepts 1.2 or 1.3 (measured apart).
 */
import type { Provider } from '../shared/texts.js';
import type { AuditFinding } from './types.js';

/** FranceConnect's authorize endpoints, on any host: v2 (open) and v1 (closed). */
export const FC_AUTHORIZE = /\/api\/v([12])\/authorize\/?$/;

/**
 * Claims of each scope, FranceConnect v2 (france-connect/sources,
 * back/libs/scopes/src/data/fcp-low/fcp-low.scopes.ts and fcp-high/fcp-high.scopes.ts).
 */
const SCOPE_CLAIMS: Record<string, string[]> = {
  profile: ['given_name', 'family_name', 'birthdate', 'gender', 'preferred_username'],
  birth: ['birthplace', 'birthcountry'],
  identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
  rnipp_identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
};
const PIVOT = ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'];

/** What a random state or nonce is made of, and how long it is at least (rule 20). */
const RANDOM = /^[A-Za-z0-9]{22,}$/;

/** A request the command stopped on its way to FranceConnect. */
export interface CaughtRequest {
  url: string;
  method: string;
  /** A POST's form body, if any. */
  body?: string;
}

/** One activation of one button. */
export interface Activation {
  /** The authorize request caught, if the button led to one. */
  authorize?: CaughtRequest;
  /** Every URL the browser went through, in order, the authorize last. */
  chain: string[];
  /** The button opened a new window or tab. */
  popup: boolean;
  /** Why no authorize was reached: a timeout, an error page, a navigation elsewhere. */
  problem?: string;
}

export interface FollowedButton {
  /** How the findings name the button: « S’identifier avec FranceConnect » (<button.fr-connect>). */
  name: string;
  plus: boolean;
  /** ProConnect's button is judged by ProConnect's documentation (judgeProConnect). FranceConnect by default. */
  provider?: Provider;
  activations: Activation[];
}

export type TlsAnswer = 'accepted' | 'refused' | 'unknown';

/** What a server answered to a TLS handshake of each version, nothing else sent (rule 18). */
export interface TlsProbe {
  origin: string;
  versions: Record<'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3', TlsAnswer>;
  /** Why a version could not be tried from here, if one could not. */
  note?: string;
}

/** The parameters of an authorize request: its query, and a POST's form body. */
export function authorizeParameters(request: CaughtRequest): URLSearchParams {
  const url = new URL(request.url);
  const out = new URLSearchParams(url.search);
  if (request.method === 'POST' && request.body) for (const [k, v] of new URLSearchParams(request.body)) out.set(k, v);
  return out;
}

const quote = (name: string, value: string | null) => (value === null ? `${name} absent` : `${name}=${value.length > 80 ? `${value.slice(0, 80)}…` : value}`);

/** Findings of one button's activations: rules 8, 13, 17, 19, 20, 21 (ProConnect's button: judgeProConnect). */
export function judgeActivations(button: FollowedButton, clientId?: string): AuditFinding[] {
  const out: AuditFinding[] = [];
  const what = button.name;
  const pro = button.provider === 'proconnect';
  const brand = pro ? 'ProConnect' : 'FranceConnect';
  const reached = button.activations.filter((a) => a.authorize);
  for (const a of button.activations) {
    if (a.popup) {
      out.push({ rule: 13, status: 'fail', message: `Le bouton ${what} a ouvert une nouvelle fenêtre (mesuré) ; ${pro ? 'ProConnect se suit par redirection, sans' : 'la règle 13 interdit les'} pop-up${pro ? '' : 's'} : ${brand} doit s’ouvrir dans cet onglet.` });
      break;
    }
  }
  const first = reached[0];
  if (!first) {
    const problem = button.activations.find((a) => a.problem)?.problem ?? 'aucune requête vers /api/v2/authorize';
    for (const rule of [8, 17, 19, 20, 21]) {
      out.push({
        rule,
        status: 'warn',
        unjudged: true,
        message: `Le bouton ${what}, activé, n’a pas mené à l’authorize de ${brand} (${problem}) : la règle ${rule} n’a pas pu être vérifiée.`,
      });
    }
    return tag(out, pro);
  }
  if (!button.activations.some((a) => a.popup)) {
    out.push({ rule: 13, status: 'pass', message: `Le bouton ${what} mène à ${brand} dans le même onglet, sans pop-up (mesuré).` });
  }
  if (pro) return tag([...out, ...judgeProConnect(reached, what, clientId)], pro);
  const request = first.authorize!;
  const url = new URL(request.url);
  const p = authorizeParameters(request);

  // Rule 8: FranceConnect v2, the authorization code flow.
  const version = FC_AUTHORIZE.exec(url.pathname)?.[1];
  out.push(
    version === '1'
      ? { rule: 8, status: 'fail', message: `Le bouton ${what} mène à ${url.origin}${url.pathname} : FranceConnect v1 est fermé ; la règle 8 demande FranceConnect v2 (/api/v2/authorize).` }
      : { rule: 8, status: 'pass', message: `Le bouton ${what} mène à ${url.origin}${url.pathname}${request.method === 'POST' ? ' (POST)' : ''}, requête arrêtée avant son départ.` },
  );
  const responseType = p.get('response_type');
  out.push(
    responseType === 'code'
      ? { rule: 8, status: 'pass', message: `${quote('response_type', responseType)} : le flux par code d’autorisation de FranceConnect.` }
      : { rule: 8, status: 'fail', message: `${quote('response_type', responseType)} ; FranceConnect demande response_type=code.` },
  );

  // Rule 17: openid and the six pivot claims.
  const scope = p.get('scope');
  const scopes = (scope ?? '').split(/\s+/).filter(Boolean);
  const claims = new Set(scopes.flatMap((s) => SCOPE_CLAIMS[s] ?? [s]));
  const missing = [...(scopes.includes('openid') ? [] : ['openid']), ...PIVOT.filter((c) => !claims.has(c))];
  out.push(
    missing.length
      ? { rule: 17, status: 'fail', message: `${quote('scope', scope)} : il manque ${missing.join(', ')} ; la règle 17 demande au moins openid et l’identité pivot (given_name family_name birthdate gender birthplace birthcountry, ou identite_pivot).` }
      : { rule: 17, status: 'pass', message: `${quote('scope', scope)} : openid et l’identité pivot demandés.` },
  );

  // Rule 19: the eIDAS level.
  const acr = p.get('acr_values');
  const allowed = button.plus ? ['eidas2', 'eidas3'] : ['eidas1'];
  const levels = (acr ?? '').split(/\s+/).filter(Boolean);
  out.push(
    levels.length && levels.every((l) => allowed.includes(l))
      ? { rule: 19, status: 'pass', message: `${quote('acr_values', acr)}.` }
      : {
          rule: 19,
          status: 'fail',
          message: `${quote('acr_values', acr)} ; la règle 19 demande acr_values=${allowed.join(' ou ')}${button.plus ? ' pour FranceConnect+' : ''} à chaque appel d’/authorize.`,
        },
  );

  // Rule 20: state and nonce, random and new at each attempt.
  const second = reached[1];
  const p2 = second && authorizeParameters(second.authorize!);
  for (const name of ['state', 'nonce']) {
    const value = p.get(name);
    const again = p2?.get(name) ?? null;
    if (value === null || !RANDOM.test(value)) {
      out.push({
        rule: 20,
        status: 'fail',
        message: `${quote(name, value)}${value === null ? '' : ` (${value.length} caractères)`} ; la règle 20 demande au moins 22 caractères de chiffres et de lettres (A-Z, a-z, 0-9), aléatoires.`,
      });
    } else if (!p2) {
      out.push({ rule: 20, status: 'warn', unjudged: true, message: `${quote(name, value)} : la seconde activation n’a pas atteint FranceConnect, son caractère aléatoire n’a pas pu être vérifié.` });
    } else if (again === value) {
      out.push({ rule: 20, status: 'fail', message: `${quote(name, value)} identique à la seconde activation ; la règle 20 le veut aléatoire et unique à chaque connexion.` });
    } else {
      out.push({ rule: 20, status: 'pass', message: `${quote(name, value)} (${value.length} caractères), différent à la seconde activation (${quote(name, again)}).` });
    }
  }

  out.push(judgeClientId(p.get('client_id'), clientId, 'FranceConnect'));
  return out;
}

/** Rule 21: the registered client_id. */
function judgeClientId(id: string | null, clientId: string | undefined, brand: string): AuditFinding {
  if (!id) return { rule: 21, status: 'fail', message: `client_id absent de la requête /authorize ; la règle 21 demande celui de votre espace partenaire.` };
  if (!clientId) return { rule: 21, status: 'warn', message: `${quote('client_id', id)} : comparez-le à celui de votre espace partenaire ${brand} (ou relancez avec --client-id).` };
  if (id === clientId) return { rule: 21, status: 'pass', message: `${quote('client_id', id)}, celui attendu.` };
  return { rule: 21, status: 'fail', message: `${quote('client_id', id)} ; attendu ${clientId} (--client-id) : la règle 21 demande le client_id de votre espace partenaire.` };
}

const tag = (findings: AuditFinding[], pro: boolean) => (pro ? findings.map((f) => ({ ...f, provider: 'proconnect' as const })) : findings);

/**
 * The authorize parameters ProConnect documents (proconnect-gouv/proconnect-espace-partenaires,
 * src/pages/docs/fournisseur-service/implementation_technique.md, « 2.2.1.2. Paramètres »),
 * where « tout paramètre supplémentaire dans l'URL génèrera une erreur Y000400 ».
 */
const PC_DOCUMENTED = ['response_type', 'client_id', 'redirect_uri', 'scope', 'claims', 'state', 'nonce', 'prompt', 'idp_hint', 'login_hint', 'siret_hint'];
/**
 * Accepted by the federation's own validation (proconnect-gouv/federation,
 * back/apps/core-fca-low/src/dto/authorize-params.dto.ts) though the documentation does not
 * list them: PKCE and the response mode. acr_values, which it also accepts (and logs as
 * `oidc-acr:acr_values_params_present`, back/libs/oidc-acr/src/oidc-acr.service.ts), is judged apart.
 */
const PC_TOLERATED = ['code_challenge', 'code_challenge_method', 'response_mode'];
/** ProConnect's minimum for state and nonce (implementation_technique.md: « minimum 32 caractères »). */
const PC_RANDOM_MIN = 32;

/**
 * ProConnect's button's authorize request, judged by ProConnect's documentation, under the
 * numbers of FranceConnect's rules it resembles (docs/qualification.md#proconnect-audit):
 * 8 the endpoint, `response_type=code`, `redirect_uri` and no undocumented parameter
 * (`login_hint` an e-mail address, `siret_hint` 14 characters); 17 `openid` in `scope`;
 * 19 the ACR asked through `claims`, never `acr_values`; 20 `state` and `nonce` of at least
 * 32 characters, new at each attempt; 21 `client_id`.
 */
export function judgeProConnect(reached: Activation[], what: string, clientId?: string): AuditFinding[] {
  const out: AuditFinding[] = [];
  const request = reached[0].authorize!;
  const url = new URL(request.url);
  const p = authorizeParameters(request);
  const version = FC_AUTHORIZE.exec(url.pathname)?.[1];
  out.push(
    version === '2'
      ? { rule: 8, status: 'pass', message: `Le bouton ${what} mène à ${url.origin}${url.pathname}${request.method === 'POST' ? ' (POST)' : ''}, requête arrêtée avant son départ.` }
      : { rule: 8, status: 'fail', message: `Le bouton ${what} mène à ${url.origin}${url.pathname} ; ProConnect documente /api/v2/authorize.` },
  );
  const responseType = p.get('response_type');
  out.push(
    responseType === 'code'
      ? { rule: 8, status: 'pass', message: `${quote('response_type', responseType)} : le flux par code d’autorisation.` }
      : { rule: 8, status: 'fail', message: `${quote('response_type', responseType)} ; ProConnect demande response_type=code.` },
  );
  if (!p.get('redirect_uri')) out.push({ rule: 8, status: 'fail', message: 'redirect_uri absent ; ProConnect le demande, identique à celui déclaré.' });
  const names = [...new Set(p.keys())];
  const unknown = names.filter((n) => !PC_DOCUMENTED.includes(n) && !PC_TOLERATED.includes(n) && n !== 'acr_values');
  const tolerated = names.filter((n) => PC_TOLERATED.includes(n));
  if (unknown.length) {
    out.push({ rule: 8, status: 'fail', message: `Paramètre${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} hors de la liste de ProConnect ; « tout paramètre supplémentaire » lui vaut une erreur Y000400.` });
  } else {
    out.push({ rule: 8, status: 'pass', message: `Paramètres documentés par ProConnect : ${names.join(', ')}.` });
  }
  if (tolerated.length) {
    out.push({ rule: 8, status: 'warn', message: `${tolerated.join(', ')} : acceptés par la fédération ProConnect, mais absents de sa documentation ; vérifiez en intégration qu’ils passent.` });
  }
  const login = p.get('login_hint');
  if (login !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(login)) out.push({ rule: 8, status: 'fail', message: `${quote('login_hint', login)} ; ProConnect attend une adresse électronique.` });
  const siret = p.get('siret_hint');
  if (siret !== null && siret.length !== 14) out.push({ rule: 8, status: 'fail', message: `${quote('siret_hint', siret)} (${siret.length} caractères) ; ProConnect attend un SIRET de 14 caractères.` });

  // Rule 17's place: scope, with openid.
  const scope = p.get('scope');
  const scopes = (scope ?? '').split(/[\s+]+/).filter(Boolean);
  out.push(
    scopes.includes('openid')
      ? { rule: 17, status: 'pass', message: `${quote('scope', scope)} : openid demandé.` }
      : { rule: 17, status: 'fail', message: `${quote('scope', scope)} ; ProConnect demande un scope qui comprend openid.` },
  );

  // Rule 19's place: the ACR through claims (niveaux-acr.md, niveaux-eidas.md), never acr_values.
  const acr = p.get('acr_values');
  if (acr !== null) {
    out.push({
      rule: 19,
      status: 'fail',
      message: `${quote('acr_values', acr)} ; ProConnect ne documente pas acr_values : un niveau se demande par le paramètre claims, {"id_token":{"acr":{"essential":true,"values":[…]}}}.`,
    });
  }
  const claims = p.get('claims');
  if (claims === null) {
    if (acr === null) out.push({ rule: 19, status: 'pass', message: 'Ni acr_values ni claims : aucun niveau exigé (claims est optionnel pour ProConnect).' });
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(claims);
    } catch {
      parsed = undefined;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      out.push({ rule: 19, status: 'fail', message: `${quote('claims', claims)} ; ProConnect attend un objet JSON (par exemple {"id_token":{"acr":{"essential":true,"values":["eidas1"]}}}).` });
    } else {
      const asked = (parsed as { id_token?: { acr?: { value?: string; values?: string[] } } }).id_token?.acr;
      const levels = asked ? [asked.value, ...(asked.values ?? [])].filter(Boolean) : [];
      out.push({ rule: 19, status: 'pass', message: `${quote('claims', claims)} : objet JSON${levels.length ? `, niveau demandé ${levels.join(' ou ')}` : ''}.` });
    }
  }

  // Rule 20's place: state and nonce, at least 32 characters, new at each attempt.
  const p2 = reached[1] && authorizeParameters(reached[1].authorize!);
  for (const name of ['state', 'nonce']) {
    const value = p.get(name);
    const again = p2?.get(name) ?? null;
    if (value === null || value.length < PC_RANDOM_MIN) {
      out.push({ rule: 20, status: 'fail', message: `${quote(name, value)}${value === null ? '' : ` (${value.length} caractères)`} ; ProConnect demande un ${name} aléatoire d’au moins ${PC_RANDOM_MIN} caractères.` });
    } else if (!p2) {
      out.push({ rule: 20, status: 'warn', unjudged: true, message: `${quote(name, value)} : la seconde activation n’a pas atteint ProConnect, son caractère aléatoire n’a pas pu être vérifié.` });
    } else if (again === value) {
      out.push({ rule: 20, status: 'fail', message: `${quote(name, value)} identique à la seconde activation ; ProConnect le veut aléatoire, nouveau à chaque connexion.` });
    } else {
      out.push({ rule: 20, status: 'pass', message: `${quote(name, value)} (${value.length} caractères), différent à la seconde activation.` });
    }
  }
  out.push(judgeClientId(p.get('client_id'), clientId, 'ProConnect'));
  return out;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d+){3}|\[::1\])$/i;

/** Rule 18: the page's scheme, and what each TLS version got. */
export function judgeTls(pageUrl: string, probes: TlsProbe[]): AuditFinding[] {
  const page = new URL(pageUrl);
  if (page.protocol === 'http:') {
    return [
      LOOPBACK.test(page.hostname)
        ? { rule: 18, status: 'not-applicable', message: `Page servie en http sur cette machine (${page.host}) : mesurez la règle 18 sur le service en ligne, en https.` }
        : { rule: 18, status: 'fail', message: `Page servie en http, sans TLS (${page.origin}) ; la règle 18 demande TLS 1.2 ou 1.3.` },
    ];
  }
  return probes.map(({ origin, versions, note }) => {
    const old = (['TLSv1', 'TLSv1.1'] as const).filter((v) => versions[v] === 'accepted');
    const modern = (['TLSv1.2', 'TLSv1.3'] as const).filter((v) => versions[v] === 'accepted');
    const unknown = (Object.keys(versions) as Array<keyof TlsProbe['versions']>).filter((v) => versions[v] === 'unknown');
    const said = (Object.entries(versions) as Array<[string, TlsAnswer]>)
      .map(([v, a]) => `${v.replace('TLSv', 'TLS ')} ${a === 'accepted' ? 'acceptée' : a === 'refused' ? 'refusée' : 'non mesurée'}`)
      .join(', ');
    if (old.length) {
      return { rule: 18, status: 'fail', message: `${origin} : ${said} ; la règle 18 interdit TLS 1.0 et 1.1.` } as AuditFinding;
    }
    if (!modern.length) {
      return { rule: 18, status: 'fail', message: `${origin} : ${said} ; la règle 18 demande TLS 1.2 ou 1.3.` } as AuditFinding;
    }
    if (unknown.some((v) => v === 'TLSv1' || v === 'TLSv1.1')) {
      return { rule: 18, status: 'warn', unjudged: true, message: `${origin} : ${said}${note ? ` (${note})` : ''} : le refus de TLS 1.0 et 1.1 n’a pas pu être vérifié.` } as AuditFinding;
    }
    return { rule: 18, status: 'pass', message: `${origin} : ${said}.` } as AuditFinding;
  });
}
