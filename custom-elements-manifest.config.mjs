// Custom Elements Manifest: generated from the JSDoc of each element class.
export default {
  globs: ['src/fc-*/fc-*.ts', 'src/define/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
