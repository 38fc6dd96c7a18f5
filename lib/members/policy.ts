import type { Tx } from "@/lib/db";
import { mayActOnMember, mayGrantRole, type Role } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/authz/result";
import { personLabel } from "@/lib/format";

/**
 * The target of a member action, read inside the action's transaction (after the guard
 * locked the workspace) and only within the actor's workspace: a member id from another
 * workspace is simply "not found".
 */
export async function loadTarget(tx: Tx, workspaceId: string, memberId: string) {
  const target = await tx.membership.findFirst({
    where: { id: memberId, workspaceId },
    include: { user: { select: { id: true, firstName: true, lastName: true, email: true } } },
  });
  if (!target) throw new Refusal("not_found", "That member is not in this workspace (any more).");
  return target;
}

export type Target = Awaited<ReturnType<typeof loadTarget>>;

export const memberLabel = (t: Target) => personLabel(t.user);

/** The one "may act on this member" rule every member action shares (SPEC §9). */
export function assertMayActOn(actor: { role: Role; userId: string }, target: Target) {
  if (actor.userId === target.userId) throw new Refusal("forbidden", "You cannot change or remove your own membership.");
  if (target.role === "owner") throw new Refusal("forbidden", "The owner cannot be changed or removed. The owner can transfer ownership in settings.");
  if (!mayActOnMember(actor, target)) throw new Refusal("forbidden", "Team management is limited to owners and admins.");
}

export function assertMayGrant(actorRole: Role, role: Role) {
  if (!mayGrantRole(actorRole, role)) throw new Refusal("forbidden", role === "owner" ? "Ownership is transferred, not granted." : "You cannot grant that role.");
}
