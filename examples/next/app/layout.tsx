import type { Metadata } from "next";
import "./globals.css";

// The starter loads its fonts with next/font/google, which downloads them while
// building: this example builds offline, with the system's fonts.

export const metadata: Metadata = {
  title: "Exemple Next.js de franceconnect-elements",
  description: "Connexion avec FranceConnect, rendue par le serveur",
};

export default function RootLayout({ children }: LayoutProps<"/">) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
