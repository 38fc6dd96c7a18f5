import "server-only";
import { rateLimitAddress } from "./client-ip";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordAudit, userActor } from "@/lib/audit/record";
import { LIMITS, clear, forget, formatWait, lockKeys, peek, pruneExpired, record, type LimitSpec } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { normalizeEmail } from "./schemas";
import { likeLiteral } from "@/lib/core/like";
import { openChallenge } from "./two-factor/challenge";
import type { SecondFactorMethod } from "./two-factor/schemas";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; code: "invalid_credentials"; message: string }
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number }
  /** The password was right and the account has 2FA: no session yet, a challenge for the code (lib/auth/two-factor/sign-in.ts). */
  | { ok: false; code: "two_factor_required"; message: string; challenge: string };

export const GENERIC_SIGN_IN_ERROR = "That email and password do not match an account.";

// Three counters of failed password checks (docs/decisions/009-sign-in-limits.md):
// per email from one IP (refused at the limit), per email from anywhere (only slowed:
// refusing it would let a stranger lock the owner out), per IP across emails (slowed,
// then refused).
const emailIpKey = (email: string, ip: string) => `signin-fail:email-ip:${rateLimitAddress(ip)}:${email}`;
const emailKey = (email: string) => `signin-fail:email:${email}`;
const ipKey = (ip: string) => `signin-fail:ip:${rateLimitAddress(ip)}`;

type SlowedLimit = LimitSpec & { slowAfter: number };
/** Tests pass small limits; `twoFactorFailures` (wrong second-factor codes per account) defaults to LIMITS'. */
export type SignInLimits = { signInFailures: SlowedLimit; signInFailuresPerIp: SlowedLimit; twoFactorFailures?: LimitSpec };

/** Tests pass small limits and a sleep that only records, to check the delays without waiting for them. */
export type SignInOptions = {
  limits?: SignInLimits;
  sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Doubles from 250 ms with each failure past the threshold, never above 4 seconds. */
export const MAX_DELAY_MS = 4000;
const delayFor = (excess: number) => (excess > 0 ? Math.min(250 * 2 ** (excess - 1), MAX_DELAY_MS) : 0);

export type Reservation = { ok: true; delayMs: number; hitIds: bigint[] } | { ok: false; retryAfterSeconds: number };

/**
 * Counts this attempt as a failure before the password is checked: the count and the
 * insert happen under the keys' advisory locks, so of 40 concurrent attempts only those
 * within the limit get a password check. A success takes the reservation back.
 */
export async function reserveAttempt(email: string, ip: string | null, limits: SignInLimits, hard?: { key: string; spec: LimitSpec }): Promise<Reservation> {
  return prisma.$transaction(async (tx) => {
    // With no known address (a server started without server.mjs) every attempt would
    // share one (email, IP) counter, which a stranger could fill: only slow down then.
    const keys = [...(ip ? [emailIpKey(email, ip), ipKey(ip)] : []), emailKey(email), ...(hard ? [hard.key] : [])];
    await lockKeys(tx, keys);
    const byEmailIp = ip ? await peek(tx, emailIpKey(email, ip), limits.signInFailures) : null;
    const byEmail = await peek(tx, emailKey(email), limits.signInFailures);
    const byIp = ip ? await peek(tx, ipKey(ip), limits.signInFailuresPerIp) : null;
    const byHard = hard ? await peek(tx, hard.key, hard.spec) : null;
    if (byEmailIp && byEmailIp.count >= limits.signInFailures.limit) return { ok: false, retryAfterSeconds: byEmailIp.retryAfterSeconds };
    if (byIp && byIp.count >= limits.signInFailuresPerIp.limit) return { ok: false, retryAfterSeconds: byIp.retryAfterSeconds };
    if (byHard && hard && byHard.count >= hard.spec.limit) return { ok: false, retryAfterSeconds: byHard.retryAfterSeconds };
    const excess = Math.max(byEmail.count - limits.signInFailures.slowAfter, (byIp?.count ?? 0) - limits.signInFailuresPerIp.slowAfter, 0);
    const hitIds: bigint[] = [];
    for (const key of keys) hitIds.push(await record(tx, key));
    return { ok: true, delayMs: delayFor(excess), hitIds };
    // Attempts for one key queue on its lock: wait like the guard's writes do, not Prisma's default 2 s.
  }, { timeout: 15_000, maxWait: 15_000 });
}

export type PasswordCheck =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findUser>>> }
  | { ok: false; code: "rate_limited"; retryAfterSeconds: number; message: string }
  | { ok: false; code: "invalid_credentials"; user: Awaited<ReturnType<typeof findUser>> };

const findUser = (email: string) => prisma.user.findUnique({ where: { email } });

/**
 * The one throttled password check, shared by sign-in and ownership transfer: refused
 * per (email, IP) and per IP at their limits, slowed per email across IPs, the attempt
 * counted before the (slow) hash comparison. Runs outside any transaction.
 */
export async function checkPassword(
  input: { email: string; password: string; ip: string | null },
  { limits = LIMITS, sleep = sleepFor }: SignInOptions = {},
): Promise<PasswordCheck> {
  const email = normalizeEmail(input.email);
  const reservation = await reserveAttempt(email, input.ip, limits);
  if (!reservation.ok) {
    const wait = Math.max(1, reservation.retryAfterSeconds);
    return { ok: false, code: "rate_limited", retryAfterSeconds: wait, message: `Too many failed sign-in attempts. Try again in ${formatWait(wait)}, or use Forgot password? to choose a new password now.` };
  }
  if (reservation.delayMs > 0) await sleep(reservation.delayMs);

  const user = await findUser(email);
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);
  if (!user || !valid) {
    // Deterministic, bounded pruning: each failure adds a few rows and may remove many.
    await pruneExpired(prisma);
    return { ok: false, code: "invalid_credentials", user };
  }
  // Not a failure after all. The right password ends the email's slowdown, unless a
  // second factor is still to come: then only an accepted code does, or knowing the
  // password would wipe the wrong codes counted on the same keys.
  await forget(prisma, reservation.hitIds);
  if (!user.totpEnabledAt) await clearFailures(email, input.ip);
  return { ok: true, user };
}

/** Ends the slowdown of an email that has just proved itself (a right password, or a right second factor). */
export async function clearFailures(email: string, ip: string | null) {
  if (ip) await clear(prisma, emailIpKey(email, ip));
  await clear(prisma, emailKey(email));
}

/**
 * Checks an email and password and, if they match, opens a session. Failures are
 * audited; limits as in `checkPassword`, with a message that says how long to wait.
 */
export async function verifyCredentials(
  input: {
    email: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
  },
  options: SignInOptions = {},
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const check = await checkPassword({ email, password: input.password, ip: input.ip }, options);
  if (!check.ok && check.code === "rate_limited") return { ok: false, code: "rate_limited", retryAfterSeconds: check.retryAfterSeconds, message: check.message };
  if (!check.ok) {
    await recordAudit(prisma, {
      workspaceId: null,
      action: "auth.sign_in_failed",
      actor: check.user ? userActor(check.user) : { type: "anonymous", email },
      ip: input.ip,
      userAgent: input.userAgent,
    });
    return { ok: false, code: "invalid_credentials", message: GENERIC_SIGN_IN_ERROR };
  }

  const user = check.user;
  if (user.totpEnabledAt) {
    return { ok: false, code: "two_factor_required", message: "Enter the code from your authenticator app.", challenge: await openChallenge(prisma, user) };
  }
  const sessionId = await prisma.$transaction((tx) => openSignedInSession(tx, user, user.passwordHash, input));
  if (!sessionId) return { ok: false, code: "invalid_credentials", message: GENERIC_SIGN_IN_ERROR };
  return { ok: true, userId: user.id, sessionId };
}

type SignedInUser = { id: string; email: string; firstName: string; lastName: string };

/**
 * The end of every sign-in: stamps it, records `auth.signed_in` and opens the Session
 * row; null (nothing written) when the account's password is no longer `passwordHash`,
 * or, without `after.secondFactor`, when the account now has 2FA.
 * A reset, a reclaim or a change may have replaced it (and ended every session) while the
 * slow hash ran, or while a second factor was awaited. The update waits on such a
 * change's row lock, then finds no row to update.
 */
export async function openSignedInSession(
  tx: Tx,
  user: SignedInUser,
  passwordHash: string,
  input: { ip: string | null; userAgent: string | null },
  after?: { secondFactor: SecondFactorMethod },
): Promise<string | null> {
  // With the password alone, only while the account has no 2FA: turned on while the slow
  // hash ran, it now asks for a code, and this sign-in opens nothing.
  const where = { id: user.id, passwordHash, ...(after ? {} : { totpEnabledAt: null }) };
  const { count } = await tx.user.updateMany({ where, data: { lastSignInAt: new Date(), lastSignInIp: input.ip } });
  if (count === 0) return null;
  await recordAudit(tx, { workspaceId: null, action: "auth.signed_in", actor: userActor(user), after, ip: input.ip, userAgent: input.userAgent });
  return createSession(tx, user.id, input);
}

/**
 * A password reset lets the owner in at once: the failures counted against the email
 * (perhaps by a stranger sharing their network) are forgotten, from every address.
 */
export async function clearSignInFailures(db: Db | Tx, email: string) {
  const normalized = normalizeEmail(email);
  await clear(db, emailKey(normalized));
  await db.rateLimitHit.deleteMany({ where: { key: { startsWith: "signin-fail:email-ip:", endsWith: `:${likeLiteral(normalized)}` } } });
}
