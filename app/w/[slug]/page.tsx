import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "@/lib/authz/permissions";
import { workspaceOverview } from "@/lib/workspaces/overview";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "Overview" };

export default async function WorkspaceOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { membership, workspace, user } = await requireWorkspaceMember(slug);
  const overview = await workspaceOverview(membership);
  return (
    <>
      <PageHeader title={workspace.name} description={`Welcome, ${user.firstName}.`} />
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardDescription>Your role</CardDescription>
            <CardTitle className="text-2xl">{ROLE_LABELS[membership.role]}</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[membership.role]}</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Members</CardDescription>
            <CardTitle className="text-2xl">{overview.members}</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">People with access to this workspace.</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Plan</CardDescription>
            <CardTitle className="text-2xl capitalize">{workspace.plan}</CardTitle>
          </CardHeader>
          <CardContent className="text-sm text-muted-foreground">Self-hosted: the plan is a setting, not a payment.</CardContent>
        </Card>
      </div>
    </>
  );
}
