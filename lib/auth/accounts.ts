import "server-only";
import { rateLimitAddress } from "./client-ip";
import { prisma, type Tx } from "@/lib/db";
import { Refusal } from "@/lib/core/result";
import { userActor, type Audit } from "@/lib/audit/record";
import { LIMITS, consumeAlone, formatWait, pruneExpired } from "@/lib/rate-limit";
import type { RequestContext } from "./request-context";
import { hashPassword } from "./passwords";

type NewAccount = { email: string; firstName: string; lastName: string; password: string };

/**
 * The per-IP sign-up limit, for the `before` step of every action that creates an
 * account: it runs outside the action's transaction, so an attempt is counted even
 * when the action is refused and rolled back (30 sign-ups with a taken address once
 * left nothing counted).
 */
export async function screenSignUp(_input: unknown, request: RequestContext) {
  if (!request.ip) return;
  const ip = request.ip;
  const limit = await consumeAlone(prisma, `signup:ip:${rateLimitAddress(ip)}`, LIMITS.signUpsPerIp);
  await pruneExpired(prisma);
  if (!limit.ok) throw new Refusal("rate_limited", `Too many sign-ups from your network. Try again in ${formatWait(limit.retryAfterSeconds)}.`, {
    retryAfterSeconds: limit.retryAfterSeconds,
  });
}

/**
 * The one way an account comes to exist: sign-up and "create an account" on the join
 * page (both screened per IP by `screenSignUp` first); an existing email (stored
 * lower-cased) is refused. `verified` is set when the person proved the address, as by
 * opening an invitation sent to it.
 */
export async function createAccount(tx: Tx, _request: RequestContext, input: NewAccount, audit: Audit, { verified = false } = {}) {
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
