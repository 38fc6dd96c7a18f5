import "server-only";
import { randomBytes } from "node:crypto";
import { prisma, type Db, type Tx } from "@/lib/db";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const TOUCH_EVERY_MS = 5 * 60_000;

const publicUserFields = {
  id: true,
  email: true,
  firstName: true,
  lastName: true,
  emailVerifiedAt: true,
  lastSignInAt: true,
  createdAt: true,
} as const;

export type SessionUser = {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  emailVerifiedAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function createSession(db: Db | Tx, userId: string, meta: { ip: string | null; userAgent: string | null }) {
  const id = randomBytes(32).toString("base64url");
  await db.session.create({
    data: {
      id,
      userId,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512),
      expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    },
  });
  return id;
}

/**
 * The token only names a session; the row decides. A deleted or expired row means
 * signed out on this very request (sign-out, "sign out everywhere", password change).
 */
export async function resolveSession(sessionId: string | null): Promise<{ sessionId: string; user: SessionUser } | null> {
  if (!sessionId) return null;
  const row = await prisma.session.findUnique({
    where: { id: sessionId },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: publicUserFields } },
  });
  if (!row || row.expiresAt.getTime() <= Date.now()) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: new Date() } });
  }
  return { sessionId: row.id, user: row.user };
}

export async function deleteSession(db: Db | Tx, sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user, in every browser (a password reset, an account taken over by its address's owner); returns how many. */
export async function endAllSessions(db: Db | Tx, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
