import "server-only";
import { rateLimitAddress } from "./client-ip";
import { prisma } from "@/lib/db";
import { Refusal } from "@/lib/core/result";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import type { RequestContext } from "./request-context";

/**
 * "Forgot password" requests are limited per email typed (account or not, so the limit
 * reveals nothing) and per IP. Counted in a transaction of their own, before the action's,
 * so a refused request still counts.
 */
export async function screenPasswordResetRequest(input: { email: string }, request: RequestContext) {
  const results = await prisma.$transaction(async (tx) => [
    request.ip ? await consume(tx, `reset:ip:${rateLimitAddress(request.ip)}`, LIMITS.passwordResetsPerIp) : ({ ok: true } as const),
    await consume(tx, `reset:email:${input.email}`, LIMITS.passwordResetsPerEmail),
  ]);
  const wait = Math.max(0, ...results.map((r) => (r.ok ? 0 : r.retryAfterSeconds)));
  if (wait > 0) {
    throw new Refusal("rate_limited", `Too many password reset requests. Try again in ${formatWait(wait)}.`, { retryAfterSeconds: wait });
  }
}
