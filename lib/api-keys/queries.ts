import "server-only";
import { prisma } from "@/lib/db";
import { can, type Role } from "@/lib/authz/permissions";
import { apiKeyLive } from "@/lib/auth/api-keys";

type Viewer = { workspaceId: string; userId: string; role: Role };

/** How many keys the page lists: a member holds at most 25 live ones; revoked and expired ones follow. */
const LIST_LIMIT = 200;

/**
 * The keys the viewer may see: every key of the workspace for owners and admins
 * (`api_keys:manage`), their own for anyone else. Newest first; never the hash.
 */
export async function listApiKeys(viewer: Viewer, now = Date.now()) {
  const everyone = can(viewer.role, "api_keys:manage");
  const keys = await prisma.apiKey.findMany({
    where: { workspaceId: viewer.workspaceId, ...(everyone ? {} : { userId: viewer.userId }) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
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
    },
  });
  return keys.map(({ user, ...key }) => ({
    ...key,
    creator: user,
    status: key.revokedAt ? ("revoked" as const) : apiKeyLive(key, now) ? ("live" as const) : ("expired" as const),
    isYours: key.userId === viewer.userId,
  }));
}

export type ApiKeyRow = Awaited<ReturnType<typeof listApiKeys>>[number];
