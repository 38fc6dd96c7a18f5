import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// `Idempotency-Key` on a POST: the first request with a key reserves it, runs, and keeps its
// response if it succeeded; a retry with the same key and the same request gets that
// response again instead of a second change. The same key with another request is refused,
// and so is one that arrives while the first is still running. A refusal is not kept: the
// change did not happen, and retrying it may succeed. Keys are per API key and kept a day.

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const KEEP_MS = 24 * 60 * 60_000;
const RUNNING = 0;

export function requestHash(method: string, path: string, body: string): string {
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export type Reservation =
  | { kind: "new" }
  | { kind: "replay"; status: number; body: Prisma.JsonValue }
  | { kind: "mismatch" }
  | { kind: "running" };

export async function reserve(apiKeyId: string, idempotencyKey: string, hash: string): Promise<Reservation> {
  await prisma.apiIdempotentRequest.deleteMany({ where: { apiKeyId, createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  try {
    await prisma.apiIdempotentRequest.create({ data: { apiKeyId, idempotencyKey, requestHash: hash, status: RUNNING, body: {} } });
    return { kind: "new" };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
  }
  const stored = await prisma.apiIdempotentRequest.findUnique({ where: { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey } } });
  if (!stored) return reserve(apiKeyId, idempotencyKey, hash);
  if (stored.requestHash !== hash) return { kind: "mismatch" };
  if (stored.status === RUNNING) return { kind: "running" };
  return { kind: "replay", status: stored.status, body: stored.body };
}

/** Keeps a success for replay; anything else frees the key for a retry. */
export async function settleReservation(apiKeyId: string, idempotencyKey: string, status: number, body: unknown) {
  const where = { apiKeyId_idempotencyKey: { apiKeyId, idempotencyKey } };
  if (status >= 200 && status < 300) await prisma.apiIdempotentRequest.update({ where, data: { status, body: body as Prisma.InputJsonValue } });
  else await prisma.apiIdempotentRequest.deleteMany({ where: { apiKeyId, idempotencyKey } });
}
