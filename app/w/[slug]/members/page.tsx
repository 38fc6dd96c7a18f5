import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { MembersTable } from "@/components/members/members-table";
import { InviteButton } from "@/components/invitations/invite-button";
import { ManagementNotice } from "@/components/members/management-notice";
import { viewerCan } from "@/lib/authz/permissions";
import { listMembers, seesTwoFactor } from "@/lib/members/queries";
import { memberListParamsSchema } from "@/lib/members/schemas";
import { requireWorkspaceViewer } from "@/lib/authz/page-access";
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
  // Members with members:view, and support staff (read-only; their visit is recorded).
  const { viewer, workspace, user } = await requireWorkspaceViewer(slug, "members:view", "members");
  const parsed = memberListParamsSchema.parse(await searchParams);
  const role = viewer.kind === "member" ? viewer.role : null;
  const manager = viewerCan(viewer, "members:manage");
  const twoFactor = seesTwoFactor({ role });
  // The query ignores `twofa` for anyone else; dropping it here too keeps their view honest
  // ("No members match…" and "Clear filters" never refer to a filter they cannot see).
  const view = twoFactor ? parsed : { ...parsed, twofa: undefined };
  const [{ rows, total, capped }, groups] = await Promise.all([
    listMembers({ workspaceId: workspace.id, userId: user.id, role }, view),
    manager ? listGroupOptions(workspace.id) : [],
  ]);
  return (
    <>
      <PageHeader
        title="Team members"
        description={
          viewer.kind === "member" ? (
            <>
              Everyone with access to this workspace, and what they may do.{" "}
              <Link href={`/w/${slug}/roles`} className="font-medium text-primary underline-offset-4 hover:underline">
                What each role may do
              </Link>
            </>
          ) : (
            // The roles page is for members; support staff read the list only.
            "Everyone with access to this workspace, and their roles."
          )
        }
        actions={manager && role ? <InviteButton slug={slug} viewerRole={role} groups={groups} /> : null}
      />
      {manager || viewer.kind === "support" ? null : <ManagementNotice />}
      <MembersTable slug={slug} rows={rows} total={total} capped={capped} view={view} viewerRole={role} showTwoFactor={twoFactor} />
    </>
  );
}
