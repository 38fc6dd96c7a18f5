import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// `Idempotency-Key` on a POST: the first request with a key reserves it, runs, and keeps its
// response if it succeeded; a retry with the same key and the same request gets that
// response again instead of a second change. The same key with another request is refused,
// and so is one that arrives while the first is still running. A refusal is not kept: the
// change did not happen, and retrying it may succeed. Keys are per API key and kept a day.
//
// A reservation still running after ABANDONED_MS was left by a process that stopped in the
// middle of the request (killed, or its machine lost): no request runs that long, since the
// server's graceful stop and the database's timeouts end it well before. Its retry takes the
// key over instead of being told "still running" for the rest of the day. If the stopped
// request had committed its change, the retry meets the change itself: a second invitation
// to the same address or a second group of the same name is refused as a duplicate. A
// request that was only slow (a bulk invitation's mail to a provider that hangs) and ends
// after the takeover settles nothing: each hold is named by its start (`since`), and only
// the current holder's answer is kept or its key freed.

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEEP_MS = 24 * 60 * 60_000;
const RUNNING = 0;
const ABANDONED_MS = 5 * 60_000;

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

/**
 * `new`: the caller holds the key; `since` marks its hold (the row's createdAt), and only
 * a settle that names it changes the row, so a request that outlived its takeover cannot
 * overwrite or free the reservation of the retry that took it over.
 */
export type Reservation =
  | { kind: "new"; since: Date }
  | { kind: "replay"; status: number; body: Prisma.JsonValue }
  | { kind: "mismatch" }
  | { kind: "running" };

export async function reserve(apiKeyId: string, idempotencyKey: string, hash: string): Promise<Reservation> {
  await prisma.apiIdempotentRequest.deleteMany({ where: { apiKeyId, createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  try {
    const since = new Date();
    await prisma.apiIdempotentRequest.create({ data: { apiKeyId, idempotencyKey, requestHash: hash, status: RUNNING, body: {}, createdAt: since } });
    return { kind: "new", since };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  const stored = await prisma.apiIdempotentRequest.findUnique({ where: { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey } } });
  if (!stored) return reserve(apiKeyId, idempotencyKey, hash);
  if (stored.requestHash !== hash) return { kind: "mismatch" };
  if (stored.status === RUNNING) {
    if (stored.createdAt.getTime() > Date.now() - ABANDONED_MS) return { kind: "running" };
    // Of two retries taking over at once, the one whose update finds the old row wins; the
    // other then finds a fresh reservation, running.
    const since = new Date();
    const taken = await prisma.apiIdempotentRequest.updateMany({
      where: { apiKeyId, idempotencyKey, status: RUNNING, createdAt: stored.createdAt },
      data: { createdAt: since },
    });
    return taken.count === 1 ? { kind: "new", since } : reserve(apiKeyId, idempotencyKey, hash);
  }
  return { kind: "replay", status: stored.status, body: stored.body };
}

/**
 * Keeps a success for replay; anything else frees the key for a retry. Only while the
 * reservation is still the caller's (`since`): if a retry took it over meanwhile, the
 * retry's own answer is the one kept.
 */
export async function settleReservation(apiKeyId: string, idempotencyKey: string, since: Date, status: number, body: unknown) {
  const where = { apiKeyId, idempotencyKey, status: RUNNING, createdAt: since };
  if (status >= 200 && status < 300) await prisma.apiIdempotentRequest.updateMany({ where, data: { status, body: body as Prisma.InputJsonValue } });
  else await prisma.apiIdempotentRequest.deleteMany({ where });
}
