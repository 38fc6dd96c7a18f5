import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ProfileForm } from "@/components/account/profile-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { OutsideWorkspaceShell } from "@/components/shell/outside-workspace-shell";
import { requireSession } from "@/lib/auth/current";
import { listAccountSessions } from "@/lib/account/queries";
import { sessionLifetime } from "@/lib/auth/session-lifetime";
import { plural } from "@/lib/format";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const { user, sessionId } = await requireSession();
  const sessions = await listAccountSessions(user.id, sessionId);
  const { idleDays, maxDays } = sessionLifetime();
  return (
    <OutsideWorkspaceShell user={user}>
      <main id="main" className="mx-auto max-w-4xl p-6">
        <Link href="/w" className="mb-4 inline-flex w-fit items-center gap-1 text-sm text-muted-foreground underline-offset-4 hover:underline">
          <ArrowLeft className="size-4" aria-hidden />
          Your workspaces
        </Link>
        <PageHeader title="Your account" description={`Signed in as ${user.email}.`} />
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
