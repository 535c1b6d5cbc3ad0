// A server component: the identity comes from the server's session (here, a fixed one).
import { FcAccount } from "franceconnect-elements/react/fc-account";

export const metadata = { title: "Mon compte" };

const identity = { given_name: "Marie Anne", family_name: "CLÉMENT" };

export default function Compte() {
  return (
    <main>
      <h1>Mon compte</h1>
      <FcAccount identity={identity} profileHref="/compte" logoutHref="/auth/franceconnect/logout" />
    </main>
  );
}
