import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db";
import type { Workspace } from "@/lib/generated/prisma/client";
import { viewerCan, type Permission, type Role } from "./permissions";
import { findMembershipBySlug, type MembershipWithWorkspace } from "./membership";

// Who may look at a workspace: one of its members, or support staff who are not. Pages
// (page-access.ts) and the guard's reads (guard.ts) both ask here; writes never do, they
// require a membership (docs/product.md#support-staff).

export type MemberViewer = { kind: "member"; role: Role; membership: MembershipWithWorkspace; workspace: Workspace };
/** Support staff have no Membership row: they hold no role and take no seat. */
export type SupportViewer = { kind: "support"; membership: null; workspace: Workspace };
export type WorkspaceViewer = MemberViewer | SupportViewer;

/**
 * Read from the database on every request (once per request: `cache`), never from the
 * session, so revoking support access applies to the next request, like a role change.
 */
export const isSupportStaff = cache(async (userId: string): Promise<boolean> => {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { supportStaff: true } });
  return user?.supportStaff === true;
});

/**
 * The user as a viewer of the workspace with this slug, or null (not a member, not
 * support staff, or no such workspace). A member who is also support staff is a member
 * here, with their role. Support staff are checked before the workspace is looked up, so
 * anyone else gets the same answer, as fast, whether or not the workspace exists.
 */
export async function findViewerBySlug(userId: string, slug: string): Promise<WorkspaceViewer | null> {
  const membership = await findMembershipBySlug(userId, slug);
  if (membership) return { kind: "member", role: membership.role, membership, workspace: membership.workspace };
  if (!(await isSupportStaff(userId))) return null;
  const workspace = await prisma.workspace.findUnique({ where: { slug } });
  return workspace ? { kind: "support", membership: null, workspace } : null;
}

/**
 * Support staff who are also members act as the member, except where their role lacks a
 * permission that support staff hold: there they read as support staff (read-only, and
 * the visit is recorded), as they would in a workspace they do not belong to. Without
 * this, a support person with a low role in one workspace could not read its audit log.
 */
export async function viewerFor(viewer: WorkspaceViewer, userId: string, permission: Permission): Promise<WorkspaceViewer> {
  if (viewer.kind !== "member" || viewerCan(viewer, permission)) return viewer;
  if (!viewerCan({ kind: "support" }, permission) || !(await isSupportStaff(userId))) return viewer;
  return { kind: "support", membership: null, workspace: viewer.workspace };
}
