/**
 * Rule 13 (docs/qualification.md#rule-13): no iframe on the page, and a FranceConnect
 * button that navigates this window: no pop-up, no new tab, no modal.
 */
import { findForbidden } from '../shared/private-sign-in.js';
import { authored, describe, lineage } from './dom.js';
import { brandOf, type Button, type Findings } from './types.js';

export function checkFrames(root: Element | Document, buttons: Button[], out: Findings): void {
  const top = root.nodeType === 9 ? (root as Document).documentElement : (root as Element);
  const frames = findForbidden([top]).filter((f) => f.rule === 13);
  for (const f of frames) {
    out.push({
      rule: 13,
      status: 'fail',
      message: `Iframe sur la page ${describe(f.element)}${f.element.getAttribute('src') ? ` (${f.element.getAttribute('src')!.slice(0, 80)})` : ''} ; la règle 13 interdit les iframes.`,
      element: authored(f.element),
    });
  }
  if (!frames.length) out.push({ rule: 13, status: 'pass', message: 'Aucune iframe sur la page.' });
  for (const b of buttons) {
    const element = authored(b.el);
    const what = describe(b.el);
    // The button itself, or the link around its image.
    const link = [...lineage(b.el)].find((e) => e.localName === 'a') ?? b.el;
    const form = (b.el as HTMLButtonElement).form;
    const opens =
      link.getAttribute('target') === '_blank' ||
      b.el.getAttribute('formtarget') === '_blank' ||
      (form?.getAttribute('target') === '_blank' && !b.el.hasAttribute('formtarget')) ||
      /\bopen\s*\(/.test(b.el.getAttribute('onclick') ?? '');
    const modal = [...lineage(b.el)].find((e) => e.matches('dialog,[role=dialog],[aria-modal=true]'));
    if (opens || modal) {
      out.push({
        rule: 13,
        status: 'fail',
        message: `Le bouton ${what} ${modal ? 'est dans une fenêtre modale' : 'ouvre une nouvelle fenêtre'} ; la règle 13 interdit pop-ups et modales : il doit naviguer dans cette fenêtre.`,
        element,
      });
    } else if (b.ours) {
      out.push({ rule: 13, status: 'pass', message: `Le bouton ${what} navigue dans cette fenêtre (par construction).`, element });
    } else {
      out.push({
        rule: 13,
        status: 'warn',
        message: `Le bouton ${what} ne déclare pas de nouvelle fenêtre, mais un script peut en ouvrir une : cliquez-le (ou lancez l’audit avec --follow) et vérifiez que ${brandOf({ ...b, plus: false })} s’ouvre dans cet onglet, sans pop-up.`,
        element,
      });
    }
  }
}
