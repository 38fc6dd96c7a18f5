"use server";

import * as z from "@/lib/zod";
import { userAction } from "@/lib/authz/guard";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import { Refusal } from "@/lib/core/result";
import { consumeInvitation } from "./accept";
import { renewInvitationLink } from "./issue";
import { DEAD_LINK_MESSAGES, lockInvitationById } from "./join";
import { deliverInvitationMails, type InvitationMail } from "./mail";
import { invitationIdSchema } from "./schemas";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/sessions";
import { fullName } from "@/lib/format";

// Invitations addressed to the signed-in person, shown on /w ("You have 2 invitations",
// docs/product.md#join-page), only to someone whose address is verified: anyone can sign
// up with any address, and an unverified account must be neither a way into a workspace
// nor a way to learn of, or kill, the links an admin sent to that address. Unverified
// accounts see no invitations at all; the invitee joins with the mailed link.

const UNVERIFIED = (email: string) => `Your email address is not verified yet. Verify ${email} with the link we sent to it, or open the link in the invitation email.`;

async function lockMine(tx: Tx, user: SessionUser, invitationId: string) {
  const { invitation, dead } = await lockInvitationById(tx, invitationId);
  if (invitation.email !== user.email) throw new Refusal("not_found", "That invitation was not found.");
  if (dead) throw new Refusal("gone", DEAD_LINK_MESSAGES[dead]);
  return invitation;
}

// POST /w — accept an invitation to my verified address.
export const acceptMyInvitation = userAction(invitationIdSchema, async (input, { tx, user, audit }) => {
  const invitation = await lockMine(tx, user, input.invitationId);
  if (!user.emailVerifiedAt) throw new Refusal("forbidden", UNVERIFIED(user.email));
  return consumeInvitation(tx, invitation, user, audit);
});

// POST /w — send me fresh links to every live invitation to my verified address (the old
// links die; expiries stay). Refused to an unverified account, which could otherwise keep
// killing the links an admin sent to someone else's address; limited per invitation.
export const emailMyInvitationLinks = userAction(
  z.object({}),
  async (_input, { tx, user, audit }) => {
    if (!user.emailVerifiedAt) throw new Refusal("forbidden", UNVERIFIED(user.email));
    const live = await tx.invitation.findMany({ where: { email: user.email, status: "pending", expiresAt: { gt: new Date() } }, select: { id: true } });
    if (live.length === 0) throw new Refusal("not_found", "There are no pending invitations for your address.");
    const mails: InvitationMail[] = [];
    for (const { id } of live) {
      const invitation = await lockMine(tx, user, id);
      const limit = await consume(tx, `invitations:self:${id}`, LIMITS.invitationLinksPerInvitee);
      if (!limit.ok) throw new Refusal("rate_limited", `New links were sent a short while ago. Check your inbox, or try again in ${formatWait(limit.retryAfterSeconds)}.`, { retryAfterSeconds: limit.retryAfterSeconds });
      const token = await renewInvitationLink(tx, invitation.id);
      await audit({
        workspaceId: invitation.workspaceId,
        action: "invitation.resent",
        target: { type: "invitation", id: invitation.id, label: invitation.email },
        after: { requestedBy: "invitee", expiresAt: invitation.expiresAt.toISOString() },
      });
      const inviter = invitation.invitedBy ? fullName(invitation.invitedBy) : invitation.workspace.name;
      mails.push({ to: invitation.email, token, inviterName: inviter, workspaceName: invitation.workspace.name, role: invitation.role, expiresAt: invitation.expiresAt, groups: invitation.groups.map((g) => g.group.name) });
    }
    return { mails };
  },
  { afterCommit: deliverInvitationMails },
);
