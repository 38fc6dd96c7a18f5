import { PageHeader } from "@/components/page-header";
import { GroupsTable } from "@/components/groups/groups-table";
import { NewGroupButton } from "@/components/groups/new-group-button";
import { GroupsNotice } from "@/components/groups/groups-notice";
import { can } from "@/lib/authz/permissions";
import { requireWorkspaceMember } from "@/lib/authz/page-access";
import { getGroupContents, listGroups, SECTION_LIMIT } from "@/lib/groups/queries";
import { groupListParamsSchema } from "@/lib/groups/schemas";
import { readerOf } from "@/lib/resources/reach";

export const metadata = { title: "Groups" };

export default async function GroupsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { membership } = await requireWorkspaceMember(slug, "groups:view");
  const view = groupListParamsSchema.parse(await searchParams);
  const reader = await readerOf(membership);
  const { rows, total } = await listGroups(reader, view);
  // Only a group on this page can be expanded; an `open` left over from another page or
  // search (or a deleted group) is ignored rather than fetched.
  const openRow = view.open ? rows.find((r) => r.id === view.open) : undefined;
  const contents = openRow ? await getGroupContents(reader, openRow.id) : null;
  const manager = can(membership.role, "groups:manage");
  return (
    <>
      <PageHeader
        title="Groups"
        description="Named sets of members, agents and personas. A restricted agent or persona is open only to the members of its groups (and to owners and admins)."
        actions={manager ? <NewGroupButton slug={slug} /> : null}
      />
      {manager ? null : <GroupsNotice />}
      <GroupsTable
        slug={slug}
        rows={rows}
        total={total}
        view={view}
        open={openRow && contents ? { groupId: openRow.id, contents } : null}
        sectionLimit={SECTION_LIMIT}
        manager={manager}
      />
    </>
  );
}
