/**
 * The button's colours (rules 1 and 3, docs/qualification.md#colours): the static colours
 * of one DSFR theme, and the hover state, which a page cannot show the audit by itself.
 * A control drawn by an image has colours the audit does not read: it says so, and the
 * page is not « Conforme » until someone has looked.
 */
import { authored, describe, hex, norm, style } from './dom.js';
import type { Drawn } from './geometry.js';
import { THEMES, buttonRule, type Button, type Findings } from './types.js';

export function checkColours(b: Button, d: Drawn, out: Findings): void {
  const rule = buttonRule(b);
  const { el } = b;
  const element = authored(el);
  const what = describe(el);
  const push = (status: 'pass' | 'fail' | 'warn', message: string, unjudged?: boolean) =>
    out.push({ rule, status, message, element, ...(unjudged ? { unjudged } : {}) });
  const cs = style(el);
  if (d.image && !d.text) {
    push(
      'warn',
      `Bouton ${what} dessiné par une image : ses couleurs ne se lisent pas ; comparez-le à l’œil au bouton officiel (fond #000091, texte #f5f5fe en thème clair ; fond #8585f6, texte #000091 en thème sombre).`,
      true,
    );
  } else if (el.matches(':disabled,[aria-disabled=true]')) {
    push('warn', `Bouton ${what} désactivé : ses couleurs statiques ne se mesurent pas ; auditez la page quand il est actif.`);
  } else {
    const bg = hex(cs.backgroundColor);
    const texts = [el, ...el.querySelectorAll('*')]
      .filter((e) => [...e.childNodes].some((n) => n.nodeType === 3 && norm(n.textContent)))
      .map((e) => hex(style(e).color));
    const fg = texts.find((c) => c !== texts[0]) ? texts.join(', ') : (texts[0] ?? hex(cs.color));
    // ProConnect's button page draws its text white on #000091 (bouton_proconnect.md, its
    // image's fill #fff); the DSFR's fr-connect--pro keeps FranceConnect's #f5f5fe.
    const fgs = (t: keyof typeof THEMES) => (b.provider === 'proconnect' && t === 'clair' ? [THEMES[t].fg, '#ffffff'] : [THEMES[t].fg]);
    const theme = (Object.keys(THEMES) as Array<keyof typeof THEMES>).find((t) => THEMES[t].bg === bg && fgs(t).includes(fg));
    // A background image or gradient, a filter or transparency repaint the button too.
    const filter = cs.filter !== 'none' || /(?:url|gradient)\(/.test(cs.backgroundImage) || Number(cs.opacity) < 1;
    if (theme && !filter) {
      push('pass', `Couleurs statiques du thème ${theme} du DSFR : fond ${bg}, texte ${fg}.`);
    } else {
      push(
        'fail',
        `Bouton ${what} recoloré : fond ${bg}, texte ${fg}${filter ? ', avec filtre, image de fond ou transparence' : ''} ; la règle ${rule} demande fond #000091 et texte #f5f5fe (thème clair) ou fond #8585f6 et texte #000091 (thème sombre).`,
      );
    }
  }
  // Hover (docs/qualification.md#colours: "le changement d'état au survol"): a page cannot hover itself.
  if (b.ours) {
    push('pass', `Survol de ${what} : assuré par l’élément (fond #1212ff en thème clair, #b1b1f9 en thème sombre).`);
  } else {
    push('warn', `Survol de ${what} non mesurable depuis la page : survolez-le, le fond doit devenir #1212ff (thème clair) ou #b1b1f9 (thème sombre).`);
  }
}
