/**
 * franceconnect-elements/audit: the qualification's own recipe ("effectuer votre
 * propre recette interne", docs/qualification.md) as functions over a page. It finds the
 * FranceConnect buttons however they are built (find.ts), decides whether each is in a
 * login or a sign-up section (kind.ts) and what part of the page is its choice of ways in
 * (layout.ts), then checks rules 1 to 7 (geometry.ts, colours.ts, texts.ts,
 * neighbours.ts), 13 (frames.ts), 15 and 16 (fields.ts). What a page cannot tell is a
 * `warn` that says how to check by hand; a likely FranceConnect control it cannot judge
 * makes the report incomplete, never « Conforme » by silence. Rules 17 to 21 are read on
 * the authorize request (follow.ts, `npx franceconnect-audit --follow`).
 */
import { checkColours } from './colours.js';
import { authored, box, contains, describe, parentOf, seen, visible, walk } from './dom.js';
import { checkFields } from './fields.js';
import { findCandidates, isPlus, type Candidate } from './find.js';
import { checkFrames } from './frames.js';
import { checkSize, drawnBox } from './geometry.js';
import { kindOf, type Kind } from './kind.js';
import { regionOf, waysIn } from './layout.js';
import type { Provider } from '../shared/texts.js';
import { checkNeighbours } from './neighbours.js';
import { checkInfoLink, checkLabel, checkSentence } from './texts.js';
import { boundaryOf } from './layout.js';
import { brandOf, buttonRule, type AuditFinding, type AuditReport, type Button } from './types.js';

export type { AuditFinding, AuditReport } from './types.js';
export {
  authorizeParameters,
  judgeActivations,
  judgeProConnect,
  judgeTls,
  FC_AUTHORIZE,
  type Activation,
  type CaughtRequest,
  type FollowedButton,
  type TlsAnswer,
  type TlsProbe,
} from './follow.js';

/** Waits for custom elements (ours or others) to be defined and rendered, for fonts and images. */
async function settle(doc: Document): Promise<void> {
  const view = doc.defaultView!;
  const soon = (ms: number) => new Promise((resolve) => view.setTimeout(resolve, ms));
  for (let pass = 0; pass < 4; pass += 1) {
    const pending: Promise<unknown>[] = [];
    for (const el of walk(doc)) {
      if (!el.localName.includes('-')) continue;
      if (!view.customElements.get(el.localName)) pending.push(view.customElements.whenDefined(el.localName));
      const update = (el as { updateComplete?: Promise<unknown> }).updateComplete;
      if (update) pending.push(update);
    }
    if (!pending.length) break;
    await Promise.race([Promise.all(pending), soon(3000)]);
  }
  await Promise.race([doc.fonts?.ready, soon(3000)]);
  // Images decide what a button draws (geometry.ts).
  const images = [...walk(doc)].filter((e): e is HTMLImageElement => e.localName === 'img' && !(e as HTMLImageElement).complete);
  await Promise.race([Promise.all(images.map((img) => img.decode().catch(() => undefined))), soon(3000)]);
  // Layout after the last render.
  await Promise.race([new Promise((resolve) => view.requestAnimationFrame(() => resolve(0))), soon(100)]);
}

/**
 * On a page with both buttons, a button's choice of ways in stops short of the other
 * provider's path (docs/qualification.md#both): the agents' password form above the
 * public's FranceConnect button is the agents' way in, not one before FranceConnect.
 */
function ownPath(el: Element, region: Element, others: Element[]): Element {
  if (!others.some((o) => contains(region, o))) return region;
  let own = parentOf(el) ?? region;
  for (let e = parentOf(el); e && e !== region && !others.some((o) => contains(e!, o)); e = parentOf(e)) own = e;
  return own;
}

/** The last visible heading before `el` in the page's order, inside its main content. */
function headingOf(el: Element): Element | undefined {
  const top = box(el).top;
  // A heading our blocks draw around their button (« Se connecter avec ProConnect ») says
  // which button it is, not which audience the path is for: the page's headings decide.
  let last: Element | undefined;
  for (const e of walk(boundaryOf(el))) {
    if (e === el) break;
    if (authored(e) !== e && /^fc-/.test(authored(e).localName)) continue;
    if (e.matches('h1,h2,h3,h4,h5,h6,[role=heading],legend') && visible(e) && box(e).top <= top) last = e;
  }
  return last;
}

/**
 * A page with both buttons (docs/qualification.md#both): either may come first, but each
 * path is its own, under a heading of its own (« Vous êtes un particulier » / « Vous êtes
 * un agent »); ProConnect's documentation advises against mixing the public's and the
 * professionals' ways in « sans distinction claire » (recommandation_parcours.md).
 */
function checkBoth(buttons: Button[], out: AuditFinding[]): void {
  const fc = buttons.filter((b) => b.provider === 'franceconnect');
  const pc = buttons.filter((b) => b.provider === 'proconnect');
  for (const f of fc) {
    for (const p of pc) {
      const [hf, hp] = [headingOf(f.el), headingOf(p.el)];
      const distinct = hf && hp && hf !== hp && seen(hf) !== seen(hp);
      out.push(
        distinct
          ? {
              rule: 5,
              status: 'pass',
              message: `Boutons FranceConnect et ProConnect chacun dans son parcours : « ${seen(hf!).slice(0, 60)} » et « ${seen(hp!).slice(0, 60)} » ; chacun est jugé selon les règles de son fournisseur.`,
              element: authored(p.el),
              provider: 'proconnect',
            }
          : {
              rule: 5,
              status: 'fail',
              message: `Boutons FranceConnect ${describe(f.el)} et ProConnect ${describe(p.el)} ${hf && hf === hp ? `sous le même titre « ${seen(hf).slice(0, 60)} »` : 'sans titre propre à chacun'} : les parcours des particuliers et des agents doivent se distinguer (un titre ou une section chacun, « Vous êtes un particulier » / « Vous êtes un agent ») ; ProConnect déconseille de les mélanger « sans distinction claire » (recommandation_parcours.md).`,
              element: authored(p.el),
              provider: 'proconnect',
            },
      );
    }
  }
}

/** What the audit knows of a page's FranceConnect controls: the buttons it judges, the likely ones it cannot. */
export interface FranceConnectControls {
  buttons: Array<{ element: Element; plus: boolean; provider: Provider; signals: string[]; name: string }>;
  likely: Array<{ element: Element; provider: Provider; signals: string[]; name: string }>;
}

/**
 * The FranceConnect controls of a page (after its elements, fonts and images have
 * settled): the buttons, found by a strong signal, and the likely ones, found by weak
 * signals only. `npx franceconnect-audit --follow` activates them all.
 */
export async function findFranceConnectControls(root: Document | Element = document): Promise<FranceConnectControls> {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  await settle(doc);
  const candidates = await findCandidates(root);
  const entry = (c: Candidate) => ({ element: c.el, provider: c.provider, signals: [...c.strong, ...c.weak], name: describe(c.el) });
  return {
    buttons: candidates.filter((c) => c.strong.length).map((c) => ({ ...entry(c), plus: isPlus(c) })),
    likely: candidates.filter((c) => !c.strong.length).map(entry),
  };
}

/**
 * Audits a page (or a part of it) against FranceConnect's qualification rules
 * (rules 1 to 7, 13, 15 and 16 of docs/qualification.md), in the page's current size and theme.
 * Waits for custom elements to be defined and rendered, and for fonts and images, first.
 */
export async function auditFranceConnect(root: Document | Element = document): Promise<AuditReport> {
  const doc = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  await settle(doc);
  const findings: AuditFinding[] = [];
  const candidates = await findCandidates(root);
  const confirmed = candidates.filter((c) => c.strong.length);
  const likely = candidates.filter((c) => !c.strong.length);
  const ways = waysIn(root, candidates.map((c) => c.el));
  const kinds = new Map<Element, Kind>();
  const buttons: Button[] = confirmed.map((c) => {
    const host = authored(c.el);
    const region = ownPath(c.el, regionOf(c.el, ways), confirmed.filter((o) => o.provider !== c.provider).map((o) => o.el));
    const kind = kindOf(c.el, region);
    kinds.set(c.el, kind);
    return {
      el: c.el,
      plus: isPlus(c),
      provider: c.provider,
      ours: host !== c.el && /^fc-/.test(host.localName),
      signals: c.strong,
      region,
      signUp: kind.signUp,
    };
  });

  // A likely FranceConnect control the audit cannot judge: never « Conforme » by silence.
  for (const c of likely) {
    findings.push({
      rule: 1,
      status: 'warn',
      unjudged: true,
      message: `${describe(c.el)} ressemble à un bouton FranceConnect (${c.weak.join(' ; ')}) mais ne se laisse pas juger : son nom ne dit pas ce qu’il fait. S’il s’agit du bouton FranceConnect, donnez-lui le libellé « S’identifier avec FranceConnect » ; sinon, vérifiez-le à la main (ou lancez l’audit avec --follow).`,
      element: authored(c.el),
    });
  }
  if (!buttons.length) {
    for (const rule of [1, 2, 3, 4, 5, 6, 7]) {
      if (rule === 1 && likely.length) continue;
      findings.push({
        rule,
        status: 'not-applicable',
        message: likely.length ? 'Aucun bouton FranceConnect reconnu avec certitude sur cette page (voir la règle 1).' : 'Aucun bouton FranceConnect sur cette page.',
      });
    }
  }
  for (const b of buttons) {
    const rule = buttonRule(b);
    const element = authored(b.el);
    const kind = kinds.get(b.el)!;
    const pro = b.provider === 'proconnect';
    const start = findings.length;
    findings.push({
      rule,
      status: 'pass',
      message: pro
        ? `Bouton ProConnect ${describe(b.el)}, reconnu par : ${b.signals.join(' ; ')} ; jugé selon ProConnect (libellé, taille, lien, priorité, séparation), sans la phrase explicative de FranceConnect.`
        : `Bouton ${brandOf(b)} ${describe(b.el)}, reconnu par : ${b.signals.join(' ; ')} ; section ${b.signUp ? 'd’inscription' : 'de connexion'} d’après : ${kind.reasons.join(' ; ')}.`,
      element,
    });
    if (kind.dissent.length && !pro) {
      findings.push({
        rule,
        status: 'warn',
        message: `Indices contradictoires pour ${describe(b.el)} : jugé en section ${b.signUp ? 'd’inscription' : 'de connexion'} (${kind.reasons.join(' ; ')}), mais ${kind.dissent.join(' ; ')} ${kind.dissent.length > 1 ? 'disent' : 'dit'} ${b.signUp ? 'connexion' : 'inscription'}. Vérifiez que la page et son titre disent la même chose.`,
        element,
      });
    }
    const drawn = await drawnBox(b.el);
    // ProConnect has no explanatory sentence (neither its button page nor the DSFR has one):
    // FranceConnect's is never asked of it.
    if (!pro) checkSentence(b, drawn, findings);
    checkSize(b, drawn, findings);
    checkColours(b, drawn, findings);
    checkLabel(b, drawn, findings);
    const link = checkInfoLink(b, drawn, findings);
    checkNeighbours(b, drawn.box, link, ways, findings);
    if (pro) for (const f of findings.slice(start)) f.provider = 'proconnect';
  }
  checkBoth(buttons, findings);
  const franceConnect = buttons.filter((b) => b.provider === 'franceconnect');
  if (franceConnect.length) {
    // The page shows one kind of section; the other kind lives on another page.
    const signUp = franceConnect.some((b) => b.signUp);
    const login = franceConnect.some((b) => !b.signUp);
    for (const [has, rules, where] of [[signUp, [3, 4], 'd’inscription'], [login, [1, 2], 'de connexion']] as const) {
      if (has) continue;
      for (const rule of rules) {
        findings.push({
          rule,
          status: 'warn',
          message: `Pas de section ${where} sur cette page : lancez aussi l’audit sur votre page ${where} (bouton, phrase et lien y sont exigés).`,
        });
      }
    }
  }
  const framed = findings.length;
  checkFrames(root, buttons, findings);
  for (const f of findings.slice(framed)) if (f.element && buttons.some((b) => b.provider === 'proconnect' && authored(b.el) === f.element)) f.provider = 'proconnect';
  checkFields(root, findings);
  findings.sort((a, c) => a.rule - c.rule);
  const complete = !findings.some((f) => f.unjudged);
  return { ok: complete && !findings.some((f) => f.status === 'fail'), complete, findings };
}
