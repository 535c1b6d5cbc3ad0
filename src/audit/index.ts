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
import { authored, describe, walk } from './dom.js';
import { checkFields } from './fields.js';
import { findCandidates, isPlus, type Candidate } from './find.js';
import { checkFrames } from './frames.js';
import { checkSize, drawnBox } from './geometry.js';
import { kindOf, type Kind } from './kind.js';
import { regionOf, waysIn } from './layout.js';
import { checkNeighbours } from './neighbours.js';
import { checkInfoLink, checkLabel, checkSentence } from './texts.js';
import { buttonRule, type AuditFinding, type AuditReport, type Button } from './types.js';

export type { AuditFinding, AuditReport } from './types.js';
export {
  authorizeParameters,
  judgeActivations,
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

/** What the audit knows of a page's FranceConnect controls: the buttons it judges, the likely ones it cannot. */
export interface FranceConnectControls {
  buttons: Array<{ element: Element; plus: boolean; signals: string[]; name: string }>;
  likely: Array<{ element: Element; signals: string[]; name: string }>;
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
  const entry = (c: Candidate) => ({ element: c.el, signals: [...c.strong, ...c.weak], name: describe(c.el) });
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
    const region = regionOf(c.el, ways);
    const kind = kindOf(c.el, region);
    kinds.set(c.el, kind);
    return {
      el: c.el,
      plus: isPlus(c),
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
    findings.push({
      rule,
      status: 'pass',
      message: `Bouton FranceConnect${b.plus ? '+' : ''} ${describe(b.el)}, reconnu par : ${b.signals.join(' ; ')} ; section ${b.signUp ? 'd’inscription' : 'de connexion'} d’après : ${kind.reasons.join(' ; ')}.`,
      element,
    });
    if (kind.dissent.length) {
      findings.push({
        rule,
        status: 'warn',
        message: `Indices contradictoires pour ${describe(b.el)} : jugé en section ${b.signUp ? 'd’inscription' : 'de connexion'} (${kind.reasons.join(' ; ')}), mais ${kind.dissent.join(' ; ')} ${kind.dissent.length > 1 ? 'disent' : 'dit'} ${b.signUp ? 'connexion' : 'inscription'}. Vérifiez que la page et son titre disent la même chose.`,
        element,
      });
    }
    const drawn = await drawnBox(b.el);
    checkSentence(b, drawn, findings);
    checkSize(b, drawn, findings);
    checkColours(b, drawn, findings);
    checkLabel(b, drawn, findings);
    const link = checkInfoLink(b, drawn, findings);
    checkNeighbours(b, drawn.box, link, ways, findings);
  }
  if (buttons.length) {
    // The page shows one kind of section; the other kind lives on another page.
    const signUp = buttons.some((b) => b.signUp);
    const login = buttons.some((b) => !b.signUp);
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
  checkFrames(root, buttons, findings);
  checkFields(root, findings);
  findings.sort((a, c) => a.rule - c.rule);
  const complete = !findings.some((f) => f.unjudged);
  return { ok: complete && !findings.some((f) => f.status === 'fail'), complete, findings };
}
