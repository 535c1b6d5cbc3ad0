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
