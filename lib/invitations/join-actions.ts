"use server";

import { publicAction, userAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { createAccount, screenSignUp } from "@/lib/auth/accounts";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { reclaimUnverifiedAccount } from "@/lib/auth/reclaim";
import { revokeInvitationsOfReclaimedAccount } from "@/lib/members/inviter-invitations";
import { startSession } from "@/lib/auth/start-session";
import { consumeInvitation } from "./accept";
import { DEAD_LINK_MESSAGES, lockInvitation, screenJoinAttempt } from "./join";
import { acceptInvitationSchema, joinWithNewAccountSchema } from "./schemas";

// Accepting is a POST through the guard (the join page's GET only displays). Both
// actions lock the invitation's workspace and read the invitation again, so a link is
// used once: two tabs accepting at once make one membership and one event.

// POST /join/[token] — signed in as the invited address: join.
export const acceptInvitation = userAction(
  acceptInvitationSchema,
  async (input, { tx, user, audit, unchanged }) => {
    const { invitation, dead } = await lockInvitation(tx, input.token);
    // The same person's second tab: they are in, so take them there (nothing changes, nothing to audit).
    if (dead === "used" && invitation.acceptedById === user.id) {
      unchanged();
      return { redirectTo: `/w/${invitation.workspace.slug}`, twoFactorSetupFirst: false };
    }
    if (dead) throw new Refusal("gone", DEAD_LINK_MESSAGES[dead]);
    if (invitation.email !== user.email) {
      throw new Refusal("forbidden", `This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign out and continue as ${invitation.email}.`);
    }
    return consumeInvitation(tx, invitation, user, audit);
  },
  { before: screenJoinAttempt },
);

// POST /join/[token] — signed out, no account yet: create it (email verified), join, sign in.
// An account for the address that was never verified does not block the link holder:
// they take it over (lib/auth/reclaim.ts, docs/decisions/010-reclaim-unverified-account-by-invitation.md).
export const joinWithNewAccount = publicAction(
  joinWithNewAccountSchema,
  async (input, { tx, request, audit }) => {
    const { invitation, dead } = await lockInvitation(tx, input.token);
    if (dead) throw new Refusal("gone", DEAD_LINK_MESSAGES[dead]);
    assertStrongPassword(input.password, { ...input, email: invitation.email });
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    if (existing && !existing.emailVerifiedAt) {
      const user = await reclaimUnverifiedAccount(tx, existing, input, audit, { invitationId: invitation.id });
      await revokeInvitationsOfReclaimedAccount(tx, user.id, audit);
      return { ...(await consumeInvitation(tx, invitation, user, audit)), email: user.email };
    }
    const user = await createAccount(tx, request, { ...input, email: invitation.email }, audit, { verified: true }).catch((error: unknown) => {
      if (error instanceof Refusal && error.code === "conflict") {
        throw new Refusal("conflict", `An account for ${invitation.email} already exists. Sign in to join.`);
      }
      throw error;
    });
    return { ...(await consumeInvitation(tx, invitation, user, audit)), email: user.email };
  },
  {
    async before(input, request) {
      await screenJoinAttempt(input, request);
      await screenSignUp(input, request);
    },
    async afterCommit({ redirectTo, twoFactorSetupFirst, email }, input) {
      await startSession(email, input.password);
      return { redirectTo, twoFactorSetupFirst };
    },
  },
);
