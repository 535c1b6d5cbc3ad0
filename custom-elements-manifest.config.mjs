// Custom Elements Manifest: generated from the JSDoc of each element class. It drives
// Storybook's controls and docs, so only the public API goes in.
const LIFECYCLE = /^(connectedCallback|disconnectedCallback|attributeChangedCallback|form\w+Callback|render|willUpdate|updated|firstUpdated)$/;

/**
 * Lit's internal reactive state, `static properties = { busy: { state: true } }`:
 * the analyzer's Lit support reads `static properties` but not `state: true`, and
 * publishes such a field as a public attribute (Storybook then builds a control for
 * it). Lit itself never observes an attribute for state. This plugin records, per
 * class, the names declared with `state: true` so the link phase can drop them.
 */
function litStateIsPrivate() {
  const stateByClass = new Map(); // "module path#ClassName" -> Set of field names

  /** The object literal of `static properties = {…}` or `static get properties() { return {…} }`. */
  const propertiesObject = (ts, member) => {
    if (ts.isPropertyDeclaration(member) && member.initializer) return member.initializer;
    if (ts.isGetAccessorDeclaration(member)) {
      const ret = member.body?.statements.find((s) => ts.isReturnStatement(s));
      return ret?.expression;
    }
    return undefined;
  };

  const isStatic = (ts, member) => member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);

  return {
    name: 'lit-state-is-private',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        if (!isStatic(ts, member) || member.name?.getText() !== 'properties') continue;
        let object = propertiesObject(ts, member);
        while (object && (ts.isAsExpression(object) || ts.isSatisfiesExpression?.(object) || ts.isParenthesizedExpression(object))) {
          object = object.expression;
        }
        if (!object || !ts.isObjectLiteralExpression(object)) continue;
        const names = new Set();
        for (const property of object.properties) {
          if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
          const state = property.initializer.properties.find(
            (option) => ts.isPropertyAssignment(option) && option.name.getText() === 'state',
          );
          if (state && state.initializer.kind === ts.SyntaxKind.TrueKeyword) names.add(property.name.getText());
        }
        stateByClass.set(`${moduleDoc.path}#${node.name.getText()}`, names);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          const state = stateByClass.get(`${mod.path}#${declaration.name}`);
          if (!state?.size) continue;
          declaration.attributes = declaration.attributes?.filter((a) => !state.has(a.fieldName ?? a.name));
          declaration.members = declaration.members?.filter((m) => !state.has(m.name));
        }
      }
    },
  };
}

export default {
  globs: ['src/fc-*/fc-*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    litStateIsPrivate(),
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.members) continue;
            // Lit's internal state (`{ state: true }`) is no attribute: the analyzer
            // lists it as one, with the private field's name.
            const hidden = new Set(
              declaration.members.filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name),
            );
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
            }
            declaration.members = declaration.members.filter(
              (m) =>
                !m.static &&
                m.privacy !== 'private' &&
                m.privacy !== 'protected' &&
                !LIFECYCLE.test(m.name),
            );
          }
        }
      },
    },
  ],
};
