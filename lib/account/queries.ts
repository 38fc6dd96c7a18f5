import "server-only";
import { prisma } from "@/lib/db";
import { listLiveSessions, sessionHandle } from "@/lib/auth/sessions";
import { countUnusedRecoveryCodes } from "@/lib/auth/two-factor/store";
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

/** What the account page shows of two-factor authentication: codes left, and the user's workspaces that require it. */
export async function accountTwoFactor(userId: string) {
  const [recoveryCodesLeft, requiring] = await Promise.all([
    countUnusedRecoveryCodes(prisma, userId),
    prisma.membership.findMany({
      where: { userId, workspace: { requireTwoFactor: true } },
      select: { workspace: { select: { slug: true, name: true } } },
      orderBy: { workspace: { name: "asc" } },
    }),
  ]);
  return { recoveryCodesLeft, requiredBy: requiring.map((m) => m.workspace) };
}
