import { prisma } from "@/lib/db";
import { generateApiKeySecret } from "@/lib/auth/api-keys";

/** A live key for the user in the workspace, stored as createApiKey stores one; returns its id and secret. */
export async function makeApiKey(workspaceId: string, userId: string, data: { name?: string; expiresAt?: Date | null; revokedAt?: Date | null } = {}) {
  const { secret, secretHash, prefix } = generateApiKeySecret();
  const key = await prisma.apiKey.create({ data: { workspaceId, userId, name: data.name ?? "test key", prefix, secretHash, expiresAt: data.expiresAt ?? null, revokedAt: data.revokedAt ?? null } });
  return { id: key.id, secret };
}
