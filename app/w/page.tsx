import Link from "next/link";
import { LifeBuoy } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CreateWorkspaceButton } from "@/components/workspaces/create-workspace-button";
import { WorkspaceListActions } from "@/components/workspaces/workspace-list-actions";
import { OutsideWorkspaceShell } from "@/components/shell/outside-workspace-shell";
import { requireSession } from "@/lib/auth/current";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { listInvitationsForUser } from "@/lib/invitations/queries";
import { MyInvitations } from "@/components/invitations/my-invitations";
import { fullName } from "@/lib/format";

export const metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const { user } = await requireSession();
  const supportStaff = user.supportStaff;
  const [memberships, invitations] = await Promise.all([listUserWorkspaces(user.id), listInvitationsForUser(user)]);
  return (
    <OutsideWorkspaceShell user={user} supportStaff={supportStaff}>
      <main className="mx-auto grid max-w-3xl gap-6 p-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Your workspaces</h1>
            <p className="text-sm text-muted-foreground">Every workspace you belong to, with your role in each.</p>
          </div>
          <CreateWorkspaceButton />
        </div>
        {supportStaff ? (
          <p className="flex flex-wrap items-center gap-x-2 rounded-md border bg-background px-3 py-2 text-sm">
            <LifeBuoy className="size-4 shrink-0 text-primary" aria-hidden />
            You are support staff: you may read any workspace&apos;s team and audit log.
            <Link href="/support" className="font-medium text-primary underline-offset-4 hover:underline">
              Support: every workspace
            </Link>
          </p>
        ) : null}
        {invitations.length > 0 ? (
          <Card id="invitations" className="border-primary/40">
            <CardHeader>
              <CardTitle>
                <h2>{invitations.length === 1 ? "You have 1 invitation" : `You have ${invitations.length} invitations`}</h2>
              </CardTitle>
              <CardDescription>Join from here, or with the link in the invitation email.</CardDescription>
            </CardHeader>
            <CardContent>
              <MyInvitations
                invitations={invitations.map((i) => ({
                  id: i.id,
                  role: i.role,
                  expiresAt: i.expiresAt.toISOString(),
                  workspaceName: i.workspace.name,
                  inviterName: i.invitedBy ? fullName(i.invitedBy) : null,
                }))}
              />
            </CardContent>
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Workspaces</CardTitle>
            <CardDescription>{memberships.length === 1 ? "1 workspace" : `${memberships.length} workspaces`}</CardDescription>
          </CardHeader>
          <CardContent>
            {memberships.length === 0 ? (
              <p className="text-sm text-muted-foreground">You are not in any workspace yet. Create one, or accept an invitation.</p>
            ) : (
              <ul className="divide-y" aria-label="Your workspaces">
                {memberships.map(({ workspace, role }) => (
                  <li key={workspace.id} className="flex items-center justify-between gap-4 py-3">
                    <Link href={`/w/${workspace.slug}`} className="font-medium underline-offset-4 hover:underline">
                      {workspace.name}
                    </Link>
                    <div className="flex items-center gap-3">
                      <Badge variant="secondary">{ROLE_LABELS[role]}</Badge>
                      <WorkspaceListActions slug={workspace.slug} name={workspace.name} role={role} />
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </main>
    </OutsideWorkspaceShell>
  );
}
