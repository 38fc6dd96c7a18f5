import { MailCheck } from "lucide-react";
import { DeadLinkCard } from "@/components/auth/dead-link-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { VerifyEmailButton } from "@/components/auth/verify-email-button";
import Link from "next/link";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { getCurrentSession } from "@/lib/auth/current";
import { DEAD_ACCOUNT_LINK_TITLES, VERIFY_LINK_MESSAGES } from "@/lib/auth/link-messages";

// The secret is in the path: never send it onward in a Referer header.
export const metadata = { title: "Verify your email", referrer: "no-referrer", robots: { index: false } };

// GET only displays: mail scanners open links, so the button's POST is what verifies.
export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, session] = await Promise.all([lookupAccountLink(token, "verify_email"), getCurrentSession()]);
  if (link.state !== "valid" || !link.email) {
    const state = link.state === "valid" ? "unknown" : link.state;
    return <DeadLinkCard title={DEAD_ACCOUNT_LINK_TITLES[state]} message={VERIFY_LINK_MESSAGES[state]} />;
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
      <CardContent className="text-sm">
        {/* Only the account's own browser verifies (lib/account/verification-actions.ts): someone else's sign-up with your address stays unverified. */}
        {session?.user.email === link.email ? (
          <VerifyEmailButton token={token} email={link.email} />
        ) : session ? (
          <p>
            You are signed in as <span className="font-medium break-all">{session.user.email}</span>. Sign out, then sign in as{" "}
            <span className="font-medium break-all">{link.email}</span> to verify it.
          </p>
        ) : (
          <div className="grid gap-2">
            <p>Sign in to the account to verify it. If you did not create a Roster account, ignore this email: nothing happens without you.</p>
            <Link
              href={`/login?callbackUrl=${encodeURIComponent(`/verify-email/${token}`)}`}
              className="font-medium text-primary underline-offset-4 hover:underline"
            >
              Sign in to verify
            </Link>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
