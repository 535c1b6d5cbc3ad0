// Run by test/ssr.test.ts in a plain Node process: Vue's server renderer (what Nuxt
// runs) on a template that uses the elements, then franceconnect-elements/ssr on its
// output, as the README ("Nuxt and Vue") advises for the shadow DOM too.
const printed = [];
for (const kind of ['warn', 'error']) console[kind] = (...args) => printed.push(`${kind}: ${args.map(String).join(' ')}`);

const { createSSRApp } = await import('vue');
const { renderToString: vueRender } = await import('vue/server-renderer');
const { renderToString } = await import('../../dist/ssr/index.js');

const app = createSSRApp({
  data: () => ({
    href: '/auth/franceconnect/login',
    identity: { given_name: 'Marie Anne', family_name: 'CLÉMENT' },
    busy: false,
  }),
  template: `<main>
    <fc-button href="/login" theme="dark" plus id="b"></fc-button>
    <fc-button :href="href" :disabled="busy" variant="data" id="c"></fc-button>
    <fc-login-block :href="href" :heading-level="3" section="inscription"><a href="/inscription">Créer mon compte</a></fc-login-block>
    <fc-account profile-href="/profil" logout-href="/logout" :identity="JSON.stringify(identity)"></fc-account>
  </main>`,
});
// As a Nuxt app declares them (vue.compilerOptions.isCustomElement).
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('fc-');

const html = await vueRender(app);
let lit = '';
try {
  lit = await renderToString(html);
} catch (error) {
  printed.push(`renderToString: ${error.message}`);
}
process.stdout.write(JSON.stringify({ html, lit, printed }));
