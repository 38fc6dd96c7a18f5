import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { GrantableRole } from "@/lib/authz/permissions";
import { Refusal } from "@/lib/core/result";
import type { WorkspaceContext } from "@/lib/authz/guard";
import { assertSeatsAvailable } from "@/lib/billing/seats";
import { fullName } from "@/lib/format";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import type { InvitationMail } from "./mail";
import { generateInvitationToken, invitationExpiry } from "./tokens";

// Shared by "Invite", "Bulk invite" and "Resend". Every function here runs inside the
// guard's transaction, which holds the workspace row lock: two admins inviting the same
// address, or two invitations racing for the last seat, are decided one after the other.

/** Invitation emails are rate-limited per workspace and per sender, counted in the database. */
export async function consumeInvitationQuota(tx: Tx, workspaceId: string, actorId: string, emails: number) {
  for (const [key, spec] of [
    [`invitations:workspace:${workspaceId}`, LIMITS.invitationsPerWorkspace],
    [`invitations:actor:${actorId}`, LIMITS.invitationsPerActor],
  ] as const) {
    const result = await consume(tx, key, spec, emails);
    if (!result.ok) {
      throw new Refusal(
        "rate_limited",
        `Too many invitations: at most ${spec.limit} emails an hour. Try again in ${formatWait(result.retryAfterSeconds)}.`,
        { retryAfterSeconds: result.retryAfterSeconds },
      );
    }
  }
}

/** Pending invitations past their expiry are closed when the address is invited again, so they never block it. */
export async function closeExpiredInvitations(tx: Tx, workspaceId: string, emails: string[]) {
  await tx.invitation.updateMany({
    where: { workspaceId, email: { in: emails }, status: "pending", expiresAt: { lte: new Date() } },
    data: { status: "revoked", revokedAt: new Date() },
  });
}

/** Which of `emails` are members, and which have a live pending invitation. */
export async function invitationConflicts(tx: Db | Tx, workspaceId: string, emails: string[]) {
  const [members, pending] = await Promise.all([
    tx.membership.findMany({ where: { workspaceId, user: { email: { in: emails } } }, select: { user: { select: { email: true } } } }),
    tx.invitation.findMany({ where: { workspaceId, email: { in: emails }, status: "pending", expiresAt: { gt: new Date() } }, select: { email: true } }),
  ]);
  return { memberEmails: new Set(members.map((m) => m.user.email)), pendingEmails: new Set(pending.map((i) => i.email)) };
}

/**
 * The workspace's groups among `groupIds`, by name; refuses if one is not (any more) a
 * group of this workspace, so an id from another workspace never attaches.
 */
export async function loadInvitationGroups(tx: Tx, workspaceId: string, groupIds: readonly string[]) {
  const unique = [...new Set(groupIds)];
  if (unique.length === 0) return [];
  const groups = await tx.group.findMany({ where: { workspaceId, id: { in: unique } }, orderBy: { nameKey: "asc" }, select: { id: true, name: true } });
  if (groups.length !== unique.length) {
    const message = "One of the chosen groups no longer exists: someone may have deleted it meanwhile. Choose the groups again.";
    throw new Refusal("not_found", message, { fieldErrors: { groupIds: [message] } });
  }
  return groups;
}

/** Stores one invitation (hash only) and its groups with its audit event; returns what its email needs. */
export async function createInvitation(
  ctx: Pick<WorkspaceContext, "tx" | "workspace" | "user" | "audit">,
  email: string,
  role: GrantableRole,
  groupIds: readonly string[] = [],
): Promise<InvitationMail> {
  const groups = await loadInvitationGroups(ctx.tx, ctx.workspace.id, groupIds);
  const { token, tokenHash } = generateInvitationToken();
  const sentAt = new Date();
  const expiresAt = invitationExpiry(sentAt, ctx.workspace.invitationLifetimeDays);
  const invitation = await ctx.tx.invitation.create({
    data: {
      workspaceId: ctx.workspace.id,
      email,
      role,
      tokenHash,
      sentAt,
      expiresAt,
      invitedById: ctx.user.id,
      groups: { create: groups.map((g) => ({ groupId: g.id })) },
    },
  });
  await ctx.audit({
    action: "invitation.sent",
    target: { type: "invitation", id: invitation.id, label: email },
    after: { email, role, expiresAt: expiresAt.toISOString(), ...(groups.length ? { groups: groups.map((g) => g.name) } : {}) },
  });
  return { to: email, token, inviterName: fullName(ctx.user), workspaceName: ctx.workspace.name, role, expiresAt, groups: groups.map((g) => g.name) };
}

/** The single-invitation path: every refusal listed in docs/product.md#invitations, then the invitation. */
export async function issueInvitation(ctx: WorkspaceContext, email: string, role: GrantableRole, groupIds: readonly string[] = []): Promise<InvitationMail> {
  const { tx, workspace } = ctx;
  const { memberEmails, pendingEmails } = await invitationConflicts(tx, workspace.id, [email]);
  if (memberEmails.has(email)) {
    throw new Refusal("conflict", `${email} is already a member of this workspace.`, { fieldErrors: { email: ["Already a member of this workspace."] } });
  }
  if (pendingEmails.has(email)) {
    throw new Refusal("conflict", `${email} already has a pending invitation. Resend it from Pending invitations instead.`, {
      fieldErrors: { email: ["Already has a pending invitation."] },
    });
  }
  await closeExpiredInvitations(tx, workspace.id, [email]);
  await assertSeatsAvailable(tx, workspace);
  await consumeInvitationQuota(tx, workspace.id, ctx.user.id, 1);
  return createInvitation(ctx, email, role, groupIds);
}

/** A fresh secret for an existing invitation: the old link dies in the same transaction. */
export async function renewInvitationLink(tx: Tx, invitationId: string, data: { sentAt?: Date; expiresAt?: Date; invitedById?: string } = {}) {
  const { token, tokenHash } = generateInvitationToken();
  await tx.invitation.update({ where: { id: invitationId }, data: { tokenHash, sentAt: new Date(), ...data } });
  return token;
}
