import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { EnvironmentsProvider } from "@/components/environments/environments-provider";
import { CspNotice } from "@/components/layout/csp-notice";
import { SiteHeader } from "@/components/layout/site-header";
import { SkipLink } from "@/components/layout/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: "Auth Flow Debugger",
  description: "Why does sign-in work but the next AWS call say Unauthorized?",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: proxy.ts gives each response a fresh CSP nonce, and Next
  // can only put that nonce on the scripts of a page it renders now (a prerendered page's
  // scripts would carry none, and the browser would refuse to run them).
  await connection();
  return (
    <html lang="en">
      <body>
        <SkipLink target="content" />
        <EnvironmentsProvider>
          <SiteHeader />
          <CspNotice />
          <main id="content" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">{children}</main>
        </EnvironmentsProvider>
      </body>
    </html>
  );
}
