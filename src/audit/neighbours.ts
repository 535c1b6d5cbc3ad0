/**
 * What stands around a FranceConnect button (rules 5, 6 and 7), judged on the page's
 * layout (layout.ts): FranceConnect first, above the other ways in or, in a row, to their
 * left (docs/qualification.md#audit-sections); a separator reading « OU » between them;
 * no social or private sign-in in the same choice.
 */
import { authored, box, contains, describe, union, walk } from './dom.js';
import { separated, separators, whereIs, type Way, type Where } from './layout.js';
import { brandOf, type Button, type Findings } from './types.js';
import type { Box } from './dom.js';

const SAID: Record<Where, string> = {
  above: 'au-dessus du',
  below: 'sous le',
  left: 'à gauche du',
  right: 'à droite du',
};

export function checkNeighbours(b: Button, fc: Box, link: Element | undefined, ways: Way[], out: Findings): void {
  const element = authored(b.el);
  const brand = brandOf({ ...b, plus: false });
  const pro = b.provider === 'proconnect';
  const group = union([fc, ...(link ? [box(link)] : [])])!;
  const mine = ways.filter((w) => contains(b.region, w.el));

  // Rule 7: the shared detector's findings in this choice of ways in.
  const privates = mine.filter((w) => w.provider);
  for (const w of privates) {
    out.push({
      rule: 7,
      status: 'fail',
      message: `${describe(w.el)} propose ${w.provider} près du bouton ${brand} ; ${pro ? 'la règle 7 de FranceConnect, que l’audit applique aussi à ProConnect, interdit' : 'la règle 7 interdit'} les connexions par réseau social ou service privé.`,
      element: authored(w.el),
    });
  }
  if (!privates.length) out.push({ rule: 7, status: 'pass', message: 'Aucune connexion par réseau social ou service privé près du bouton.', element });

  const others = mine.filter((w) => !w.provider).map((w) => ({ el: w.el, where: whereIs(w.el, b.el, fc) }));

  // Rule 5: FranceConnect first: above every other way in, or to its left in a row.
  const before = others.find((w) => w.where === 'above' || w.where === 'left');
  if (before) {
    out.push({
      rule: 5,
      status: 'fail',
      message: pro
        ? `${describe(before.el)} est ${SAID[before.where]} bouton ProConnect ; ProConnect demande « ProConnect en priorité, alternatives ensuite » (recommandation_parcours.md) : au-dessus, ou à gauche dans une rangée.`
        : `${describe(before.el)} est ${SAID[before.where]} bouton FranceConnect ; la règle 5 veut FranceConnect en premier mode de connexion (au-dessus, ou à gauche dans une rangée).`,
      element: authored(before.el),
    });
  } else {
    out.push({
      rule: 5,
      status: 'pass',
      message: others.some((w) => w.where === 'right')
        ? `${brand} est le premier mode de connexion : à gauche des autres, dans la même rangée.`
        : 'Aucun autre moyen de connexion au-dessus du bouton.',
      element,
    });
    // Keyboard and screen reader users meet the page in its source order.
    const order = [...walk(b.el.ownerDocument)];
    const first = others.find((w) => order.indexOf(w.el) < order.indexOf(b.el) && order.indexOf(w.el) >= 0);
    if (first) {
      out.push({
        rule: 5,
        status: 'warn',
        message: `${describe(first.el)} vient avant le bouton ${brand} dans l’ordre du document, bien qu’affiché ${SAID[first.where]} bouton : au clavier et au lecteur d’écran, ${brand} n’est pas le premier. Vérifiez l’ordre de tabulation.`,
        element: authored(first.el),
      });
    }
  }

  // Rule 6: a separator reading « ou » between FranceConnect and the other ways in.
  if (!others.length) {
    out.push({ rule: 6, status: 'not-applicable', message: 'Aucun autre moyen de connexion dans la section : pas de séparateur « OU » à vérifier.', element });
    return;
  }
  const seps = separators(b.region);
  const wrong = others.find((w) => !separated(seps, group, box(w.el), w.where));
  out.push(
    wrong
      ? {
          rule: 6,
          status: 'fail',
          message: pro
            ? `Pas de séparation entre le bouton ProConnect et ${describe(wrong.el)}, ${SAID[wrong.where]} bouton ; ProConnect déconseille des boutons « sans contexte ni hiérarchie » (recommandation_parcours.md) : séparez-les d’une ligne « OU ».`
            : `Pas de séparateur « OU » entre le bouton FranceConnect et ${describe(wrong.el)}, ${SAID[wrong.where]} bouton ; la règle 6 demande une séparation portant « OU ».`,
          element: authored(wrong.el),
        }
      : { rule: 6, status: 'pass', message: `Un séparateur « OU » sépare ${brand} des autres moyens de connexion.`, element },
  );
}
