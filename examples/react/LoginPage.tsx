// The README's React example: a login page with the FranceConnect block first and the
// service's own way in below it. test/examples.test.ts builds it against the package
// (npm run build:test-pages) and opens examples/react/index.html.
// 'use client': in a Next.js App Router page, this component handles an event, which a
// server component cannot (docs/frameworks.md); elsewhere the line changes nothing.
'use client';
import { FcLoginBlock } from 'franceconnect-elements/react';

export function LoginPage() {
  return (
    <main>
      <h1>Connexion</h1>
      <FcLoginBlock
        section="connexion"
        href="/auth/franceconnect/login"
        onFcActivate={(event) => sessionStorage.setItem('fc-login-started', event.detail.href ?? '')}
      >
        <h2>Première visite ?</h2>
        <a href="/inscription">Créer mon compte</a>
      </FcLoginBlock>
    </main>
  );
}
