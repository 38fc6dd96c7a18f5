"use server";

import { publicAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { userActor } from "@/lib/audit/record";
import { screenPasswordResetRequest } from "@/lib/auth/password-reset";
import { consumeAccountLink, dropAccountLinks, issueAccountLink } from "@/lib/auth/account-links";
import { resetMessage, sendMailAfterResponse } from "@/lib/auth/account-mail";
import { RESET_LINK_MESSAGES } from "@/lib/auth/link-messages";
import { hashPassword } from "@/lib/auth/passwords";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { endAllSessions } from "@/lib/auth/sessions";
import { revokeInvitationsOfReclaimedAccount } from "@/lib/members/inviter-invitations";
import { clearSignInFailures } from "@/lib/auth/sign-in";
import { startSession } from "@/lib/auth/start-session";
import { clearTwoFactor } from "@/lib/auth/two-factor/store";
import { twoFactorFailureKey } from "@/lib/auth/two-factor/verify";
import { clear } from "@/lib/rate-limit";
import { RESET_REQUESTED_MESSAGE, requestPasswordResetSchema, resetPasswordSchema } from "./schemas";
import { revokeKeysOfAccount } from "@/lib/auth/api-key-revocation";

// POST /reset-password — "Forgot password". The answer is the same whether or not the
// address has an account, and so is the work: one lookup, one token write or its decoy,
// one audit event; the mail (only to an existing account) leaves after the response.
export const requestPasswordReset = publicAction(
  requestPasswordResetSchema,
  async (input, { tx, audit }) => {
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } });
    let mail: { to: string; token: string; expiresAt: Date } | null = null;
    if (user) {
      // A newer link replaces older ones (issueAccountLink drops the unused ones).
      mail = { to: user.email, ...(await issueAccountLink(tx, user.id, "reset_password")) };
    } else {
      // The same two statements against no row, so an unknown address costs what a known one does.
      await tx.accountToken.deleteMany({ where: { userId: "", purpose: "reset_password", usedAt: null } });
      await tx.accountToken.findMany({ where: { userId: "" }, take: 1 });
    }
    // Recorded for every request, anonymous (the requester is not signed in); the target names the account when there is one.
    await audit({
      action: "auth.password_reset_requested",
      actor: { type: "anonymous", email: input.email },
      ...(user ? { target: { type: "user", id: user.id, label: user.email } } : {}),
    });
    return { mail };
  },
  {
    before: screenPasswordResetRequest,
    async afterCommit({ mail }) {
      if (mail) await sendMailAfterResponse(resetMessage(mail.to, mail.token, mail.expiresAt));
      return { message: RESET_REQUESTED_MESSAGE };
    },
  },
);

// POST /reset-password/[token] — the new password. Uses the link up, verifies the address
// (the link was read from its inbox), ends every session of the account and signs this
// browser in.
export const resetPassword = publicAction(
  resetPasswordSchema,
  async (input, { tx, audit }) => {
    const user = await consumeAccountLink(tx, input.token, "reset_password", RESET_LINK_MESSAGES);
    assertStrongPassword(input.password, user);
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash: await hashPassword(input.password), emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    const sessionsEnded = await endAllSessions(tx, user.id);
    await dropAccountLinks(tx, user.id);
    // A reset is how someone takes their account back: keys made by whoever had the
    // password act as the account like a session does, and end with the sessions.
    const apiKeysRevoked = await revokeKeysOfAccount(tx, { userId: user.id, owner: user.email, reason: "password_reset" }, audit);
    // An address never verified until now: what the account invited was invited by whoever signed it up, not by this inbox's owner.
    // and any two-factor setup on it is theirs too: left in place, it would lock the address's owner out for good.
    if (!user.emailVerifiedAt) {
      await revokeInvitationsOfReclaimedAccount(tx, user.id, audit);
      await clearTwoFactor(tx, user.id);
    }
    // The owner can always get back in: failures a stranger ran up against the email must not refuse the new password.
    await clearSignInFailures(tx, user.email);
    // And the wrong codes counted against it, or "use Forgot password?" would not get the owner in:
    // the reset proves the inbox, and the code is still asked for next.
    await clear(tx, twoFactorFailureKey(user.id));
    await audit({
      action: "auth.password_reset",
      actor: userActor(user),
      target: { type: "user", id: user.id, label: user.email },
      after: { sessionsEnded, emailVerified: true, ...(apiKeysRevoked ? { apiKeysRevoked } : {}) },
    });
    return { email: user.email };
  },
  {
    async afterCommit({ email }, input) {
      // A reset of a verified account never turns two-factor authentication off: it is asked for its code next.
      const { challenge } = await startSession(email, input.password).catch((error: unknown) => {
        // The password is changed either way; if signing in is refused now, the sign-in page works with it.
        if (error instanceof Refusal) throw new Refusal(error.code, `Your password was changed, but you could not be signed in: ${error.message}`);
        throw error;
      });
      return { redirectTo: "/w", challenge };
    },
  },
);
