import "server-only";
import { prisma } from "@/lib/db";
import { listLiveSessions, sessionHandle } from "@/lib/auth/sessions";
import { describeDevice } from "./device";

export type AccountSession = {
  /** The session's handle: the page never sees a session id, the secret inside a cookie. */
  handle: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The signed-in browsers of this user (never anyone else's), this browser first. */
export async function listAccountSessions(userId: string, currentSessionId: string): Promise<AccountSession[]> {
  const rows = await listLiveSessions(prisma, userId);
  const sessions = rows.map((row) => ({
    handle: sessionHandle(row.id),
    device: describeDevice(row.userAgent),
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    current: row.id === currentSessionId,
  }));
  return sessions.sort((a, b) => Number(b.current) - Number(a.current));
}
