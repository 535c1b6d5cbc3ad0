"use client";
// The block's other way in: a password form written in React, with its own state,
// in the block's slot (the block then draws the "OU" line between the two).
import { useState } from "react";

export function PasswordForm() {
  const [email, setEmail] = useState("");
  return (
    <form method="post" action="/connexion">
      <p>
        <label htmlFor="email">Adresse électronique</label>
        <input id="email" name="email" type="email" autoComplete="email" required value={email}
          onChange={(event) => setEmail(event.target.value)} />
      </p>
      <p>
        <label htmlFor="password">Mot de passe</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </p>
      <button type="submit">Se connecter</button>
    </form>
  );
}
