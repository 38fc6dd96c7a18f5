import "server-only";
import type { Tx } from "@/lib/db";
import type { Audit } from "@/lib/audit/record";
import { mayGrantRole, type Role } from "@/lib/authz/permissions";

export type InviterChange = "inviter_removed" | "inviter_left" | "inviter_demoted" | "inviter_account_reclaimed";

/**
 * An invitation carries its inviter's authority: once the inviter is gone (removed, left)
 * or may no longer grant its role (demoted), their pending invitations in this workspace
 * are revoked in the same transaction as the change, each audited. Otherwise a removed
 * admin's invitation would still let someone join as admin. `newRole` is null when the
 * inviter is no longer a member. Expired ones go too, so they cannot be resent back to life
 * under the old inviter's name.
 */
export async function revokeInvitationsOfInviter(
  tx: Tx,
  { workspaceId, inviterId, newRole, reason }: { workspaceId: string; inviterId: string; newRole: Role | null; reason: InviterChange },
  audit: Audit,
) {
  const pending = await tx.invitation.findMany({ where: { workspaceId, invitedById: inviterId, status: "pending" }, orderBy: { createdAt: "asc" } });
  const doomed = pending.filter((i) => newRole === null || !mayGrantRole(newRole, i.role));
  for (const invitation of doomed) {
    await tx.invitation.update({ where: { id: invitation.id }, data: { status: "revoked", revokedAt: new Date() } });
    await audit({
      workspaceId: invitation.workspaceId,
      action: "invitation.revoked",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      before: { email: invitation.email, role: invitation.role, status: "pending", expiresAt: invitation.expiresAt.toISOString() },
      after: { status: "revoked", reason },
    });
  }
  return doomed.length;
}

/**
 * An account that was never verified and is now taken by the address's real owner (an
 * invitation link, a password reset): whatever it invited, in any workspace, was invited
 * by the squatter, not by the owner, and is revoked with the takeover.
 */
export async function revokeInvitationsOfReclaimedAccount(tx: Tx, accountId: string, audit: Audit) {
  const workspaces = await tx.invitation.findMany({ where: { invitedById: accountId, status: "pending" }, distinct: ["workspaceId"], select: { workspaceId: true } });
  let revoked = 0;
  for (const { workspaceId } of workspaces) {
    revoked += await revokeInvitationsOfInviter(tx, { workspaceId, inviterId: accountId, newRole: null, reason: "inviter_account_reclaimed" }, audit);
  }
  return revoked;
}
