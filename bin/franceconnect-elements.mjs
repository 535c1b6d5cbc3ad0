#!/usr/bin/env node
// npx franceconnect-elements render '<fc-login-block href="/auth/franceconnect/login"></fc-login-block>'
// echo '<fc-button href="/login"></fc-button>' | npx franceconnect-elements render
//
// Prints the server-rendered HTML of the markup (franceconnect-elements/ssr), to paste
// into a Django, Symfony, Rails or Spring template or to produce at build time. A bad
// tag, attribute or value: one line per problem on stderr, exit code 1.
const USAGE = `Usage : npx franceconnect-elements render '<fc-button href="/login"></fc-button>'
        (ou le balisage sur l’entrée standard : … | npx franceconnect-elements render)`;

function fail(message) {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
if (command !== 'render' || rest.includes('--help') || rest.length > 1) fail(USAGE);

let markup = rest[0];
if (markup === undefined) {
  if (process.stdin.isTTY) fail(USAGE);
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  markup = Buffer.concat(chunks).toString('utf8');
}
if (!markup.trim()) fail(`No markup to render.\n${USAGE}`);

// Lit's server renderer is an optional peer dependency: the elements alone bring Lit only.
let renderToString;
try {
  ({ renderToString } = await import('../dist/ssr/index.js'));
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && /@lit-labs\/ssr|parse5/.test(error.message)) {
    fail('franceconnect-elements render needs Lit’s server renderer: run `npm install --save-dev @lit-labs/ssr parse5` and try again.');
  }
  if (error?.code === 'ERR_MODULE_NOT_FOUND') fail('dist/ssr/index.js is missing: run `npm run build` in franceconnect-elements first.');
  throw error;
}

try {
  process.stdout.write(`${await renderToString(markup)}\n`);
} catch (error) {
  fail(error?.name === 'FcRenderError' ? error.message : String(error?.stack ?? error));
}
