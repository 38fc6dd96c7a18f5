import "server-only";
import type { Db, Tx } from "@/lib/db";
import { plural } from "@/lib/format";

// Limits are counted in the database (one row per attempt) so that they hold across
// every server instance. A transaction-scoped advisory lock on the key makes
// "count, then record" atomic under concurrency.

export const LIMITS = {
  /**
   * Failed password checks (sign-in, ownership transfer) per email from one IP: refused
   * at the limit. Across IPs an email is only slowed down past `slowAfter`, never
   * refused, so a stranger cannot lock the owner out (docs/decisions/009-sign-in-limits.md).
   */
  signInFailures: { limit: 10, windowMs: 15 * 60_000, slowAfter: 3 },
  /** Failed password checks per IP across every email: slowed, then refused. */
  signInFailuresPerIp: { limit: 50, windowMs: 15 * 60_000, slowAfter: 20 },
  /**
   * Wrong second-factor codes per account, refused at the limit (on top of the sign-in
   * counters they also count on): only someone who has the password gets this far, and a
   * 6-digit code must not be guessable by many slow tries from many addresses.
   */
  twoFactorFailures: { limit: 10, windowMs: 15 * 60_000 },
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
  /**
   * "Verify integrity" per viewer per workspace: each walks the whole chain (a million
   * events is seconds of database work), so repeated clicks or a script cannot keep the
   * database busy; per viewer, so one admin cannot use up everyone's checks.
   * `npm run audit:verify` on the server is not limited.
   */
  auditVerifiesPerViewer: { limit: 10, windowMs: 60 * 60_000 },
  /**
   * Audit exports per viewer per workspace: each reads the whole filtered log (a million
   * events is seconds of database work), so a loop cannot keep the database busy.
   */
  auditExportsPerViewer: { limit: 30, windowMs: 60 * 60_000 },
  /** New API keys per member per workspace: a leaked session cannot mint keys in bulk. */
  apiKeyCreations: { limit: 20, windowMs: 60 * 60_000 },
  /** Team API requests per key (docs/decisions/017-team-api.md); past it, 429 with Retry-After. */
  apiRequestsPerKey: { limit: 600, windowMs: 60_000 },
} as const;

export type LimitSpec = { limit: number; windowMs: number };
export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

async function lockKey(tx: Tx, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** Locks several keys in one fixed order, so two requests locking the same keys cannot deadlock. */
export async function lockKeys(tx: Tx, keys: string[]) {
  for (const key of [...new Set(keys)].sort()) await lockKey(tx, key);
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

/**
 * `consume` in a transaction of its own, for what has no action transaction to count in
 * (a sign-up screened before its action, a read such as an export or a verify). Requests on
 * one key queue on its lock, so the wait is generous rather than Prisma's 2 seconds.
 */
export function consumeAlone(db: Db, key: string, spec: LimitSpec, weight = 1): Promise<LimitResult> {
  return db.$transaction((tx) => consume(tx, key, spec, weight), { timeout: 15_000, maxWait: 15_000 });
}

/** How many attempts are in the window, without counting a new one. */
export async function peek(db: Db | Tx, key: string, spec: LimitSpec) {
  return windowState(db, key, spec);
}

/** Counts one attempt; returns the row's id, so an attempt reserved in advance can be taken back. */
export async function record(db: Db | Tx, key: string): Promise<bigint> {
  return (await db.rateLimitHit.create({ data: { key }, select: { id: true } })).id;
}

export async function clear(db: Db | Tx, key: string) {
  await db.rateLimitHit.deleteMany({ where: { key } });
}

export async function forget(db: Db | Tx, ids: bigint[]) {
  if (ids.length) await db.rateLimitHit.deleteMany({ where: { id: { in: ids } } });
}

/**
 * How long counted attempts and anonymous failed sign-ins are kept (README "Sign-in
 * limits"). Hits outlive the longest window (1 hour) with a margin; anonymous failures
 * name no account, so after a month they only take space.
 */
export const RETENTION = {
  rateLimitHitsMs: 24 * 60 * 60_000,
  anonymousSignInFailuresMs: 30 * 24 * 60 * 60_000,
  /** Rows of each kind deleted by one call: bounded work on the request that runs it. */
  batch: 200,
} as const;

/**
 * Deletes at most `batch` expired rate-limit rows and `batch` expired anonymous failed
 * sign-ins. Called by every request that writes hits outside an action's transaction
 * (failed sign-ins, sign-ups, unknown join links), so the tables stay bounded by what
 * arrives within the retention: each call adds a few rows and can remove up to `batch`.
 * Rate-limit ids grow with time (rows are inserted with `now()`), so the oldest rows are
 * the lowest ids: looking only at the first `batch` ids keeps the work bounded.
 */
export async function pruneExpired(db: Db, { now = Date.now(), batch = RETENTION.batch as number } = {}) {
  const hitsBefore = new Date(now - RETENTION.rateLimitHitsMs);
  const oldestHits = await db.rateLimitHit.findMany({ orderBy: { id: "asc" }, take: batch, select: { id: true, createdAt: true } });
  const expiredHits = oldestHits.filter((h) => h.createdAt < hitsBefore).map((h) => h.id);
  if (expiredHits.length) await db.rateLimitHit.deleteMany({ where: { id: { in: expiredHits } } });

  const failures = await db.auditEvent.findMany({
    where: { workspaceId: null, action: "auth.sign_in_failed", actorType: "anonymous", createdAt: { lt: new Date(now - RETENTION.anonymousSignInFailuresMs) } },
    orderBy: { createdAt: "asc" },
    take: batch,
    select: { id: true },
  });
  if (failures.length) await db.auditEvent.deleteMany({ where: { id: { in: failures.map((f) => f.id) } } });
}

export function formatWait(seconds: number): string {
  if (seconds < 90) return plural(seconds, "second");
  const minutes = Math.ceil(seconds / 60);
  return plural(minutes, "minute");
}
