// Run by test/ssr.test.ts in a plain Node process: React's renderToString of the
// /react wrappers, as Next.js or Remix would on their server. `lit` as first argument:
// with @lit-labs/ssr-react enabled first, as its documentation says.
const printed = [];
for (const kind of ['warn', 'error']) console[kind] = (...args) => printed.push(`${kind}: ${args.map(String).join(' ')}`);

if (process.argv[2] === 'lit') await import('@lit-labs/ssr-react/enable-lit-ssr.js');
const React = (await import('react')).default;
const { renderToString } = await import('react-dom/server');
const { FcButton, FcLoginBlock, FcAccount } = await import('../../dist/react/index.js');

const html = renderToString(
  React.createElement(
    'main',
    null,
    React.createElement(FcButton, { href: '/login', theme: 'dark', plus: true, id: 'b' }),
    React.createElement(FcLoginBlock, { href: new URL('https://example.fr/auth'), headingLevel: 3, noHeading: false, section: 'inscription' },
      React.createElement('a', { href: '/inscription' }, 'Créer mon compte')),
    React.createElement(FcAccount, { profileHref: '/profil', logoutHref: '/logout', identity: { given_name: 'Marie Anne', family_name: 'CLÉMENT' } }),
  ),
);
process.stdout.write(JSON.stringify({ html, printed }));
