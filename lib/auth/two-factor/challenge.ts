// The half-signed-in state of an account with two-factor authentication: after the right
// password, a challenge row instead of a session. The browser holds only its random token;
// the row lives 5 minutes and is used once (docs/decisions/013-two-factor.md).
import "server-only";
import { createHash } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from "@/lib/secret-tokens";

export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
export const CHALLENGE_EXPIRED = "This sign-in has expired. Sign in again with your password.";

/** A digest of the password hash a challenge was opened with: a password changed since voids it. */
export const passwordStamp = (passwordHash: string) => createHash("sha256").update(passwordHash).digest("hex");

/** Opens a challenge for a user whose password was just checked; returns the token for the browser. */
export async function openChallenge(db: Db | Tx, user: { id: string; passwordHash: string }, now = Date.now()): Promise<string> {
  const { token, tokenHash } = generateSecretToken();
  // The user's finished or stale challenges go as a new one opens, so rows stay few.
  await db.twoFactorChallenge.deleteMany({ where: { userId: user.id, OR: [{ usedAt: { not: null } }, { expiresAt: { lte: new Date(now) } }] } });
  await db.twoFactorChallenge.create({
    data: { tokenHash, userId: user.id, passwordStamp: passwordStamp(user.passwordHash), expiresAt: new Date(now + CHALLENGE_LIFETIME_MS) },
  });
  return token;
}

/** The live challenge with this token and its user, or null (unknown, used, expired, or its password changed since). */
export async function findLiveChallenge(db: Db | Tx, token: string, now = Date.now()) {
  if (!isWellFormedSecretToken(token)) return null;
  const row = await db.twoFactorChallenge.findUnique({
    where: { tokenHash: hashSecretToken(token) },
    select: {
      id: true,
      passwordStamp: true,
      expiresAt: true,
      usedAt: true,
      user: { select: { id: true, email: true, firstName: true, lastName: true, passwordHash: true, totpEnabledAt: true } },
    },
  });
  if (!row || row.usedAt || row.expiresAt.getTime() <= now || row.passwordStamp !== passwordStamp(row.user.passwordHash)) return null;
  return row;
}

/** Marks the challenge used: true for exactly one of any number of concurrent uses, and never once it has expired. */
export async function consumeChallenge(tx: Tx, id: string, now = Date.now()): Promise<boolean> {
  const { count } = await tx.twoFactorChallenge.updateMany({ where: { id, usedAt: null, expiresAt: { gt: new Date(now) } }, data: { usedAt: new Date(now) } });
  return count === 1;
}

/** Every open challenge of the user ends: their password changed, or 2FA was turned off. */
export async function dropChallenges(db: Db | Tx, userId: string) {
  await db.twoFactorChallenge.deleteMany({ where: { userId } });
}
