import "server-only";
import { prisma, type Db, type Tx } from "@/lib/db";
import { can, type Role } from "@/lib/authz/permissions";

/**
 * Who is asking to reach an agent or persona: a checked membership of one workspace, and
 * the groups it is in right now (read for this request, never cached: a group change
 * applies to the next request).
 */
export type Reader = { workspaceId: string; membershipId: string; role: Role; groupIds: readonly string[] };

/**
 * The one access rule for agents and personas, as a WHERE clause (docs/product.md#groups,
 * docs/decisions/011-access-through-groups.md): owners and admins reach everything in
 * their workspace; everyone else reaches what is open to the workspace, and a group-only
 * resource when it is assigned to at least one of their groups. Every list, page and
 * write filters through this, in the SQL, so a resource out of reach is absent from
 * lists and "not found" everywhere else.
 */
export function reachableWhere(reader: Reader) {
  if (can(reader.role, "agents:all")) return { workspaceId: reader.workspaceId };
  return {
    workspaceId: reader.workspaceId,
    // The viewer's group ids are known, so the filter is one semi-join on GroupAgent's
    // (groupId, agentId) key, not a walk through Group and GroupMember per row.
    OR: [{ visibility: "workspace" as const }, { groups: { some: { groupId: { in: [...reader.groupIds] } } } }],
  };
}

/**
 * The reader for a membership: one indexed read of its groups (none needed for roles
 * that reach everything). Writes pass their transaction, so the groups are read under
 * the same workspace lock as the change.
 */
export async function readerOf(membership: { id: string; workspaceId: string; role: Role }, db: Db | Tx = prisma): Promise<Reader> {
  const groupIds = can(membership.role, "agents:all")
    ? []
    : (await db.groupMember.findMany({ where: { membershipId: membership.id }, select: { groupId: true } })).map((g) => g.groupId);
  return { workspaceId: membership.workspaceId, membershipId: membership.id, role: membership.role, groupIds };
}
