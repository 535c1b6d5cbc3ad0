// Server rendering from Node (docs/server-rendering.md): prints the server-rendered
// block, as a back end would put it in its page. test/examples.test.ts runs it.
//   npm run build && node examples/ssr/render.mjs
import { renderToString } from 'franceconnect-elements/ssr';

const html = await renderToString('<fc-login-block href="/auth/franceconnect/login"></fc-login-block>');
process.stdout.write(html);
