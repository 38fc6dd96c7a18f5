import type { Metadata } from "next";
import { connection } from "next/server";
import { Toasts } from "@/components/ui/toasts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Roster", template: "%s · Roster" },
  description: "Team management for AI-agent workspaces: invitations, roles, groups and an audit trail.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on the
  // scripts it renders, and a page built ahead of time would carry none and not run.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">
        {children}
        <Toasts />
      </body>
    </html>
  );
}
