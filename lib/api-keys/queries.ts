import "server-only";
import { prisma } from "@/lib/db";
import { can, type Role } from "@/lib/authz/permissions";
import { apiKeyLive } from "@/lib/auth/api-keys";

type Viewer = { workspaceId: string; userId: string; role: Role };

/** How many revoked or expired keys the page lists besides every live one (a member holds at most 25 live keys). */
const ENDED_LISTED = 200;

const SELECT = {
  id: true,
  name: true,
  prefix: true,
  userId: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedIp: true,
  revokedAt: true,
  user: { select: { firstName: true, lastName: true, email: true } },
} as const;

/**
 * The keys the viewer may see: every key of the workspace for owners and admins
 * (`api_keys:manage`), their own for anyone else. Newest first; never the hash.
 */
export async function listApiKeys(viewer: Viewer, now = Date.now()) {
  const everyone = can(viewer.role, "api_keys:manage");
  // Every live key is listed, however many ended since: a live key must never drop off
  // the list owners and admins review.
  const where = { workspaceId: viewer.workspaceId, ...(everyone ? {} : { userId: viewer.userId }) };
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const liveWhere = { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(now) } }] };
  const [live, ended] = await Promise.all([
    prisma.apiKey.findMany({ where: { ...where, ...liveWhere }, orderBy, select: SELECT }),
    prisma.apiKey.findMany({ where: { ...where, NOT: liveWhere }, orderBy, take: ENDED_LISTED, select: SELECT }),
  ]);
  const keys = [...live, ...ended].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  return keys.map(({ user, ...key }) => ({
    ...key,
    creator: user,
    status: key.revokedAt ? ("revoked" as const) : apiKeyLive(key, now) ? ("live" as const) : ("expired" as const),
    isYours: key.userId === viewer.userId,
  }));
}

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
