import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { GeneralSettingsForm } from "@/components/settings/general-settings-form";
import { TransferOwnershipForm } from "@/components/settings/transfer-ownership-form";
import { AuditRetentionForm } from "@/components/settings/audit-retention-form";
import { TwoFactorRequirementForm } from "@/components/settings/two-factor-requirement-form";
import { can } from "@/lib/authz/permissions";
import { listTransferCandidates } from "@/lib/members/queries";
import { findTwoFactorBlocker, listMembersWithoutTwoFactor } from "@/lib/workspaces/queries";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, membership, user } = await requireWorkspaceMember(slug, "settings:manage");
  const isOwner = can(membership.role, "workspace:own");
  const candidates = isOwner ? await listTransferCandidates({ workspaceId: workspace.id, userId: user.id, role: membership.role }) : [];
  const withoutTwoFactor = await listMembersWithoutTwoFactor(workspace.id, 50);
  const twoFactorBlocker = await findTwoFactorBlocker(workspace.id, user.id);
  return (
    <>
      <PageHeader title="Settings" description="Workspace settings. Owners and admins can change them; every change is audited." />
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>General</h2>
            </CardTitle>
            <CardDescription>The name your team sees in the workspace switcher and in invitations, and how long invitation links stay valid.</CardDescription>
          </CardHeader>
          <CardContent>
            <GeneralSettingsForm slug={slug} settings={{ name: workspace.name, invitationLifetimeDays: workspace.invitationLifetimeDays }} />
          </CardContent>
        </Card>
        <Card id="two-factor">
          <CardHeader>
            <CardTitle>
              <h2>Two-factor authentication</h2>
            </CardTitle>
            <CardDescription>Whether members must have two-factor authentication on their own account to open this workspace.</CardDescription>
          </CardHeader>
          <CardContent>
            <TwoFactorRequirementForm slug={slug} required={workspace.requireTwoFactor} blocker={twoFactorBlocker} withoutTwoFactor={withoutTwoFactor} />
          </CardContent>
        </Card>
        <Card id="audit-log">
          <CardHeader>
            <CardTitle>
              <h2>Audit log</h2>
            </CardTitle>
            <CardDescription>How long this workspace keeps its audit events.</CardDescription>
          </CardHeader>
          <CardContent>
            <AuditRetentionForm slug={slug} settings={{ auditRetentionDays: workspace.auditRetentionDays }} />
          </CardContent>
        </Card>
        <Card id="api-keys">
          <CardHeader>
            <CardTitle>
              <h2>API keys</h2>
            </CardTitle>
            <CardDescription>
              Scripts manage the team through the Team API with a member&apos;s key. <Link className="underline" href={`/w/${slug}/settings/api-keys`}>See and revoke API keys</Link>.
            </CardDescription>
          </CardHeader>
        </Card>
        <Card id="transfer" className={isOwner ? "border-destructive/40" : undefined}>
          <CardHeader>
            <CardTitle>
              <h2>Transfer ownership</h2>
            </CardTitle>
            <CardDescription>
              {isOwner
                ? "Hand this workspace to another member. They become the owner and you become an admin, in one step."
                : "Only the owner can transfer ownership of this workspace."}
            </CardDescription>
          </CardHeader>
          {isOwner ? (
            <CardContent>
              <TransferOwnershipForm slug={slug} workspaceName={workspace.name} candidates={candidates} />
            </CardContent>
          ) : null}
        </Card>
      </div>
    </>
  );
}
