"use server";

import * as z from "@/lib/zod";
import { userAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { userActor } from "@/lib/audit/record";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import { consumeAccountLink } from "@/lib/auth/account-links";
import { sendVerificationMail, startEmailVerification } from "@/lib/auth/email-verification";
import { VERIFY_LINK_MESSAGES } from "@/lib/auth/link-messages";
import { verifyEmailSchema } from "./schemas";

// POST /verify-email/[token] — the "Verify email" button. The GET only displays it: mail
// scanners open links, and must not use them up. Only the account's own browser may use
// it: someone who signed up with another person's address must not get it verified by
// that person clicking a link they never asked for (they sign in, and cannot).
export const verifyEmail = userAction(verifyEmailSchema, async (input, { tx, user: signedIn, audit }) => {
  const user = await consumeAccountLink(tx, input.token, "verify_email", VERIFY_LINK_MESSAGES);
  if (user.id !== signedIn.id) {
    // Refused inside the transaction, so the link stays unused for its own account.
    throw new Refusal("forbidden", `This link verifies ${user.email}. Sign out, then sign in as ${user.email} to use it.`);
  }
  if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  await audit({
    action: "auth.email_verified",
    actor: userActor(user),
    target: { type: "user", id: user.id, label: user.email },
    after: { alreadyVerified: user.emailVerifiedAt !== null },
  });
  return { email: user.email };
});

// POST from the unverified-address banner — "Resend": a fresh link (the older one dies),
// a few times an hour per user.
export const resendVerificationEmail = userAction(
  z.object({}),
  async (_input, { tx, user, audit, unchanged }) => {
    if (user.emailVerifiedAt) {
      unchanged();
      return { email: user.email, verification: null };
    }
    const limit = await consume(tx, `verify-mail:user:${user.id}`, LIMITS.verificationMailsPerUser);
    if (!limit.ok) {
      throw new Refusal("rate_limited", `A verification email was sent a short while ago. Check your inbox, or try again in ${formatWait(limit.retryAfterSeconds)}.`, {
        retryAfterSeconds: limit.retryAfterSeconds,
      });
    }
    return { email: user.email, verification: await startEmailVerification(tx, user, audit) };
  },
  {
    async afterCommit({ email, verification }) {
      if (!verification) return { email, alreadyVerified: true, mailFailed: false };
      return { email, alreadyVerified: false, ...(await sendVerificationMail(verification)) };
    },
  },
);
