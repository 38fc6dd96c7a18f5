import "server-only";
import { prisma } from "@/lib/db";
import { authenticateApiKey, resolveApiKeyIn } from "@/lib/auth/api-keys";
import { can, type Permission } from "@/lib/authz/permissions";
import { meetsTwoFactorRequirement } from "@/lib/authz/two-factor-requirement";
import { LIMITS, consumeAlone, pruneExpired } from "@/lib/rate-limit";
import { noteRequestUser } from "@/lib/ops/hooks";

/** The secret in `Authorization: Bearer …`, or "" (looked up all the same: see authenticateApiKey). */
export function bearerSecret(request: Request): string {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer[ ]+(\S{1,200})$/i.exec(header.trim());
  return match?.[1] ?? "";
}

export type AuthenticatedKey = NonNullable<Awaited<ReturnType<typeof authenticateApiKey>>>;

/**
 * A request's key, counted against its rate limit and stamped as used (time and address),
 * or why not: `null` for an unusable key (every reason answers the same 401), or how long
 * to wait when the key is over its limit.
 */
export async function admitRequest(request: Request, ip: string | null): Promise<{ key: AuthenticatedKey } | { key: null } | { retryAfterSeconds: number }> {
  const key = await authenticateApiKey(bearerSecret(request));
  if (!key) return { key: null };
  // The request's log line names the key's member, as it names a signed-in user.
  noteRequestUser(key.userId);
  const limit = await consumeAlone(prisma, `api:${key.id}`, LIMITS.apiRequestsPerKey);
  if (!limit.ok) return { retryAfterSeconds: limit.retryAfterSeconds };
  // "Last used" in the keys list; the counted hits are pruned as every other limit's are.
  await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(), lastUsedIp: ip } });
  await pruneExpired(prisma);
  return { key };
}

/**
 * Whether the key's member may make a request of `permission` now: what an idempotent
 * replay asks before it returns a stored answer, since a replay skips the guarded call.
 */
export async function apiKeyMayNow(keyId: string, slug: string, permission: Permission) {
  const now = await resolveApiKeyIn(keyId, slug);
  if (!now?.membership) return false;
  const { role, workspace } = now.membership;
  return can(role, "api_keys:use") && can(role, permission) && meetsTwoFactorRequirement(now.user, workspace);
}
