"use server";

import { userAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/authz/result";
import { consumeInvitation } from "./accept";
import { consumeInvitationQuota, renewInvitationLink } from "./issue";
import { DEAD_LINK_MESSAGES, lockInvitationById } from "./join";
import { deliverInvitationMails } from "./mail";
import { invitationIdSchema } from "./schemas";
import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/sessions";

// Invitations addressed to the signed-in person, shown on /w (SPEC §4: "You have 2
// invitations"). Accepting without the link is allowed only to someone whose address is
// verified: anyone can sign up with any address, and an unverified account must not be
// a way into a workspace. The others can have a fresh link sent to that address.

async function lockMine(tx: Tx, user: SessionUser, invitationId: string) {
  const { invitation, dead } = await lockInvitationById(tx, invitationId);
  if (invitation.email !== user.email) throw new Refusal("not_found", "That invitation was not found.");
  if (dead) throw new Refusal("gone", DEAD_LINK_MESSAGES[dead]);
  return invitation;
}

// POST /w — accept an invitation to my verified address.
export const acceptMyInvitation = userAction(invitationIdSchema, async (input, { tx, user, audit }) => {
  const invitation = await lockMine(tx, user, input.invitationId);
  if (!user.emailVerifiedAt) {
    throw new Refusal("forbidden", `Your email address is not confirmed yet. Open the link in the invitation email, or have a new link sent to ${user.email}.`);
  }
  return consumeInvitation(tx, invitation, user, audit);
});

// POST /w — send me a fresh link (the old one dies; the expiry stays as it was).
export const emailMyInvitationLink = userAction(
  invitationIdSchema,
  async (input, { tx, user, audit }) => {
    const invitation = await lockMine(tx, user, input.invitationId);
    await consumeInvitationQuota(tx, invitation.workspaceId, user.id, 1);
    const token = await renewInvitationLink(tx, invitation.id);
    await audit({
      workspaceId: invitation.workspaceId,
      action: "invitation.resent",
      target: { type: "invitation", id: invitation.id, label: invitation.email },
      after: { requestedBy: "invitee", expiresAt: invitation.expiresAt.toISOString() },
    });
    const inviter = invitation.invitedBy ? `${invitation.invitedBy.firstName} ${invitation.invitedBy.lastName}` : invitation.workspace.name;
    return { mails: [{ to: invitation.email, token, inviterName: inviter, workspaceName: invitation.workspace.name, role: invitation.role, expiresAt: invitation.expiresAt }] };
  },
  { afterCommit: deliverInvitationMails },
);
