import "server-only";
import { prisma, type Db, type Tx } from "@/lib/db";
import { recordAudit, userActor } from "@/lib/audit/record";
import { LIMITS, clear, formatWait, peek, prune, record, type LimitSpec } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { normalizeEmail } from "./schemas";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; code: "invalid_credentials"; message: string }
  | { ok: false; code: "rate_limited"; message: string; retryAfterSeconds: number };

export const GENERIC_SIGN_IN_ERROR = "That email and password do not match an account.";

const emailKey = (email: string) => `signin-fail:email:${email}`;
const ipKey = (ip: string) => `signin-fail:ip:${ip}`;

type SlowedLimit = LimitSpec & { slowAfter: number };

/** Tests pass small limits and a sleep that only records, to check the delays without waiting for them. */
export type SignInOptions = {
  limits?: { signInFailures: SlowedLimit; signInFailuresPerIp: SlowedLimit };
  sleep?: (ms: number) => Promise<void>;
};

const sleepFor = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Checks an email and password and, if they match, opens a session. Repeated failures
 * for an email or an IP are first slowed down (a growing delay) and then refused for
 * the rest of the window, with a message that says so.
 */
export async function verifyCredentials(
  input: {
    email: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
  },
  { limits = LIMITS, sleep = sleepFor }: SignInOptions = {},
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const [byEmail, byIp] = await Promise.all([
    peek(prisma, emailKey(email), limits.signInFailures),
    input.ip ? peek(prisma, ipKey(input.ip), limits.signInFailuresPerIp) : null,
  ]);
  const blocked =
    byEmail.count >= limits.signInFailures.limit
      ? byEmail.retryAfterSeconds
      : byIp && byIp.count >= limits.signInFailuresPerIp.limit
        ? byIp.retryAfterSeconds
        : 0;
  if (blocked) {
    return {
      ok: false,
      code: "rate_limited",
      retryAfterSeconds: blocked,
      message: `Too many failed sign-in attempts. Try again in ${formatWait(blocked)}.`,
    };
  }
  const excess = Math.max(byEmail.count - limits.signInFailures.slowAfter, (byIp?.count ?? 0) - limits.signInFailuresPerIp.slowAfter, 0);
  if (excess > 0) await sleep(Math.min(250 * 2 ** (excess - 1), 4000));

  const user = await prisma.user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnPasswordCheck(input.password), false);

  if (!user || !valid) {
    await prisma.$transaction(async (tx) => {
      await record(tx, emailKey(email));
      if (input.ip) await record(tx, ipKey(input.ip));
      await recordAudit(tx, {
        workspaceId: null,
        action: "auth.sign_in_failed",
        actor: user ? userActor(user) : { type: "anonymous", email },
        ip: input.ip,
        userAgent: input.userAgent,
      });
    });
    if (Math.random() < 0.01) await prune(prisma);
    return { ok: false, code: "invalid_credentials", message: GENERIC_SIGN_IN_ERROR };
  }

  const sessionId = await prisma.$transaction(async (tx) => {
    await clear(tx, emailKey(email));
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date(), lastSignInIp: input.ip } });
    await recordAudit(tx, { workspaceId: null, action: "auth.signed_in", actor: userActor(user), ip: input.ip, userAgent: input.userAgent });
    return createSession(tx, user.id, input);
  });
  return { ok: true, userId: user.id, sessionId };
}

/** A password reset lets the owner in at once: the failures counted against the email (perhaps by a stranger) are forgotten. */
export async function clearSignInFailures(db: Db | Tx, email: string) {
  await clear(db, emailKey(normalizeEmail(email)));
}
