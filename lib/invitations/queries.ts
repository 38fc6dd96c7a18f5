import "server-only";
import { prisma } from "@/lib/db";
import { isExpired } from "./tokens";

/**
 * The pending invitations page: every invitation not yet accepted or revoked, expired
 * ones included (shown as expired, never silently extended), newest first.
 */
export async function listPendingInvitations(workspaceId: string, now = new Date()) {
  const rows = await prisma.invitation.findMany({
    where: { workspaceId, status: "pending" },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      email: true,
      role: true,
      sentAt: true,
      expiresAt: true,
      invitedBy: { select: { firstName: true, lastName: true, email: true } },
    },
  });
  return rows.map((row) => ({ ...row, expired: isExpired(row, now) }));
}

export type PendingInvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

/** Live invitations addressed to `email` (the signed-in person's), for "You have 2 invitations". */
export function listInvitationsForEmail(email: string, now = new Date()) {
  return prisma.invitation.findMany({
    where: { email, status: "pending", expiresAt: { gt: now } },
    orderBy: [{ sentAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      role: true,
      expiresAt: true,
      workspace: { select: { name: true } },
      invitedBy: { select: { firstName: true, lastName: true } },
    },
  });
}

export function countInvitationsForEmail(email: string, now = new Date()) {
  return prisma.invitation.count({ where: { email, status: "pending", expiresAt: { gt: now } } });
}
