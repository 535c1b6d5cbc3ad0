/**
 * Login page or sign-up page? Rules 1 and 2 are the « Connexion » section's, 3 and 4 the
 * « Inscription » section's. One heading does not decide it: a login page may title its
 * FranceConnect block « Se créer un compte avec FranceConnect », a sign-up page may title
 * it « Se connecter avec FranceConnect ». Every signal votes (docs/qualification.md#audit-kind):
 * the page's `<title>` and `<h1>`, its URL path, the forms around the button (a password
 * confirmation or a "create" submit; a current password or a « Se connecter » submit), the
 * heading above the button; `<fc-login-block section>` says it outright. The finding names
 * the signals that decided, and a `warn` says when they disagree.
 */
import { box, contains, lineage, nameOf, norm, seen, visible, walk } from './dom.js';
import { FC_NAME } from './find.js';
import { content, boundaryOf } from './layout.js';

const SIGN_UP =
  /inscri|cr[ée](?:er|ez|ation)\s+(?:d['’]\s*)?(?:un |mon |votre |son |d[’']un )?(?:nouveau )?compte|ouvrir (?:un|mon|votre) compte|\bsign[\s-]?up\b|\bregist|enregistr|premi[èe]re visite|nouveau compte|pas (?:encore )?de compte/i;
const LOG_IN =
  /connexion|(?:se |vous )connect|s['’]identifier|identifi(?:ez|cation)|\blog[\s-]?in\b|\bsign[\s-]?in\b|authentifi|acc[ée]de[rz] [àa] (?:mon|votre|son) (?:compte|espace)|d[ée]j[àa] (?:un )?compte/i;
const PATH_SIGN_UP = /inscri|sign-?up|regist|cr[ée]er-?(?:un-?|mon-?|votre-?)?compte|creation-?(?:de-?)?compte|nouveau-?compte|enrol/i;
const PATH_LOG_IN = /connexion|log-?in|sign-?in|se-?connecter|identification|authentification/i;

type Says = 'login' | 'signup';

interface Vote {
  /** In French, for the finding: « titre de la page « Connexion – Mon service » ». */
  what: string;
  says: Says;
  weight: number;
}

export interface Kind {
  signUp: boolean;
  /** The signals, in French, that decided. */
  reasons: string[];
  /** Signals that said the other kind. */
  dissent: string[];
}

/** What a text says, if anything: sign-up words win over login words only when login words are absent. */
function reads(text: string): Says | undefined {
  const up = SIGN_UP.test(text);
  const down = LOG_IN.test(text);
  if (up && !down) return 'signup';
  if (down && !up) return 'login';
  return undefined;
}

function vote(votes: Vote[], what: string, text: string, weight: number, says = reads(text)) {
  if (says && norm(text)) votes.push({ what: `${what} « ${norm(text).slice(0, 70)} »`, says, weight });
}

/** The forms of `scope` that log in or sign up, by their fields and submit buttons. */
function formVotes(scope: Element, votes: Vote[]) {
  for (const form of walk(scope)) {
    if (form.localName !== 'form' || !visible(form)) continue;
    const passwords = [...form.querySelectorAll('input[type=password]')];
    const fresh = passwords.filter((p) => /new-password/.test(p.getAttribute('autocomplete') ?? ''));
    if (passwords.length >= 2 || fresh.length) {
      votes.push({ what: 'un formulaire avec confirmation ou création de mot de passe', says: 'signup', weight: 2 });
    } else if (passwords.length === 1) {
      votes.push({ what: 'un formulaire avec un mot de passe', says: 'login', weight: 1 });
    }
    for (const submit of form.querySelectorAll('button:not([type=button]):not([type=reset]),input[type=submit]')) {
      // The FranceConnect button says « S’identifier » on every kind of page.
      if (!FC_NAME.test(nameOf(submit))) vote(votes, 'un bouton d’envoi', nameOf(submit), 1);
    }
  }
}

/** The last visible heading above `el` inside `scope`. */
function headingAbove(el: Element, scope: Element): Element | undefined {
  const top = box(el).top;
  let last: Element | undefined;
  for (const e of walk(scope)) {
    if (e.matches('h1,h2,h3,h4,h5,h6,[role=heading]') && visible(e) && box(e).bottom <= top + 1 && !e.contains(el)) last = e;
  }
  return last;
}

/** Login or sign-up, for the button `el` in `region`. */
export function kindOf(el: Element, region: Element): Kind {
  for (const e of lineage(el)) {
    if (e.localName === 'fc-login-block') {
      const signUp = e.getAttribute('section') === 'inscription';
      return { signUp, reasons: [`<fc-login-block section="${signUp ? 'inscription' : 'connexion'}">`], dissent: [] };
    }
  }
  const doc = el.ownerDocument;
  const votes: Vote[] = [];
  vote(votes, 'titre de la page', doc.title, 2);
  const h1 = [...content(doc)].find((e) => e.localName === 'h1');
  if (h1) vote(votes, 'titre h1', seen(h1), 2);
  const path = decodeURIComponent(doc.defaultView?.location.pathname ?? '');
  const byPath: Says | undefined = PATH_SIGN_UP.test(path) ? 'signup' : PATH_LOG_IN.test(path) ? 'login' : undefined;
  if (byPath) votes.push({ what: `adresse ${path}`, says: byPath, weight: 2 });
  // The forms around the button; the main content's when the region holds none.
  const scope = region.querySelector('form') || [...walk(region)].some((e) => e.localName === 'form') ? region : boundaryOf(el);
  formVotes(scope, votes);
  const heading = headingAbove(el, region !== boundaryOf(el) ? region : boundaryOf(el));
  if (heading && !(h1 && contains(heading, h1))) vote(votes, 'titre de la section', seen(heading), 1);
  const score = (says: Says) => votes.filter((v) => v.says === says).reduce((n, v) => n + v.weight, 0);
  const signUp = score('signup') > score('login');
  const winner: Says = signUp ? 'signup' : 'login';
  const reasons = votes.filter((v) => v.says === winner).map((v) => v.what);
  return {
    signUp,
    reasons: reasons.length ? reasons : ['aucun indice d’inscription : page de connexion par défaut'],
    dissent: votes.filter((v) => v.says !== winner).map((v) => v.what),
  };
}
