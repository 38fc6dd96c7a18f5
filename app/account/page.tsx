import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ProfileForm } from "@/components/account/profile-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { OutsideWorkspaceShell } from "@/components/shell/outside-workspace-shell";
import { requireSession } from "@/lib/auth/current";
import { accountTwoFactor, listAccountSessions } from "@/lib/account/queries";
import { ManageTwoFactor } from "@/components/account/two-factor/manage-two-factor";
import { SetUpTwoFactor } from "@/components/account/two-factor/set-up-two-factor";
import { sessionLifetime } from "@/lib/auth/session-lifetime";
import { plural } from "@/lib/format";

export const metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const { user, sessionId } = await requireSession();
  const [sessions, twoFactor, { required }] = await Promise.all([listAccountSessions(user.id, sessionId), accountTwoFactor(user.id), searchParams]);
  // Only a workspace the person is in and that requires 2FA is named: `?required=` is just a slug from the URL.
  const sentFrom = twoFactor.requiredBy.find((w) => w.slug === required) ?? null;
  const { idleDays, maxDays } = sessionLifetime();
  return (
    <OutsideWorkspaceShell user={user}>
      <main id="main" className="mx-auto max-w-4xl p-6">
        <Link href="/w" className="mb-4 inline-flex w-fit items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline">
          <ArrowLeft className="size-4" aria-hidden />
          Your workspaces
        </Link>
        <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
        {/* Sent here by a workspace, the card below says why, where the person lands; otherwise a note up here points to it. */}
        {!user.totpEnabledAt && !sentFrom && twoFactor.requiredBy.length > 0 ? (
          <p className="mb-6 rounded-md border border-primary/40 bg-primary/5 px-4 py-3 text-sm">
            {twoFactor.requiredBy.map((w) => w.name).join(", ")} {twoFactor.requiredBy.length === 1 ? "requires" : "require"} two-factor authentication.{" "}
            <a href="#two-factor" className="font-medium text-primary underline-offset-4 hover:underline">
              Go to Two-factor authentication
            </a>
          </p>
        ) : null}
        <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Profile</h2>
            </CardTitle>
            <CardDescription>Your name as your teams see it.</CardDescription>
          </CardHeader>
          <CardContent>
            <ProfileForm profile={{ firstName: user.firstName, lastName: user.lastName }} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Change password</h2>
            </CardTitle>
            <CardDescription>Enter your current password, then the new one.</CardDescription>
          </CardHeader>
          <CardContent>
            <ChangePasswordForm />
          </CardContent>
        </Card>
        <Card id="two-factor">
          <CardHeader>
            <CardTitle>
              {/* Focus returns here when a step of the card ends (lib: components/account/two-factor). */}
              <h2 id="two-factor-heading" tabIndex={-1} className="outline-none">
                Two-factor authentication
              </h2>
            </CardTitle>
            <CardDescription>A code from an authenticator app after your password, each time you sign in.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {sentFrom && !user.totpEnabledAt ? (
              <p role="alert" className="rounded-md border border-primary/40 bg-primary/5 px-3 py-2 text-sm font-medium">
                {sentFrom.name} requires two-factor authentication. Set it up here, then you can open it.
              </p>
            ) : null}
            {sentFrom && user.totpEnabledAt ? (
              <p className="text-sm">
                <Link href={`/w/${sentFrom.slug}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  Continue to {sentFrom.name}
                </Link>
              </p>
            ) : null}
            {user.totpEnabledAt ? (
              <ManageTwoFactor
                email={user.email}
                enabledAt={user.totpEnabledAt.toISOString()}
                recoveryCodesLeft={twoFactor.recoveryCodesLeft}
                requiredBy={twoFactor.requiredBy.map((w) => w.name)}
              />
            ) : (
              <SetUpTwoFactor email={user.email} verified={user.emailVerifiedAt !== null} continueTo={sentFrom ? { href: `/w/${sentFrom.slug}`, name: sentFrom.name } : null} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2 id="sessions-heading" tabIndex={-1} className="outline-none">
                Sessions
              </h2>
            </CardTitle>
            <CardDescription>
              Every browser signed in to your account. A browser is signed out after {plural(idleDays, "day")} without use, and {plural(maxDays, "day")} after it signed in.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <SessionsList
              sessions={sessions.map((s) => ({ ...s, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString() }))}
            />
          </CardContent>
        </Card>
        </div>
      </main>
    </OutsideWorkspaceShell>
  );
}
