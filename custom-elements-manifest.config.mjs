// Custom Elements Manifest: generated from the JSDoc of each element class. It drives
// Storybook's controls and docs, so only the public API goes in.
const LIFECYCLE = /^(connectedCallback|disconnectedCallback|attributeChangedCallback|form\w+Callback|render|willUpdate|updated|firstUpdated)$/;

export default {
  globs: ['src/fc-*/fc-*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
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
