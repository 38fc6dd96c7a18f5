import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { MembersTable } from "@/components/members/members-table";
import { InviteDialog } from "@/components/invitations/invite-dialog";
import { ManagementNotice } from "@/components/members/management-notice";
import { can } from "@/lib/authz/permissions";
import { listMembers } from "@/lib/members/queries";
import { memberListParamsSchema } from "@/lib/members/schemas";
import { requireWorkspaceMember } from "@/lib/authz/page-access";
import { listGroupOptions } from "@/lib/groups/queries";

export const metadata = { title: "Team members" };

export default async function MembersPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { membership, user } = await requireWorkspaceMember(slug, "members:view");
  const view = memberListParamsSchema.parse(await searchParams);
  const manager = can(membership.role, "members:manage");
  const [{ rows, total }, groups] = await Promise.all([
    listMembers({ workspaceId: membership.workspaceId, userId: user.id, role: membership.role }, view),
    manager ? listGroupOptions(membership.workspaceId) : [],
  ]);
  return (
    <>
      <PageHeader
        title="Team members"
        description={
          <>
            Everyone with access to this workspace, and what they may do.{" "}
            <Link href={`/w/${slug}/roles`} className="font-medium text-primary underline-offset-4 hover:underline">
              What each role may do
            </Link>
          </>
        }
        actions={manager ? <InviteDialog slug={slug} viewerRole={membership.role} groups={groups} /> : null}
      />
      {manager ? null : <ManagementNotice />}
      <MembersTable slug={slug} rows={rows} total={total} view={view} viewerRole={membership.role} />
    </>
  );
}
