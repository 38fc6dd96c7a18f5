import "server-only";
import type { Workspace } from "@/lib/generated/prisma/client";
import { viewerCan, type Permission, type Role } from "./permissions";
import type { MembershipWithWorkspace } from "./membership";

// Who may look at a workspace: one of its members, or support staff who are not. Pages
// (page-access.ts) and the guard's reads (guard.ts) both ask here; writes never do, they
// require a membership (docs/product.md#support-staff).

export type MemberViewer = { kind: "member"; role: Role; membership: MembershipWithWorkspace; workspace: Workspace };
/** Support staff have no Membership row: they hold no role and take no seat. */
export type SupportViewer = { kind: "support"; membership: null; workspace: Workspace };
export type WorkspaceViewer = MemberViewer | SupportViewer;

/**
 * The user as a viewer of the workspace the request's lookup found (lib/auth/who.ts), or
 * null: not a member, not support staff, or no such workspace. A member who is also
 * support staff is a member here, with their role. The support-staff flag is read with the
 * session on every request, never kept in it, so revoking access applies to the next
 * request, like a role change.
 */
export function viewerOf(found: { user: { supportStaff: boolean }; workspace: Workspace | null; membership: MembershipWithWorkspace | null }): WorkspaceViewer | null {
  if (found.membership) return { kind: "member", role: found.membership.role, membership: found.membership, workspace: found.membership.workspace };
  if (!found.user.supportStaff || !found.workspace) return null;
  return { kind: "support", membership: null, workspace: found.workspace };
}

/**
 * Support staff who are also members act as the member, except where their role lacks a
 * permission that support staff hold: there they read as support staff (read-only, and
 * the visit is recorded), as they would in a workspace they do not belong to. Without
 * this, a support person with a low role in one workspace could not read its audit log.
 */
export function viewerFor(viewer: WorkspaceViewer, user: { supportStaff: boolean }, permission: Permission): WorkspaceViewer {
  if (viewer.kind !== "member" || viewerCan(viewer, permission)) return viewer;
  if (!viewerCan({ kind: "support" }, permission) || !user.supportStaff) return viewer;
  return { kind: "support", membership: null, workspace: viewer.workspace };
}
