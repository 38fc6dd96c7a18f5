"use server";

import type { Db, Tx } from "@/lib/db";
import type { GrantableRole } from "@/lib/authz/permissions";
import type { Plan } from "@/lib/billing/plans";
import { workspaceAction, workspaceQuery } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { fullName } from "@/lib/format";
import { assertSeatsAvailable, seatUsage } from "@/lib/billing/seats";
import { assertMayGrant } from "@/lib/members/policy";
import { judgeRows, parseInvitationCsv, type JudgedRow } from "./csv";
import { closeExpiredInvitations, consumeInvitationQuota, createInvitation, invitationConflicts, issueInvitation, renewInvitationLink } from "./issue";
import { deliverInvitationMails, type InvitationMail } from "./mail";
import { bulkInviteSchema, bulkPreviewSchema, invitationIdSchema, sendInvitationSchema } from "./schemas";
import { invitationExpiry, isExpired } from "./tokens";

// The secret of a link exists only between its transaction and its email: handlers
// return it to `afterCommit` (deliverInvitationMails), which mails it and hands the
// browser everything else.

// POST /w/[slug]/invitations — invite one address with a role.
export const sendInvitation = workspaceAction(
  "members:manage",
  sendInvitationSchema,
  async (input, ctx) => {
    assertMayGrant(ctx.membership.role, input.role);
    return { mails: [await issueInvitation(ctx, input.email, input.role, input.groupIds)] };
  },
  { afterCommit: deliverInvitationMails },
);

async function loadPendingInvitation(ctx: { tx: Tx; workspace: { id: string } }, invitationId: string) {
  const invitation = await ctx.tx.invitation.findFirst({ where: { id: invitationId, workspaceId: ctx.workspace.id } });
  if (!invitation || invitation.status !== "pending") {
    throw new Refusal("not_found", "That invitation was already accepted or revoked.");
  }
  return invitation;
}

// POST resend — a fresh secret and a fresh lifetime; the old link dies in the same step.
export const resendInvitation = workspaceAction(
  "members:manage",
  invitationIdSchema,
  async (input, ctx) => {
    const { tx, workspace, user, audit } = ctx;
    const invitation = await loadPendingInvitation(ctx, input.invitationId);
    assertMayGrant(ctx.membership.role, invitation.role);
    const { memberEmails } = await invitationConflicts(tx, workspace.id, [invitation.email]);
    if (memberEmails.has(invitation.email)) throw new Refusal("conflict", `${invitation.email} is already a member of this workspace. Revoke this invitation instead.`);
    // An expired invitation holds no seat; bringing it back takes one.
    if (isExpired(invitation)) await assertSeatsAvailable(tx, workspace);
    await consumeInvitationQuota(tx, workspace.id, user.id, 1);
    const sentAt = new Date();
    const expiresAt = invitationExpiry(sentAt, workspace.invitationLifetimeDays);
    const token = await renewInvitationLink(tx, invitation.id, { sentAt, expiresAt, invitedById: user.id });
    await audit({
      action: "invitation.resent",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      before: { expiresAt: invitation.expiresAt.toISOString() },
      after: { expiresAt: expiresAt.toISOString() },
    });
    const groups = await tx.invitationGroup.findMany({ where: { invitationId: invitation.id }, select: { group: { select: { name: true } } }, orderBy: { group: { nameKey: "asc" } } });
    const mail: InvitationMail = { to: invitation.email, token, inviterName: fullName(user), workspaceName: workspace.name, role: invitation.role, expiresAt, groups: groups.map((g) => g.group.name) };
    return { mails: [mail] };
  },
  { afterCommit: deliverInvitationMails },
);

// POST revoke — the link dies at once; the invitation leaves the list and stays in the audit log.
export const revokeInvitation = workspaceAction("members:manage", invitationIdSchema, async (input, ctx) => {
  const invitation = await loadPendingInvitation(ctx, input.invitationId);
  assertMayGrant(ctx.membership.role, invitation.role);
  await ctx.tx.invitation.update({ where: { id: invitation.id }, data: { status: "revoked", revokedAt: new Date() } });
  await ctx.audit({
    action: "invitation.revoked",
    target: { type: "invitation", id: invitation.id, label: invitation.email },
    before: { email: invitation.email, role: invitation.role, status: "pending", expiresAt: invitation.expiresAt.toISOString() },
    after: { status: "revoked" },
  });
  return { revoked: invitation.id };
});

async function judge(db: Db | Tx, workspace: { id: string; plan: Plan }, rows: { email: string; role: string; groups?: string[] }[]) {
  const emails = rows.map((r) => r.email.trim().toLowerCase());
  const [conflicts, usage, groups] = await Promise.all([
    invitationConflicts(db, workspace.id, emails),
    seatUsage(db, workspace),
    db.group.findMany({ where: { workspaceId: workspace.id }, select: { id: true, nameKey: true } }),
  ]);
  const groupsByName = new Map(groups.map((g) => [g.nameKey, g.id]));
  return judgeRows(rows, { ...conflicts, groupsByName, seatsLeft: usage.limit === null ? null : Math.max(0, usage.limit - usage.used) });
}

// Bulk invite, step 1: each row's verdict, before anything is sent. Reads only.
export const previewBulkInvitations = workspaceQuery("members:manage", bulkPreviewSchema, async (input, { db, workspace }) => {
  const parsed = parseInvitationCsv(input.csv);
  if (!parsed.ok) throw new Refusal("invalid_input", parsed.message, { fieldErrors: { csv: [parsed.message] } });
  return { rows: await judge(db, workspace, parsed.rows) };
});

// Bulk invite, step 2: the rows are judged again under the workspace lock (the team may
// have changed since the preview) and only those still "ok" are sent.
export const sendBulkInvitations = workspaceAction(
  "members:manage",
  bulkInviteSchema,
  async (input, ctx) => {
    const judged = await judge(ctx.tx, ctx.workspace, input.rows);
    const ready = judged.filter((r) => r.verdict === "ok");
    if (ready.length === 0) throw new Refusal("invalid_input", "None of these rows can be sent. Check the verdicts in the preview.");
    for (const row of ready) assertMayGrant(ctx.membership.role, row.role as GrantableRole);
    await closeExpiredInvitations(ctx.tx, ctx.workspace.id, ready.map((r) => r.email));
    await consumeInvitationQuota(ctx.tx, ctx.workspace.id, ctx.user.id, ready.length);
    const mails: InvitationMail[] = [];
    for (const row of ready) mails.push(await createInvitation(ctx, row.email, row.role as GrantableRole, row.groupIds));
    return { mails, skipped: judged.filter((r): r is JudgedRow => r.verdict !== "ok") };
  },
  { afterCommit: deliverInvitationMails },
);
