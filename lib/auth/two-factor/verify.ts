// Checking a second factor: the one path for signing in (after the password) and for the
// account page's "password and a code" steps. Wrong codes count on the sign-in counters of
// the account's email and the caller's address, as wrong passwords do, and on one more
// per account that is refused at its limit (docs/decisions/013-two-factor.md).
import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit, type AuditEventInput, type UserActor } from "@/lib/audit/record";
import { Refusal } from "@/lib/core/result";
import { LIMITS, clear, forget, formatWait, pruneExpired } from "@/lib/rate-limit";
import { clearFailures, reserveAttempt, type SignInOptions } from "../sign-in";
import { acceptSecondFactor, countUnusedRecoveryCodes } from "./store";
import type { SecondFactorMethod } from "./schemas";

export const WRONG_CODE = "That code is not right. Enter the current code from your authenticator app, or an unused recovery code.";

export type SecondFactorCheck =
  | { ok: true; method: SecondFactorMethod }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; message: string }
  | { ok: false; code: "wrong_code"; message: string };

type Meta = { ip: string | null; userAgent: string | null };

/** The per-account counter of wrong codes (a password reset clears it, lib/account/reset-actions.ts). */
export const twoFactorFailureKey = (userId: string) => `2fa-fail:user:${userId}`;
const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Accepts a code from the authenticator app or an unused recovery code of `actor`'s
 * account, each at most once (lib/auth/two-factor/store.ts). The attempt is counted before
 * the code is looked at, under the keys' locks, so concurrent guesses cannot pass the limit;
 * a right code takes the count back. Wrong codes and used recovery codes are audited.
 */
export async function checkSecondFactor(actor: UserActor, typed: string, meta: Meta, { limits = LIMITS, sleep = sleepFor }: SignInOptions = {}): Promise<SecondFactorCheck> {
  const spec = limits.twoFactorFailures ?? LIMITS.twoFactorFailures;
  const reservation = await reserveAttempt(actor.email, meta.ip, limits, { key: twoFactorFailureKey(actor.id), spec });
  if (!reservation.ok) {
    const wait = Math.max(1, reservation.retryAfterSeconds);
    return { ok: false, code: "rate_limited", retryAfterSeconds: wait, message: `Too many wrong codes. Try again in ${formatWait(wait)}.` };
  }
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  const method = await acceptSecondFactor(prisma, actor.id, typed);
  const event = { workspaceId: null, actor, target: { type: "user", id: actor.id, label: actor.email }, ip: meta.ip, userAgent: meta.userAgent };
  if (!method) {
    await recordAudit(prisma, { ...event, action: "auth.two_factor_failed" });
    await pruneExpired(prisma);
    return { ok: false, code: "wrong_code", message: WRONG_CODE };
  }
  await forget(prisma, reservation.hitIds);
  await clearFailures(actor.email, meta.ip);
  await clear(prisma, twoFactorFailureKey(actor.id));
  if (method === "recovery_code") {
    await recordAudit(prisma, { ...event, action: "auth.recovery_code_used", after: { recoveryCodesLeft: await countUnusedRecoveryCodes(prisma, actor.id) } });
  }
  return { ok: true, method };
}

/**
 * For the account page's steps that need "your password and a code" (turning 2FA off,
 * new recovery codes): the code half, as `confirmOwnPassword` is the password half. Call
 * it from the guard's `before` hook, so a wrong code is counted even though the action is
 * refused.
 */
export async function confirmSecondFactor(actor: AuditEventInput["actor"], code: string, meta: Meta) {
  if (actor.type !== "user") throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  const check = await checkSecondFactor(actor, code, meta);
  if (check.ok) return;
  if (check.code === "rate_limited") throw new Refusal("rate_limited", check.message, { retryAfterSeconds: check.retryAfterSeconds });
  throw new Refusal("invalid_input", check.message, { fieldErrors: { code: [check.message] } });
}
