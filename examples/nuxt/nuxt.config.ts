// https://nuxt.com/docs/api/configuration/nuxt-config
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  devtools: { enabled: true },
  // Server-renders the fc-* tags of the templates with their shadow DOM, hydrates them
  // in place, and loads each element only on the pages that show it.
  modules: ['franceconnect-elements/nuxt'],
  app: { head: { htmlAttrs: { lang: 'fr' } } },
  // Nuxt's own telemetry and fonts stay off the network: this example builds offline.
  telemetry: false,
})
