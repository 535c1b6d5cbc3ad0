// What a rehearsal says: lines for a terminal, JSON for CI, and one self-contained HTML
// file (no external resource: styles inline, screenshots as data: URLs) that a team
// attaches to its qualification request.
const LABEL = { pass: 'Conforme', fail: 'Échec', warn: 'À vérifier', 'not-applicable': 'Sans objet', 'not-checked': 'Non vérifiée' };
const MARK = { pass: '✔', fail: '✘', warn: '!', 'not-applicable': '–', 'not-checked': '–' };

/** What the rehearsal cannot tell, that the real qualification will. */
export const LIMITS = [
  'La répétition parle à un FranceConnect local qui se comporte comme FranceConnect v2 (core-fcp-low) sur le réseau, mais sans vrais fournisseurs d’identité : des personnes fictives remplacent impots.gouv.fr, l’Identité Numérique La Poste ou France Identité, sans RNIPP ni second facteur FranceConnect+.',
  'Votre service y est joint en http sur cette machine : la règle 18 (TLS 1.2 ou 1.3) se mesure sur le service en ligne (npx franceconnect-audit --follow le fait), comme les cookies Secure et les en-têtes de votre proxy.',
  'Les textes, couleurs et dimensions des pages sont jugés par l’audit de franceconnect-elements sur les deux pages données, à 1280 et 320 px ; les autres pages, les autres tailles d’écran et le survol se vérifient à l’œil.',
  'Les règles 11 (réconciliation de comptes) et 22 (second facteur des services sensibles) dépendent de votre service ; la qualification les examine sur pièces.',
  'La qualification juge aussi ce que la répétition ne voit pas : les traces et journaux, la durée de conservation, votre page de mentions, l’habilitation de votre service aux données demandées.',
];

/** The same for a rehearsal with ProConnect (--provider proconnect). */
export const PROCONNECT_LIMITS = [
  'La répétition parle à un ProConnect local qui se comporte comme la fédération ProConnect (core-fca-low) sur le réseau, mais avec un seul fournisseur d’identité fictif : ni mire par adresse électronique, ni choix de l’organisation, ni vérification de l’adresse par code, ni règles d’accès propres à votre service (agents publics seulement, domaines autorisés).',
  'ProConnect n’a pas de grille de qualification : les règles pc-* sont celles que sa documentation des fournisseurs de service demande (docs/rehearsal.md les cite) ; le bouton lui-même est jugé sur votre page par npx franceconnect-audit.',
  'Votre service y est joint en http sur cette machine : TLS, cookies Secure et en-têtes de votre proxy se vérifient sur le service en ligne.',
];

const escape = (value) =>
  String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const count = (result, status) => result.rules.filter((r) => r.status === status).length;

/** The closing lines of a run in a terminal: the rules that fail or need a look, then the verdict. */
export function textSummary(result, { report } = {}) {
  const lines = [];
  for (const rule of result.rules) {
    const findings = result.findings.filter((f) => f.rule === rule.rule && (f.status === 'fail' || f.status === 'warn'));
    if (rule.status !== 'fail' && rule.status !== 'warn') {
      lines.push(`${MARK[rule.status]} règle ${String(rule.rule).padEnd(2)}  ${LABEL[rule.status].padEnd(12)} ${rule.title}`);
      continue;
    }
    lines.push(`${MARK[rule.status]} règle ${String(rule.rule).padEnd(2)}  ${LABEL[rule.status].padEnd(12)} ${rule.title}`);
    for (const f of findings) lines.push(`      ${MARK[f.status]} ${f.message}`);
  }
  const failing = result.rules.filter((r) => r.status === 'fail').map((r) => r.rule);
  lines.push(
    `${result.ok ? 'Conforme' : 'Non conforme'} : ${failing.length} règle(s) en échec${failing.length ? ` (${failing.join(', ')})` : ''}, ${count(result, 'warn')} à vérifier, ${count(result, 'pass')} conforme(s), ${count(result, 'not-checked') + count(result, 'not-applicable')} non vérifiée(s) ou sans objet — ${result.service}${report ? ` — rapport : ${report}` : ''}`,
  );
  return lines.join('\n');
}

/** The findings for CI: everything but the screenshots. */
export function jsonReport(result) {
  return {
    ok: result.ok,
    exitCode: result.exitCode,
    service: result.service,
    pages: result.pages,
    provider: result.provider ?? 'franceconnect',
    ...(result.proconnect ? { proconnect: result.proconnect } : { franceconnect: result.franceconnect }),
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    rules: result.rules,
    findings: result.findings,
    steps: result.steps.map(({ title, rules, status, durationMs, findings, screenshots }) => ({
      title,
      rules,
      status,
      durationMs,
      findings: findings.length,
      screenshots: screenshots.map((s) => s.caption),
    })),
  };
}

function evidenceList(evidence = {}) {
  const entries = Object.entries(evidence).filter(([, v]) => v !== undefined && v !== '');
  if (!entries.length) return '';
  return `<dl class="evidence">${entries.map(([k, v]) => `<dt>${escape(k)}</dt><dd><code>${escape(v)}</code></dd>`).join('')}</dl>`;
}

function findingItem(f) {
  return `<li class="finding ${f.status}"><span class="badge ${f.status}">${escape(LABEL[f.status])}</span> <span class="rule">règle ${f.rule}</span> ${escape(f.message)}${evidenceList(f.evidence)}</li>`;
}

const STYLE = `
  :root { color-scheme: light; --blue: #000091; --fail: #ce0500; --pass: #18753c; --warn: #b34000; --grey: #666; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 Marianne, Arial, sans-serif; color: #161616; background: #f6f6f6; }
  main { max-width: 1100px; margin: 0 auto; padding: 32px 24px 64px; background: #fff; }
  h1 { color: var(--blue); font-size: 2rem; margin: 0 0 8px; }
  h2 { color: var(--blue); border-bottom: 2px solid var(--blue); padding-bottom: 4px; margin-top: 40px; }
  h3 { margin: 0; font-size: 1.15rem; }
  .verdict { font-size: 1.3rem; font-weight: bold; padding: 12px 16px; border-left: 6px solid; margin: 16px 0; }
  .verdict.ok { border-color: var(--pass); background: #b8fec9; color: #0b3d1d; }
  .verdict.ko { border-color: var(--fail); background: #ffe9e9; color: #5e0000; }
  dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
  dl.run dt { font-weight: bold; }
  dl.run dd { margin: 0; overflow-wrap: anywhere; }
  table { width: 100%; border-collapse: collapse; }
  th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #ddd; }
  th { background: #eee; }
  td.num { font-weight: bold; width: 3em; }
  .badge { display: inline-block; min-width: 7.5em; text-align: center; padding: 0 6px; border-radius: 4px; font-size: .85rem; font-weight: bold; color: #fff; background: var(--grey); }
  .badge.pass { background: var(--pass); } .badge.fail { background: var(--fail); } .badge.warn { background: var(--warn); }
  ul.findings { list-style: none; padding: 0; margin: 8px 0; }
  li.finding { padding: 6px 0 6px 8px; border-left: 4px solid #ddd; margin: 6px 0; }
  li.finding.fail { border-color: var(--fail); } li.finding.pass { border-color: var(--pass); } li.finding.warn { border-color: var(--warn); }
  .rule, .where { color: var(--grey); font-size: .85rem; }
  ul.compact { margin: 0; padding-left: 1.1em; }
  ul.compact li { margin: 2px 0; }
  dl.evidence { display: grid; grid-template-columns: max-content 1fr; gap: 0 12px; margin: 4px 0 0 0; font-size: .85rem; }
  dl.evidence dt { color: var(--grey); } dl.evidence dd { margin: 0; overflow-wrap: anywhere; }
  code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: .85em; }
  section.step { border: 1px solid #ddd; border-radius: 6px; padding: 16px; margin: 16px 0; }
  section.step header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
  .duration { color: var(--grey); font-size: .9rem; }
  .shots { display: flex; flex-wrap: wrap; gap: 12px; }
  figure { margin: 0; max-width: 100%; }
  figure img { display: block; max-width: 520px; width: 100%; height: auto; border: 1px solid #ccc; }
  figure.narrow img { max-width: 200px; }
  figcaption { font-size: .85rem; color: var(--grey); overflow-wrap: anywhere; }
`;

/** The report as one HTML document, nothing loaded from anywhere. */
export function htmlReport(result, { command } = {}) {
  const failing = result.rules.filter((r) => r.status === 'fail').map((r) => r.rule);
  const pro = result.provider === 'proconnect';
  const fc = (pro ? result.proconnect : result.franceconnect) ?? {};
  const name = pro ? 'ProConnect' : 'FranceConnect';
  const rules = result.rules
    .map((rule) => {
      // The findings that decided the status, each message once, with where it was seen.
      const shown = new Map();
      for (const f of result.findings.filter((x) => x.rule === rule.rule && x.status === rule.status)) {
        const where = [f.evidence?.page, f.evidence?.largeur].filter(Boolean).join(' ');
        const seen = shown.get(f.message) ?? [];
        if (where && !seen.includes(where)) seen.push(where);
        shown.set(f.message, seen);
      }
      const items = [...shown].map(([message, where]) => `<li>${escape(message)}${where.length ? ` <span class="where">(${escape(where.join(', '))})</span>` : ''}</li>`);
      const kept = items.length > 5 ? [...items.slice(0, 4), `<li class="where">… et ${items.length - 4} autres constats, dans les étapes ci-dessous</li>`] : items;
      return `<tr id="regle-${rule.rule}"><td class="num">${rule.rule}</td><td>${escape(rule.title)}</td><td><span class="badge ${rule.status}">${escape(LABEL[rule.status])}</span></td><td><ul class="compact">${kept.join('')}</ul></td></tr>`;
    })
    .join('\n');
  const steps = result.steps
    .map(
      (step, i) => `<section class="step" id="etape-${i + 1}">
  <header><h3>${i + 1}. ${escape(step.title)}</h3><span class="badge ${step.status}">${escape(LABEL[step.status])}</span><span class="duration">règle${step.rules.length > 1 ? 's' : ''} ${step.rules.join(', ')} · ${(step.durationMs / 1000).toFixed(1).replace('.', ',')} s</span></header>
  <ul class="findings">${step.findings.map(findingItem).join('')}</ul>
  <div class="shots">${step.screenshots
    .map((shot) => `<figure${/ 320 px$/.test(shot.caption) ? ' class="narrow"' : ''}><img src="data:image/jpeg;base64,${shot.data}" alt="${escape(shot.caption)}"><figcaption>${escape(shot.caption)}</figcaption></figure>`)
    .join('')}</div>
</section>`,
    )
    .join('\n');
  const others = result.findings.filter((f) => !result.steps.some((s) => s.findings.includes(f)));
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Répétition ${pro ? 'des exigences ProConnect' : 'de la qualification FranceConnect'} – ${escape(result.service)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Répétition ${pro ? 'des exigences ProConnect' : 'de la qualification FranceConnect'}</h1>
<p class="verdict ${result.ok ? 'ok' : 'ko'}">${result.ok ? 'Aucune règle en échec' : `Non conforme : ${failing.length} règle${failing.length > 1 ? 's' : ''} en échec (${failing.join(', ')})`} — ${count(result, 'pass')} conformes, ${count(result, 'warn')} à vérifier, ${count(result, 'not-checked') + count(result, 'not-applicable')} non vérifiées ou sans objet</p>
<dl class="run">
  <dt>Service</dt><dd><code>${escape(result.service)}</code></dd>
  <dt>Pages</dt><dd>connexion <code>${escape(result.pages.login)}</code>${result.pages.signup ? `, inscription <code>${escape(result.pages.signup)}</code>` : ''}${result.pages.profile ? `, profil <code>${escape(result.pages.profile)}</code>` : ''}</dd>
  <dt>${name} local</dt><dd><code>${escape(fc.issuer)}</code>${fc.plus ? ' (FranceConnect+)' : ''}</dd>
  <dt>client_id</dt><dd><code>${escape(fc.clientId)}</code>, signature ${escape(fc.alg)}</dd>
  <dt>Date</dt><dd>${escape(result.startedAt)} (${(result.durationMs / 1000).toFixed(0)} s)</dd>
  ${command ? `<dt>Commande</dt><dd><code>${escape(command)}</code></dd>` : ''}
</dl>
<h2>${pro ? 'Exigences de ProConnect' : 'Règles de la qualification'}</h2>
<table>
<thead><tr><th>n°</th><th>règle</th><th>statut</th><th>constats</th></tr></thead>
<tbody>
${rules}
</tbody>
</table>
<h2>Étapes</h2>
${steps}
${others.length ? `<h2>Non vérifié par la répétition</h2><ul class="findings">${others.map(findingItem).join('')}</ul>` : ''}
<h2>Ce que la répétition ne peut pas dire</h2>
<ul>${(pro ? PROCONNECT_LIMITS : LIMITS).map((l) => `<li>${escape(l)}</li>`).join('')}</ul>
</main>
</body>
</html>
`;
}

