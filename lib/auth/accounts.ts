import "server-only";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/core/result";
import { userActor, type Audit } from "@/lib/audit/record";
import { LIMITS, consume, formatWait } from "@/lib/rate-limit";
import type { RequestContext } from "./request-context";
import { hashPassword } from "./passwords";

type NewAccount = { email: string; firstName: string; lastName: string; password: string };

/**
 * The one way an account comes to exist: sign-up and "create an account" on the join
 * page. Limited per IP; an existing email (stored lower-cased) is refused. `verified`
 * is set when the person proved the address, as by opening an invitation sent to it.
 */
export async function createAccount(tx: Tx, request: RequestContext, input: NewAccount, audit: Audit, { verified = false } = {}) {
  if (request.ip) {
    const limit = await consume(tx, `signup:ip:${request.ip}`, LIMITS.signUpsPerIp);
    if (!limit.ok) throw new Refusal("rate_limited", `Too many sign-ups from your network. Try again in ${formatWait(limit.retryAfterSeconds)}.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
    throw new Refusal("conflict", "An account with this email already exists. Sign in instead.", {
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
    });
  }
  const user = await tx.user.create({
    data: {
      email: input.email,
      firstName: input.firstName,
      lastName: input.lastName,
      passwordHash: await hashPassword(input.password),
      emailVerifiedAt: verified ? new Date() : null,
    },
  });
  await audit({ action: "auth.signed_up", actor: userActor(user), target: { type: "user", id: user.id, label: user.email } });
  return user;
}
