import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ProfilesProvider } from "@/components/profiles/profiles-provider";
import { SiteHeader } from "@/components/layout/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: "Auth Flow Debugger",
  description: "Why does sign-in work but the next AWS call say Unauthorized?",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <ProfilesProvider>
          <SiteHeader />
          <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        </ProfilesProvider>
      </body>
    </html>
  );
}
