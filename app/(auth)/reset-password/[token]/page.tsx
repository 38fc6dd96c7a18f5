import Link from "next/link";
import { CircleX } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { RESET_LINK_MESSAGES } from "@/lib/auth/link-messages";

// The secret is in the path: never send it onward in a Referer header.
export const metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

const TITLES = { unknown: "This link is not valid", used: "This link was already used", expired: "This link has expired" } as const;

// GET only displays the form; its POST uses the link (lib/account/reset-actions.ts).
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await lookupAccountLink(token, "reset_password");
  if (link.state !== "valid" || !link.email) {
    const state = link.state === "valid" ? "unknown" : link.state;
    return (
      <Card>
        <CardHeader>
          <CircleX className="mb-2 size-8 text-destructive" aria-hidden />
          <CardTitle className="text-xl">
            <h1>{TITLES[state]}</h1>
          </CardTitle>
          <CardDescription>{RESET_LINK_MESSAGES[state]}</CardDescription>
        </CardHeader>
        <CardContent className="text-sm">
          <Link href="/reset-password" className="font-medium text-primary underline-offset-4 hover:underline">
            Ask for a new link
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Choose a new password</h1>
        </CardTitle>
        <CardDescription>
          For <span className="font-medium break-all text-foreground">{link.email}</span>. Every browser signed in to this account is signed out, and this one is signed in.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ResetPasswordForm token={token} email={link.email} />
      </CardContent>
    </Card>
  );
}
