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

type Client = Db | Tx;

const totpContext = (userId: string) => `totp:${userId}`;

/** Seals a TOTP secret for this user: only their row can open it. */
export const sealTotpSecret = (userId: string, secretBase32: string) => seal(secretBase32, totpContext(userId));

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
export async function useRecoveryCode(db: Client, userId: string, typed: string, at = new Date()): Promise<boolean> {
  if (!normalizeRecoveryCode(typed)) return false;
  const { count } = await db.recoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(typed), usedAt: null }, data: { usedAt: at } });
  return count === 1;
}

/** New recovery codes for the user, replacing every earlier one (used or not); the codes are returned once, only their hashes kept. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}
