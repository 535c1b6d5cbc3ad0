// The profile page of the React example: the person's name in the header (rule 14),
// the identity FranceConnect returned locked and Nom d'usage and Email editable (rules 15
// and 16). test/examples.test.ts opens examples/react/profile.html.
import { FcAccount, FcProfileForm } from 'franceconnect-elements/react';
import type { FcIdentity } from 'franceconnect-elements/fc-profile-form';

export function ProfilePage({ identity }: { identity: FcIdentity }) {
  return (
    <>
      <header>
        <FcAccount identity={identity} profileHref="/profil" logoutHref="/auth/franceconnect/logout" />
      </header>
      <main>
        <h1>Mon profil</h1>
        <form action="/profil" method="post">
          {/* identity is set as an object property, not an attribute */}
          <FcProfileForm identity={identity} />
          <button type="submit">Enregistrer</button>
        </form>
      </main>
    </>
  );
}
