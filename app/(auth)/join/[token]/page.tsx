import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DeadLinkCard } from "@/components/auth/dead-link-card";
import { LoginForm } from "@/components/auth/login-form";
import { JoinButton, JoinWithNewAccountForm, SignOutAndContinue } from "@/components/join/join-forms";
import { getCurrentSession } from "@/lib/auth/current";
import { readRequestContext } from "@/lib/auth/request-context";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { DEAD_LINK_MESSAGES, lookupInvitation } from "@/lib/invitations/join";
import { formatWait } from "@/lib/rate-limit";

// The secret is in the path: never send it onward in a Referer header.
export const metadata = { title: "Join a workspace", referrer: "no-referrer", robots: { index: false } };

const DEAD_TITLES = { unknown: "This link is not valid", revoked: "This invitation was revoked", used: "This invitation was already used", expired: "This invitation has expired" } as const;

// GET only displays; joining is a POST through the guard (lib/invitations/join-actions.ts).
export default async function JoinPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [{ ip }, session] = await Promise.all([readRequestContext(), getCurrentSession()]);
  const lookup = await lookupInvitation(token, ip);

  if (lookup.state === "rate_limited") {
    return <DeadLinkCard title="Too many attempts" message={`Too many invalid invitation links were opened from your network. Try again in ${formatWait(lookup.retryAfterSeconds)}.`} />;
  }
  if (lookup.state !== "valid") {
    // For an unknown link, nothing about any workspace; for a known one, which workspace to ask.
    const where = lookup.state === "unknown" ? "" : ` (workspace: ${lookup.workspaceName})`;
    return <DeadLinkCard title={DEAD_TITLES[lookup.state]} message={DEAD_LINK_MESSAGES[lookup.state] + where} />;
  }

  const { invitation, account } = lookup;
  const workspaceName = invitation.workspace.name;
  const signedInAs = session?.user.email ?? null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-xl">
          <h1>Join {workspaceName}</h1>
        </CardTitle>
        <CardDescription>
          {invitation.inviterName ? `${invitation.inviterName} invited you` : "You were invited"} to the workspace {workspaceName} on Roster.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-6">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded-md border bg-muted/40 p-4 text-sm">
          <dt className="text-muted-foreground">Workspace</dt>
          <dd className="font-medium">{workspaceName}</dd>
          <dt className="text-muted-foreground">Invited email</dt>
          <dd className="font-medium break-all">{invitation.email}</dd>
          <dt className="text-muted-foreground">Role</dt>
          <dd>
            <span className="font-medium">{ROLE_LABELS[invitation.role]}</span>
            <span className="block text-muted-foreground">{ROLE_DESCRIPTIONS[invitation.role]}</span>
          </dd>
          {invitation.groups.length ? (
            <>
              <dt className="text-muted-foreground">Groups</dt>
              <dd>{invitation.groups.join(", ")}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Expires</dt>
          <dd>{formatDateTime(invitation.expiresAt)}</dd>
        </dl>
        {invitation.workspace.requireTwoFactor ? (
          <p className="rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm">
            {workspaceName} requires two-factor authentication.{" "}
            {lookup.account === "verified"
              ? "If your account does not have it yet, you will set it up with an authenticator app right after joining, before you see the workspace."
              : "Right after creating your account, you will set it up with an authenticator app, before you see the workspace."}
          </p>
        ) : null}

        {signedInAs === invitation.email ? (
          <JoinButton token={token} workspaceName={workspaceName} />
        ) : signedInAs ? (
          <div className="grid gap-3">
            <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
              This invitation is for {invitation.email}, but you are signed in as {signedInAs}. Sign out, then continue as {invitation.email}.
            </p>
            <SignOutAndContinue />
          </div>
        ) : account === "verified" ? (
          <section aria-labelledby="signin-heading" className="grid gap-3">
            <h2 id="signin-heading" className="font-medium">
              Sign in to join
            </h2>
            <LoginForm email={invitation.email} emailLocked callbackUrl={`/join/${token}`} />
          </section>
        ) : (
          <section aria-labelledby="create-heading" className="grid gap-3">
            <h2 id="create-heading" className="font-medium">
              Create your account to join
            </h2>
            {account === "unverified" ? (
              // docs/decisions/010-reclaim-unverified-account-by-invitation.md
              <p className="text-sm text-muted-foreground">
                An account for {invitation.email} was created but its address was never verified. The invitation link proves the address is yours: creating
                your account here replaces that account&apos;s password and names, signs it out everywhere, revokes the invitations it sent and verifies the address.
                Any workspace it created comes with it: check its members and settings afterwards. If that account is yours
                and you know its password,{" "}
                <Link href={`/login?callbackUrl=${encodeURIComponent(`/join/${token}`)}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  sign in instead
                </Link>
                .
              </p>
            ) : null}
            <JoinWithNewAccountForm token={token} email={invitation.email} workspaceName={workspaceName} />
          </section>
        )}
      </CardContent>
    </Card>
  );
}
