import "server-only";
import type { Tx } from "@/lib/db";
import { grantRefusal, memberActionRefusal, type Role } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/core/result";
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

/** Refuses unless `actor` may change or remove `target`: the rule and its wording live in lib/authz/permissions.ts. */
export function assertMayActOn(actor: { role: Role; userId: string }, target: Target) {
  const refusal = memberActionRefusal(actor, target);
  if (refusal) throw new Refusal("forbidden", refusal);
}

export function assertMayGrant(actorRole: Role, role: Role) {
  const refusal = grantRefusal(actorRole, role);
  if (refusal) throw new Refusal("forbidden", refusal);
}
