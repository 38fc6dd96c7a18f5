// The second step of signing in to an account with two-factor authentication: the
// challenge the right password opened (challenge.ts), and a code. The session is opened
// in the same transaction that uses the challenge up, so a challenge yields one session.
import "server-only";
import { prisma } from "@/lib/db";
import { userActor } from "@/lib/audit/record";
import { openSignedInSession, type SignInOptions } from "../sign-in";
import { CHALLENGE_EXPIRED, consumeChallenge, findLiveChallenge } from "./challenge";
import * as z from "@/lib/zod";
import { twoFactorSignInSchema } from "./schemas";
import { checkSecondFactor } from "./verify";
import { countUnusedRecoveryCodes, looksLikeAuthenticatorCode } from "./store";
import { hashSecretToken, isWellFormedSecretToken } from "@/lib/secret-tokens";

export type SecondFactorSignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; code: "two_factor_expired" | "wrong_code"; message: string }
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

/**
 * Checks the code against the challenge's account and, if it is right, opens a session.
 * A challenge that is unknown, used, older than 5 minutes, or whose password has changed
 * since (a reset elsewhere) answers `two_factor_expired`: sign in again from the start.
 */
export async function verifySecondFactorSignIn(
  input: { challenge: string; code: string; ip: string | null; userAgent: string | null },
  options: SignInOptions = {},
): Promise<SecondFactorSignInResult> {
  const expired = { ok: false, code: "two_factor_expired", message: CHALLENGE_EXPIRED } as const;
  const live = await findLiveChallenge(prisma, input.challenge);
  if (!live || !live.user.totpEnabledAt) return expired;
  const check = await checkSecondFactor(userActor(live.user), input.code, input, options);
  if (!check.ok) return check;
  const sessionId = await prisma.$transaction(async (tx) => {
    if (!(await consumeChallenge(tx, live.id))) return null;
    return openSignedInSession(tx, live.user, live.user.passwordHash, input, { secondFactor: check.method });
  });
  return sessionId ? { ok: true, userId: live.user.id, sessionId } : expired;
}

const credentialsSchema = z.pick(twoFactorSignInSchema, { challenge: true, code: true });

/** Auth.js's `authorize` for the second step: anyone can POST to its callback, so the raw fields are parsed here. */
export async function authorizeSecondFactor(credentials: unknown, meta: { ip: string | null; userAgent: string | null }): Promise<SecondFactorSignInResult> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return { ok: false, code: "wrong_code", message: parsed.error.issues[0]?.message ?? CHALLENGE_EXPIRED };
  return verifySecondFactorSignIn({ ...parsed.data, ...meta });
}

/**
 * After a sign-in with a recovery code: how many the account has left, so the person is
 * told (and asked to replace them when few remain). Null after an app code.
 */
export async function recoveryCodesLeftAfter(challenge: string, code: string): Promise<number | null> {
  if (looksLikeAuthenticatorCode(code) || !isWellFormedSecretToken(challenge)) return null;
  const row = await prisma.twoFactorChallenge.findUnique({ where: { tokenHash: hashSecretToken(challenge) }, select: { userId: true } });
  return row ? countUnusedRecoveryCodes(prisma, row.userId) : null;
}
