import "server-only";
import type { Db, Tx } from "@/lib/db";
import { plural } from "@/lib/format";

// Limits are counted in the database (one row per attempt) so that they hold across
// every server instance. A transaction-scoped advisory lock on the key makes
// "count, then record" atomic under concurrency.

export const LIMITS = {
  /** Sign-in failures per email, and per IP, before sign-in is refused for a while. */
  signInFailures: { limit: 10, windowMs: 15 * 60_000, slowAfter: 3 },
  signInFailuresPerIp: { limit: 50, windowMs: 15 * 60_000, slowAfter: 20 },
  signUpsPerIp: { limit: 20, windowMs: 60 * 60_000 },
  /** Role changes per workspace per minute, against accidental mass changes (docs/product.md#safety-rules). */
  roleChanges: { limit: 10, windowMs: 60_000 },
  /** Invitation emails (sent or resent) per hour: a bulk invite of 500 counts 500. */
  invitationsPerWorkspace: { limit: 1000, windowMs: 60 * 60_000 },
  invitationsPerActor: { limit: 500, windowMs: 60 * 60_000 },
  /** "Email me the links" from /w: new links per invitation, asked for by the invitee. */
  invitationLinksPerInvitee: { limit: 3, windowMs: 60 * 60_000 },
  /** Lookups of join links that do not exist, per IP: guessing tokens stops here. */
  joinFailuresPerIp: { limit: 20, windowMs: 15 * 60_000 },
  /** "Resend" on the unverified-address banner: verification emails per user. */
  verificationMailsPerUser: { limit: 3, windowMs: 60 * 60_000 },
  /** "Forgot password" requests, per email typed (account or not) and per IP. */
  passwordResetsPerEmail: { limit: 3, windowMs: 60 * 60_000 },
  passwordResetsPerIp: { limit: 20, windowMs: 60 * 60_000 },
} as const;

export type LimitSpec = { limit: number; windowMs: number };
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

async function lockKey(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

async function windowState(db: Db | Tx, key: string, spec: LimitSpec) {
  const since = new Date(Date.now() - spec.windowMs);
  const [count, oldest] = await Promise.all([
    db.rateLimitHit.count({ where: { key, createdAt: { gt: since } } }),
    db.rateLimitHit.findFirst({ where: { key, createdAt: { gt: since } }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  const retryAfterSeconds = oldest ? Math.max(1, Math.ceil((oldest.createdAt.getTime() + spec.windowMs - Date.now()) / 1000)) : 0;
  return { count, retryAfterSeconds };
}

/**
 * Counts `weight` attempts against `key` if the limit allows all of them. Call inside
 * the transaction of the action it guards.
 */
export async function consume(tx: Tx, key: string, spec: LimitSpec, weight = 1): Promise<LimitResult> {
  await lockKey(tx, key);
  const { count, retryAfterSeconds } = await windowState(tx, key, spec);
  if (count + weight > spec.limit) return { ok: false, retryAfterSeconds: Math.max(1, retryAfterSeconds) };
  await tx.rateLimitHit.createMany({ data: Array.from({ length: weight }, () => ({ key })) });
  return { ok: true };
}

/** How many attempts are in the window, without counting a new one. */
export async function peek(db: Db | Tx, key: string, spec: LimitSpec) {
  return windowState(db, key, spec);
}

export async function record(db: Db | Tx, key: string) {
  await db.rateLimitHit.create({ data: { key } });
}

export async function clear(db: Db | Tx, key: string) {
  await db.rateLimitHit.deleteMany({ where: { key } });
}

/** Old rows are useless; drop them now and then so the table stays small. */
export async function prune(db: Db | Tx, olderThanMs = 24 * 60 * 60_000) {
  await db.rateLimitHit.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - olderThanMs) } } });
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return plural(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  return plural(minutes, "minute");
}
