"use server";

import { workspaceAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { confirmOwnPassword } from "@/lib/auth/current-password";
import { LIMITS, consume } from "@/lib/rate-limit";
import { assertMayActOn, assertMayGrant, loadTarget, memberLabel } from "./policy";
import { revokeInvitationsOfInviter } from "./inviter-invitations";
import { changeRoleSchema, leaveWorkspaceSchema, removeMemberSchema, transferOwnershipSchema } from "./schemas";
import { personLabel } from "@/lib/format";
import { hasTwoFactor } from "@/lib/auth/two-factor/store";
import { revokeKeysOfMember } from "@/lib/auth/api-key-revocation";

// Every action here runs inside the guard's transaction, which holds the workspace row
// lock: the invariants (one owner, no self-edit, actor ≥ target) are checked against
// data no concurrent request can change before this one commits.

// POST members — change a member's role; applies on their next request.
export const changeMemberRole = workspaceAction("members:manage", changeRoleSchema, async (input, { tx, membership, audit, unchanged }) => {
  const target = await loadTarget(tx, membership.workspaceId, input.memberId);
  assertMayActOn(membership, target);
  assertMayGrant(membership.role, input.role);
  if (target.role === input.role) {
    unchanged();
    return { role: target.role };
  }
  const limit = await consume(tx, `role-change:${membership.workspaceId}`, LIMITS.roleChanges);
  if (!limit.ok) {
    throw new Refusal(
      "rate_limited",
      `Too many role changes in this workspace: at most ${LIMITS.roleChanges.limit} a minute. Try again in ${limit.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
  await audit({
    action: "member.role_changed",
    target: { type: "member", id: target.userId, label: memberLabel(target) },
    before: { role: target.role },
    after: { role: input.role },
  });
  await revokeInvitationsOfInviter(tx, { workspaceId: membership.workspaceId, inviterId: target.userId, newRole: input.role, reason: "inviter_demoted" }, audit);
  return { role: input.role };
});

// POST members — remove a member; their next request to the workspace gets 404.
export const removeMember = workspaceAction("members:manage", removeMemberSchema, async (input, { tx, membership, audit }) => {
  const target = await loadTarget(tx, membership.workspaceId, input.memberId);
  assertMayActOn(membership, target);
  await tx.membership.delete({ where: { id: target.id } });
  await audit({
    action: "member.removed",
    target: { type: "member", id: target.userId, label: memberLabel(target) },
    before: { role: target.role, joinedAt: target.createdAt.toISOString() },
  });
  await revokeInvitationsOfInviter(tx, { workspaceId: membership.workspaceId, inviterId: target.userId, newRole: null, reason: "inviter_removed" }, audit);
  await revokeKeysOfMember(tx, { workspaceId: membership.workspaceId, userId: target.userId, owner: memberLabel(target), reason: "member_removed" }, audit);
  return { removed: target.id };
});

// POST leave — any member but the owner (the permission matrix leaves `membership:leave` out for owners).
export const leaveWorkspace = workspaceAction("membership:leave", leaveWorkspaceSchema, async (_input, { tx, membership, user, audit }) => {
  await tx.membership.delete({ where: { id: membership.id } });
  await audit({
    action: "member.left",
    target: { type: "member", id: user.id, label: personLabel(user) },
    before: { role: membership.role },
  });
  await revokeInvitationsOfInviter(tx, { workspaceId: membership.workspaceId, inviterId: user.id, newRole: null, reason: "inviter_left" }, audit);
  await revokeKeysOfMember(tx, { workspaceId: membership.workspaceId, userId: user.id, owner: personLabel(user), reason: "member_left" }, audit);
  return { left: membership.workspace.slug };
});

// POST settings — hand the workspace to another member: they become owner, the old owner admin, in one step.
export const transferOwnership = workspaceAction(
  "workspace:own",
  transferOwnershipSchema,
  async (input, { tx, membership, user, workspace, audit }) => {
    if (input.confirmName !== workspace.name) {
      throw new Refusal("invalid_input", "Type the workspace name exactly to confirm.", { fieldErrors: { confirmName: [`Type “${workspace.name}” exactly.`] } });
    }
    const target = await loadTarget(tx, workspace.id, input.memberId);
    if (target.userId === user.id) throw new Refusal("invalid_input", "Choose another member: you already own this workspace.");
    // An owner who could not open the workspace could not stop requiring it either.
    if (workspace.requireTwoFactor && !(await hasTwoFactor(tx, target.userId))) {
      throw new Refusal("conflict", `${memberLabel(target)} does not have two-factor authentication, which this workspace requires. They turn it on in Your account first.`);
    }
    await tx.membership.update({ where: { id: membership.id }, data: { role: "admin" } });
    await tx.membership.update({ where: { id: target.id }, data: { role: "owner" } });
    await audit({
      action: "workspace.ownership_transferred",
      target: { type: "member", id: target.userId, label: memberLabel(target) },
      before: { owner: user.email, newOwnerRole: target.role },
      after: { owner: target.user.email, previousOwnerRole: "admin" },
    });
    // The old owner is now an admin: anything they invited that an admin may not grant goes.
    await revokeInvitationsOfInviter(tx, { workspaceId: workspace.id, inviterId: user.id, newRole: "admin", reason: "inviter_demoted" }, audit);
    return { owner: target.id };
  },
  // The password before the workspace lock: a slow hash under the lock would stall every write to the workspace.
  { before: (input, request, actor) => confirmOwnPassword(actor, input.password, request.ip, "password") },
);
