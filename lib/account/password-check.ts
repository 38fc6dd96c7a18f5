import "server-only";
import { prisma } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/passwords";
import { resolveSession } from "@/lib/auth/sessions";
import type { RequestContext } from "@/lib/auth/request-context";
import { Refusal } from "@/lib/core/result";
import { LIMITS, clear, consume, formatWait, type LimitSpec } from "@/lib/rate-limit";

const keyFor = (userId: string) => `password-check:user:${userId}`;
export const WRONG_CURRENT_PASSWORD = "That is not your current password.";

/**
 * Checks the signed-in user's current password before a change that needs it, throttled
 * like sign-in: each attempt is counted (under the key's lock, in its own committed
 * transaction) *before* the password is checked, so neither a refusal that rolls the
 * action back nor concurrent attempts get past the limit; the right password clears the
 * count. Runs in the guard's `before` hook, outside the action's transaction, for that reason.
 */
export async function checkCurrentPassword(request: RequestContext, password: string, spec: LimitSpec = LIMITS.passwordChecks) {
  const session = await resolveSession(request.sessionId);
  if (!session) throw new Refusal("unauthenticated", "Your session has ended. Sign in again.");
  const key = keyFor(session.user.id);
  const reserved = await prisma.$transaction((tx) => consume(tx, key, spec));
  if (!reserved.ok) {
    throw new Refusal("rate_limited", `Too many wrong passwords. Try again in ${formatWait(reserved.retryAfterSeconds)}.`, {
      retryAfterSeconds: reserved.retryAfterSeconds,
    });
  }
  const account = await prisma.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(account.passwordHash, password))) {
    throw new Refusal("invalid_input", WRONG_CURRENT_PASSWORD, { fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
  }
  await clear(prisma, key);
}
