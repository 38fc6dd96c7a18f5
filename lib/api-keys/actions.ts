"use server";

import { workspaceAction } from "@/lib/authz/guard";
import { can } from "@/lib/authz/permissions";
import { generateApiKeySecret } from "@/lib/auth/api-keys";
import { Refusal } from "@/lib/core/result";
import { LIMITS, consume } from "@/lib/rate-limit";
import { personLabel } from "@/lib/format";
import { auditKeyRevoked } from "@/lib/auth/api-key-revocation";
import { MAX_LIVE_KEYS_PER_MEMBER, createApiKeySchema, revokeApiKeySchema } from "./schemas";

const DAY_MS = 24 * 60 * 60_000;

// POST settings/api-keys — a key for the member asking, in this workspace. The secret is in
// the result, once: only its SHA-256 is stored, so it can never be shown again.
export const createApiKey = workspaceAction("api_keys:use", createApiKeySchema, async (input, { tx, membership, user, audit }) => {
  const now = new Date();
  const live = await tx.apiKey.count({
    where: { workspaceId: membership.workspaceId, userId: user.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (live >= MAX_LIVE_KEYS_PER_MEMBER) {
    throw new Refusal("conflict", `You have ${MAX_LIVE_KEYS_PER_MEMBER} live API keys in this workspace, the most one member may have. Revoke one you no longer use first.`);
  }
  const limit = await consume(tx, `api-key-create:${membership.workspaceId}:${user.id}`, LIMITS.apiKeyCreations);
  if (!limit.ok) {
    throw new Refusal("rate_limited", `Too many new API keys: at most ${LIMITS.apiKeyCreations.limit} an hour. Try again in ${limit.retryAfterSeconds} seconds.`, {
      retryAfterSeconds: limit.retryAfterSeconds,
    });
  }
  const { secret, secretHash, prefix } = generateApiKeySecret();
  const expiresAt = input.expiresIn === "never" ? null : new Date(now.getTime() + Number(input.expiresIn) * DAY_MS);
  const key = await tx.apiKey.create({ data: { workspaceId: membership.workspaceId, userId: user.id, name: input.name, prefix, secretHash, expiresAt } });
  await audit({
    action: "api_key.created",
    target: { type: "api_key", id: key.id, label: key.name },
    after: { name: key.name, prefix, member: personLabel(user), expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { id: key.id, name: key.name, prefix, secret, expiresAt: expiresAt?.toISOString() ?? null };
});

// POST settings/api-keys — revoke a key: your own, or (owners and admins) anyone's in the workspace.
export const revokeApiKey = workspaceAction("api_keys:use", revokeApiKeySchema, async (input, { tx, membership, user, audit, unchanged }) => {
  const key = await tx.apiKey.findFirst({ where: { id: input.keyId, workspaceId: membership.workspaceId }, include: { user: { select: { firstName: true, lastName: true, email: true } } } });
  // Someone else's key is "not found" to a member who may not see it, as it is in their list.
  if (!key || (key.userId !== user.id && !can(membership.role, "api_keys:manage"))) throw new Refusal("not_found", "That API key is not in this workspace (any more).");
  if (key.revokedAt) {
    unchanged();
    return { revoked: key.id };
  }
  await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
  await auditKeyRevoked(audit, key, personLabel(key.user), "revoked");
  return { revoked: key.id };
});
