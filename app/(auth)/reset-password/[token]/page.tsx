import { DeadLinkCard } from "@/components/auth/dead-link-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { DEAD_ACCOUNT_LINK_TITLES, RESET_LINK_MESSAGES } from "@/lib/auth/link-messages";

// The secret is in the path: never send it onward in a Referer header.
export const metadata = { title: "Choose a new password", referrer: "no-referrer", robots: { index: false } };

// GET only displays the form; its POST uses the link (lib/account/reset-actions.ts).
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await lookupAccountLink(token, "reset_password");
  if (link.state !== "valid" || !link.email) {
    const state = link.state === "valid" ? "unknown" : link.state;
    return <DeadLinkCard title={DEAD_ACCOUNT_LINK_TITLES[state]} message={RESET_LINK_MESSAGES[state]} href="/reset-password" linkLabel="Ask for a new link" />;
  }
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Choose a new password</h1>
        </CardTitle>
        <CardDescription>
          For <span className="font-medium break-all text-foreground">{link.email}</span>. Every browser signed in to this account is signed out, and this one is signed in (after a code from your authenticator app, if the account uses two-factor authentication).
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ResetPasswordForm token={token} email={link.email} />
      </CardContent>
    </Card>
  );
}
