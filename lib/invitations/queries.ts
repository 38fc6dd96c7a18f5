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
      groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { nameKey: "asc" } } },
    },
  });
  return rows.map(({ groups, ...row }) => ({ ...row, groups: groups.map((g) => g.group), expired: isExpired(row, now) }));
}

export type PendingInvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

type Addressee = { email: string; emailVerifiedAt: Date | null };

/**
 * Live invitations addressed to the signed-in person, for "You have 2 invitations" — only
 * when their address is verified: anyone can sign up with any address, and must not learn
 * (or count) the invitations sent to someone else's.
 */
export async function listInvitationsForUser({ email, emailVerifiedAt }: Addressee, now = new Date()) {
  if (!emailVerifiedAt) return [];
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

export async function countInvitationsForUser({ email, emailVerifiedAt }: Addressee, now = new Date()) {
  if (!emailVerifiedAt) return 0;
  return prisma.invitation.count({ where: { email, status: "pending", expiresAt: { gt: now } } });
}
