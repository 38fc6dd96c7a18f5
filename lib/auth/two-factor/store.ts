// Where two-factor state is kept, and the two writes that accept a second factor. Each
// acceptance is one conditional UPDATE, so of two requests presenting the same code at
// the same moment exactly one changes a row: a TOTP code moves the user's last accepted
// step forward only if it is newer, a recovery code is marked used only if it was not.
// (docs/decisions/013-two-factor.md)
import "server-only";
import type { Db, Tx } from "@/lib/db";
import { open, seal } from "./secret-box";
import { verifyTotp } from "./totp";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "./recovery-codes";
import type { SecondFactorMethod } from "./schemas";
import { dropChallenges } from "./challenge";

type Client = Db | Tx;

const totpContext = (userId: string) => `totp:${userId}`;

/** Seals a TOTP secret for this user: only their row can open it. */
export const sealTotpSecret = (userId: string, secretBase32: string, key?: Buffer) => seal(secretBase32, totpContext(userId), key);

/** The user's TOTP secret, or null when none is stored or it no longer opens (altered, or the key changed). */
export const openTotpSecret = (user: { id: string; totpSecret: string | null }) => (user.totpSecret ? open(user.totpSecret, totpContext(user.id)) : null);

/**
 * Accepts a TOTP code for the user's stored secret: true once per time step at most, and
 * never for a step at or before the last one accepted (RFC 6238 §5.2), however many
 * requests present it at once.
 */
export async function acceptTotpCode(db: Client, userId: string, typed: string, at = Date.now()): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, totpSecret: true, totpLastStep: true } });
  const secret = user && openTotpSecret(user);
  if (!secret) return false;
  const step = verifyTotp(secret, typed, user.totpLastStep, at);
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** Marks one of the user's unused recovery codes used: true for exactly one of any number of concurrent uses. */
export async function redeemRecoveryCode(db: Client, userId: string, typed: string, at = new Date()): Promise<boolean> {
  if (!normalizeRecoveryCode(typed)) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(typed, userId), usedAt: null }, data: { usedAt: at } });
  return count === 1;
}

/** New recovery codes for the user, replacing every earlier one (used or not); the codes are returned once, only their hashes kept. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code, userId) })) });
  return codes;
}

/** Which kind of code `typed` looks like: six digits are an authenticator code, anything else may be a recovery code. */
export const looksLikeAuthenticatorCode = (typed: string) => /^\d{6}$/.test(typed.replace(/[\s-]/g, ""));

/** Accepts a second factor of either kind (each once); null when it is not one of the user's. */
export async function acceptSecondFactor(db: Client, userId: string, typed: string): Promise<SecondFactorMethod | null> {
  if (looksLikeAuthenticatorCode(typed)) return (await acceptTotpCode(db, userId, typed)) ? "authenticator" : null;
  return (await redeemRecoveryCode(db, userId, typed)) ? "recovery_code" : null;
}

/** How many of the user's recovery codes are still unused. */
export const countUnusedRecoveryCodes = (db: Client, userId: string) => db.recoveryCode.count({ where: { userId, usedAt: null } });

/**
 * Everything two-factor of an account goes: the secret (set up or pending), the last step,
 * the recovery codes and any half-finished sign-in. Turning 2FA off, and an unverified
 * account taken over by the invitation's link holder (whose squatter may have set it up).
 */
export async function clearTwoFactor(tx: Tx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null } });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await dropChallenges(tx, userId);
}

/** Whether the user has two-factor authentication on now (read in the caller's transaction). */
export async function hasTwoFactor(db: Client, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}
