// A server component (Next.js's default): it renders the block itself. The component
// comes from a client module inside the package ('use client'), so the browser
// defines the elements and hydrates the shadow DOM the server wrote.
import { FcLoginBlock } from "franceconnect-elements/react/fc-login-block";
import { PasswordForm } from "./password-form";

export const metadata = { title: "Connexion" };

export default function Connexion() {
  return (
    <main>
      <h1>Connexion</h1>
      <FcLoginBlock href="/auth/franceconnect/login" section="connexion" headingLevel={2}>
        <PasswordForm />
      </FcLoginBlock>
    </main>
  );
}
