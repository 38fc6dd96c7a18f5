import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll } from "vitest";
import { prisma } from "@/lib/db";
import type { GrantableRole } from "@/lib/authz/permissions";
import { readOutbox } from "@/lib/mail/send";
import { generateInvitationToken, invitationExpiry } from "@/lib/invitations/tokens";

/** Each test file gets its own mail outbox (a temp dir), so mail assertions see only its own mail. */
export function isolateOutbox() {
  beforeAll(() => {
    process.env.MAIL_OUTBOX_DIR = mkdtempSync(path.join(tmpdir(), "roster-invitations-outbox-"));
    delete process.env.RESEND_API_KEY;
  });
}

/** The mails in the outbox to `email`, newest first. */
export async function mailsTo(email: string) {
  return (await readOutbox()).filter((m) => m.to === email);
}

/** The secret of a join link read from a mail. */
export const tokenOf = (link: string | undefined) => {
  const token = link?.split("/join/")[1];
  if (!token) throw new Error(`No join link in ${link}`);
  return token;
};

/** The token from the newest invitation mail to `email`. */
export async function lastTokenTo(email: string) {
  return tokenOf((await mailsTo(email))[0]?.links?.join);
}

/** An invitation stored directly (no action, no audit event), with its secret. */
export async function seedInvitation(
  workspaceId: string,
  data: { email: string; role?: GrantableRole; status?: "pending" | "accepted" | "revoked"; expiresAt?: Date; invitedById?: string },
) {
  const { token, tokenHash } = generateInvitationToken();
  const invitation = await prisma.invitation.create({
    data: {
      workspaceId,
      email: data.email,
      role: data.role ?? "write",
      status: data.status ?? "pending",
      tokenHash,
      expiresAt: data.expiresAt ?? invitationExpiry(new Date(), 14),
      invitedById: data.invitedById,
    },
  });
  return { invitation, token };
}

export const pastDate = (ms = 60_000) => new Date(Date.now() - ms);

/** Everything a refused invitation action must leave untouched: invitations, memberships, users, audit log, outbox. */
export async function invitationSnapshot(workspaceId: string) {
  const [invitations, memberships, users, auditEvents, outbox] = await Promise.all([
    prisma.invitation.findMany({ where: { workspaceId }, orderBy: { id: "asc" } }),
    prisma.membership.findMany({ where: { workspaceId }, select: { id: true, userId: true, role: true }, orderBy: { id: "asc" } }),
    prisma.user.count(),
    prisma.auditEvent.count(),
    readOutbox(),
  ]);
  return { invitations, memberships, users, auditEvents, outbox: outbox.length };
}
