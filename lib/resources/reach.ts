import "server-only";
import { can, type Role } from "@/lib/authz/permissions";

/** Who is asking to reach an agent or persona: a checked membership of one workspace. */
export type Reader = { workspaceId: string; membershipId: string; role: Role };

/**
 * The one access rule for agents and personas, as a WHERE clause (docs/product.md#groups):
 * owners and admins reach everything in their workspace; everyone else reaches what is
 * open to the workspace, and a group-only resource when they are in at least one group
 * it is assigned to. Every list, page and write filters through this, in the SQL, so a
 * resource out of reach is absent from lists and "not found" everywhere else; nothing
 * about access is cached, so a group change applies on the next request.
 */
export function reachableWhere(reader: Reader) {
  if (can(reader.role, "agents:all")) return { workspaceId: reader.workspaceId };
  return {
    workspaceId: reader.workspaceId,
    OR: [{ visibility: "workspace" as const }, { groups: { some: { group: { members: { some: { membershipId: reader.membershipId } } } } } }],
  };
}

/** The reader of a guarded context or a page's membership. */
export const readerOf = (membership: { id: string; workspaceId: string; role: Role }): Reader => ({
  workspaceId: membership.workspaceId,
  membershipId: membership.id,
  role: membership.role,
});
