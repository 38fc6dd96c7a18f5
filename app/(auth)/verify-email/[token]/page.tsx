import Link from "next/link";
import { CircleX, MailCheck } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerifyEmailButton } from "@/components/auth/verify-email-button";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { VERIFY_LINK_MESSAGES } from "@/lib/auth/link-messages";

// The secret is in the path: never send it onward in a Referer header.
export const metadata = { title: "Verify your email", referrer: "no-referrer", robots: { index: false } };

const TITLES = { unknown: "This link is not valid", used: "This link was already used", expired: "This link has expired" } as const;

// GET only displays: mail scanners open links, so the button's POST is what verifies.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await lookupAccountLink(token, "verify_email");
  if (link.state !== "valid" || !link.email) {
    const state = link.state === "valid" ? "unknown" : link.state;
    return (
      <Card>
        <CardHeader>
          <CircleX className="mb-2 size-8 text-destructive" aria-hidden />
          <CardTitle className="text-xl">
            <h1>{TITLES[state]}</h1>
          </CardTitle>
          <CardDescription>{VERIFY_LINK_MESSAGES[state]}</CardDescription>
        </CardHeader>
        <CardContent className="text-sm">
          <Link href="/w" className="font-medium text-primary underline-offset-4 hover:underline">
            Go to your workspaces
          </Link>
        </CardContent>
      </Card>
    );
  }
  return (
    <Card>
      <CardHeader>
        <MailCheck className="mb-2 size-8 text-primary" aria-hidden />
        <CardTitle className="text-xl">
          <h1>Verify your email address</h1>
        </CardTitle>
        <CardDescription>
          Confirm that <span className="font-medium break-all text-foreground">{link.email}</span> is your address.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <VerifyEmailButton token={token} email={link.email} />
      </CardContent>
    </Card>
  );
}
