/**
 * Rules 15 and 16 (docs/qualification.md#rule-15): on a profile page or a sign-up form,
 * the six pivot fields cannot be changed when they come from FranceConnect, while « Nom
 * d’usage » and « Email » can.
 *
 * What counts is what the user can change, however the page locks it: `readonly`,
 * `disabled`, an inert part of the page, a radio group whose other choices are disabled, a
 * list with a single choice. The fields are known by their usual labels (« Nom », « Nom de
 * famille », « Prénom(s) », « Lieu de naissance »…), by their group's legend (a date in
 * three fields), then by their `autocomplete` token.
 */
import { authored, nameOf, norm, visible, walk } from './dom.js';
import type { Findings } from './types.js';

/** Labels, once stripped of hints, stars and « (obligatoire) ». Contact fields first: « Nom d’usage » is no « Nom ». */
const FIELDS: Array<[rule: 15 | 16, name: string, label: RegExp, autocomplete?: RegExp]> = [
  [16, 'Nom d’usage', /^nom (?:d['’]usage|marital|d['’][ée]pouse|utilis[ée])\b/i],
  [16, 'Email', /^(?:e-?mail|courriel|adresse (?:e-?mail|[ée]lectronique|de courriel|mail))\b/i, /\bemail\b/],
  [15, 'Nom de naissance', /^(?:nom(?: de naissance| de famille| patronymique)?|patronyme|last name|family name|surname)(?:\s*\(.*\))?$/i, /\bfamily-name\b/],
  [15, 'Prénoms', /^(?:pr[ée]noms?(?:\s*\(s\))?|premiers? pr[ée]noms?|first names?|given names?)(?:\s*\(.*\))?$/i, /\bgiven-name\b/],
  [15, 'Date de naissance', /^(?:date de naissance|n[ée](?:e|\(e\))? le|birth ?date|date of birth)\b/i, /\bbday\b/],
  [15, 'Ville de naissance', /^(?:ville|commune|lieu|localit[ée]) de naissance\b/i],
  [15, 'Pays de naissance', /^pays de naissance\b/i],
  [15, 'Sexe', /^(?:sexe|genre)\b/i, /\bsex\b/],
];

/** A label's own words: without its hints and error messages, its star or « (obligatoire) ». */
function labelWords(label: Element): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) parts.push(node.textContent ?? '');
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (el !== label && (el.matches('small,.fr-hint-text,[class*=hint],[class*=help],[class*=error],[class*=message]') || el.matches('input,select,textarea'))) return;
    for (const child of el.childNodes) visit(child);
  };
  visit(label);
  return norm(parts.join(' '))
    .replace(/\s*\((?:obligatoire|requis|facultatif|optionnel)\)\s*$/i, '')
    .replace(/[\s*:]+$/, '');
}

/** A field's labels, best first: its own (aria-labelledby, aria-label, <label for>, a wrapping label), its group's legend. */
function labelsOf(field: Element): string[] {
  const root = field.getRootNode() as Document | ShadowRoot;
  const out: string[] = [];
  if (field.hasAttribute('aria-labelledby') || field.hasAttribute('aria-label')) out.push(nameOf(field));
  const byFor = field.id ? root.querySelector?.(`label[for="${CSS.escape(field.id)}"]`) : null;
  const label = byFor ?? field.closest('label');
  if (label) out.push(labelWords(label));
  if (!out.filter(Boolean).length) out.push(norm(field.getAttribute('placeholder')) || norm(field.getAttribute('title')));
  const group = field.closest('[role=radiogroup],[role=group]');
  if (group) out.push(nameOf(group));
  const legend = field.closest('fieldset')?.querySelector('legend');
  if (legend) out.push(labelWords(legend));
  return out.filter(Boolean);
}

/** Cut off from the user: disabled, or in an inert part of the page. */
const disabled = (el: Element) => el.matches(':disabled') || !!el.closest('[inert]');

/** What the user can change in one field or one radio group, and how it is locked otherwise. */
function changeable(fields: Element[]): { open: boolean; filled: boolean; how: string } {
  const radios = fields.filter((f) => f.matches('input[type=radio]')) as HTMLInputElement[];
  if (radios.length) {
    const checked = radios.filter((r) => r.checked);
    const free = radios.filter((r) => !disabled(r) && !r.checked);
    const open = checked.length ? free.length > 0 : radios.some((r) => !disabled(r));
    return { open, filled: checked.length > 0, how: open ? '' : 'boutons radio : les autres choix sont désactivés' };
  }
  const openOnes: Element[] = [];
  let filled = false;
  let how = '';
  for (const f of fields) {
    if (f.matches('select')) {
      const select = f as HTMLSelectElement;
      const others = [...select.options].filter((o) => !o.disabled && !o.selected);
      filled ||= select.value.trim() !== '';
      if (!disabled(select) && others.length) openOnes.push(f);
      else how = disabled(select) ? 'liste désactivée' : select.options.length > 1 ? 'liste dont les autres choix sont désactivés' : 'liste à un seul choix';
    } else if (f.matches('input,textarea')) {
      const input = f as HTMLInputElement;
      filled ||= f.matches('[type=checkbox]') ? input.checked : input.value.trim() !== '';
      if (!disabled(f) && !input.readOnly) openOnes.push(f);
      else how = disabled(f) ? 'champ désactivé' : 'champ en lecture seule';
    } else {
      filled ||= norm(f.textContent) !== '';
      const locked = f.getAttribute('aria-readonly') === 'true' || f.getAttribute('aria-disabled') === 'true' || !(f as HTMLElement).isContentEditable;
      if (!locked && !f.closest('[inert]')) openOnes.push(f);
      else how = 'affiché en lecture seule';
    }
  }
  return { open: openOnes.length > 0, filled, how };
}

/** Rules 15 and 16: pivot identity locked, e-mail and usage name editable. */
export function checkFields(root: Element | Document, out: Findings): void {
  const fields = [...walk(root)].filter(
    (e) =>
      e.matches(
        'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=image]):not([type=reset]),select,textarea,[contenteditable],[role=textbox],[role=combobox]',
      ) && visible(e),
  );
  const groups = new Map<string, { rule: 15 | 16; fields: Element[] }>();
  for (const field of fields) {
    const labels = labelsOf(field);
    let hit = labels.map((label) => FIELDS.find(([, , pattern]) => pattern.test(label))).find(Boolean);
    // No label that says it: the autocomplete token the page gave.
    if (!hit) {
      const token = field.getAttribute('autocomplete') ?? '';
      hit = FIELDS.find(([, , , auto]) => auto?.test(token));
    }
    if (!hit) continue;
    const [rule, name] = hit;
    const entry = groups.get(name) ?? { rule, fields: [] };
    entry.fields.push(field);
    groups.set(name, entry);
  }
  const empty: string[] = [];
  for (const [name, { rule, fields: group }] of groups) {
    const element = authored(group[0]);
    // Radio buttons of one name are one field.
    const { open, filled, how } = changeable(group);
    if (rule === 16) {
      out.push(
        open
          ? { rule, status: 'pass', message: `Champ « ${name} » modifiable.`, element }
          : { rule, status: 'fail', message: `Champ « ${name} » non modifiable (${how}) ; la règle 16 le veut modifiable.`, element },
      );
    } else if (!open) {
      out.push({ rule, status: 'pass', message: `Champ « ${name} » non modifiable${how ? ` (${how})` : ''}.`, element });
    } else if (filled) {
      out.push({
        rule,
        status: 'fail',
        message: `Champ « ${name} » pré-rempli et modifiable ; la règle 15 le veut non modifiable quand il vient de FranceConnect (readonly, ou affiché comme texte).`,
        element,
      });
    } else {
      empty.push(name);
    }
  }
  if (empty.length) {
    out.push({
      rule: 15,
      status: 'warn',
      message: `Champs vides et modifiables : ${empty.join(', ')}. Un formulaire rempli à la main peut les laisser modifiables ; s’ils sont remplis par FranceConnect, vérifiez qu’ils ne le sont plus.`,
    });
  }
  for (const rule of [15, 16]) {
    if (!out.some((f) => f.rule === rule)) {
      out.push({
        rule,
        status: 'not-applicable',
        message: `Aucun champ ${rule === 15 ? 'd’identité pivot (Nom de naissance, Prénoms, Date, Ville et Pays de naissance, Sexe)' : 'Email ou Nom d’usage'} sur la page.`,
      });
    }
  }
}
