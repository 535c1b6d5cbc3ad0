/**
 * Whether this build may hydrate server output: true everywhere but in
 * dist/cdn/franceconnect-elements.js, the CDN file for client-rendered pages, which
 * carries no hydration support (vite.config.ts builds it with `false` here, and the
 * minifier then drops every branch that only a hydrating element takes). Such a page
 * given server output anyway has it drawn again (src/cdn-unhydrated.ts).
 */
export const HYDRATES: boolean = true;
