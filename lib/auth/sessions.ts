import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma, type Db, type Tx } from "@/lib/db";
import { lifetimeMs, sessionEnded, sessionLifetime } from "./session-lifetime";
import { lookupWho, type Who, type WhoUser } from "./who";
import { noteRequestUser } from "@/lib/ops/hooks";

/**
 * The Auth.js token's lifetime: the row's longest possible life (SESSION_MAX_DAYS), so the
 * row, not the cookie, decides when a session ends. Read at startup, which also
 * validates SESSION_IDLE_DAYS and SESSION_MAX_DAYS.
 */
export const SESSION_MAX_AGE_SECONDS = sessionLifetime().maxDays * 24 * 60 * 60;
const TOUCH_EVERY_MS = 5 * 60_000;

/** The signed-in user as every request sees them (lib/auth/who.ts). */
export type SessionUser = WhoUser;

export async function createSession(db: Db | Tx, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const id = randomBytes(32).toString("base64url");
  await pruneEndedSessions(db, userId);
  await db.session.create({
    data: {
      id,
      userId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512),
      expiresAt: new Date(Date.now() + lifetimeMs().maxMs),
    },
  });
  return id;
}

/**
 * Browsers that never come back leave rows that `resolveSession` never sees again: each
 * sign-in drops the user's ended ones (by the userId index), so a user's rows stay about
 * as many as their live browsers.
 */
async function pruneEndedSessions(db: Db | Tx, userId: string, now = Date.now()) {
  const { idleMs, maxMs } = lifetimeMs();
  await db.session.deleteMany({
    where: {
      userId,
      OR: [{ expiresAt: { lte: new Date(now) } }, { lastSeenAt: { lte: new Date(now - idleMs) } }, { createdAt: { lte: new Date(now - maxMs) } }],
    },
  });
}

/**
 * The token only names a session; the row decides. A deleted or ended row means signed
 * out on this very request (sign-out, a revoked browser, password change), and so does a
 * row idle longer than SESSION_IDLE_DAYS or older than SESSION_MAX_DAYS. Idle time is
 * measured from lastSeenAt, which is only written every 5 minutes: a few minutes of
 * slack on a limit counted in days.
 */
async function liveWho(sessionId: string | null, slug: string | null): Promise<Who | null> {
  if (!sessionId) return null;
  const who = await lookupWho(sessionId, slug);
  if (!who) return null;
  if (sessionEnded(who.session, Date.now())) {
    // An ended row can never come back; drop it so the sessions list stays true.
    await prisma.session.deleteMany({ where: { id: who.session.id } });
    return null;
  }
  if (Date.now() - who.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.updateMany({ where: { id: who.session.id }, data: { lastSeenAt: new Date() } });
  }
  // The user's id, and nothing else of theirs, goes into this request's log line.
  noteRequestUser(who.user.id);
  return who;
}

/** The signed-in user of a live session, or null. One statement (lib/auth/who.ts). */
export async function resolveSession(sessionId: string | null): Promise<{ sessionId: string; user: SessionUser } | null> {
  const who = await liveWho(sessionId, null);
  return who ? { sessionId: who.session.id, user: who.user } : null;
}

/**
 * The same, together with the workspace `slug` names and the user's membership in it
 * (each null when there is none), in the same one statement: what every workspace page
 * and action needs before anything else.
 */
export async function resolveSessionIn(sessionId: string | null, slug: string | null) {
  const who = await liveWho(sessionId, slug);
  return who ? { sessionId: who.session.id, user: who.user, workspace: who.workspace, membership: who.membership } : null;
}

export async function deleteSession(db: Db | Tx, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends one session of this user; an id that is not theirs (or no longer exists) ends nothing. */
export async function deleteUserSession(db: Db | Tx, userId: string, sessionId: string): Promise<boolean> {
  const { count } = await db.session.deleteMany({ where: { id: sessionId, userId } });
  return count > 0;
}

/** Ends every session of the user except `keepSessionId` (the browser asking); returns how many ended. */
export async function endOtherSessions(db: Db | Tx, userId: string, keepSessionId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

/** The user's sessions that are still live at `now`, newest activity first. */
export async function listLiveSessions(db: Db | Tx, userId: string, now = Date.now()) {
  const rows = await db.session.findMany({
    where: { userId },
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
  });
  return rows.filter((row) => !sessionEnded(row, now));
}
/** Ends every session of the user, in every browser (a password reset, an account taken over by its address's owner); returns how many. */
export async function endAllSessions(db: Db | Tx, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/**
 * What a page may show of a session: a digest of its id. The id itself is the secret
 * inside the session cookie, so it never leaves the server; the handle names the row for
 * "sign out that browser" and in the audit log, and cannot be turned back into the id.
 */
export function sessionHandle(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("base64url").slice(0, 22);
}

/** The user's session with this handle, if they have one. */
export async function findUserSessionByHandle(db: Db | Tx, userId: string, handle: string) {
  const rows = await db.session.findMany({ where: { userId }, select: { id: true, userAgent: true, ip: true } });
  return rows.find((row) => sessionHandle(row.id) === handle) ?? null;
}
