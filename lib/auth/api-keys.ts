import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { WhoUser } from "./who";

// Secrets of the Team API's keys: "rst_" and 32 random bytes in base64url (43 characters).
// Only the SHA-256 is stored (a fast hash suits a random secret, as for invitation links),
// and a prefix to recognise the key by in lists. This module turns a secret into the key
// and member it stands for; creating, listing and revoking keys is lib/api-keys/.

export const API_KEY_PREFIX = "rst_";
const SECRET_PATTERN = /^rst_[A-Za-z0-9_-]{43}$/;
/** How much of the secret lists show: "rst_" and 8 characters (48 bits, not enough to guess the rest). */
const SHOWN = API_KEY_PREFIX.length + 8;

export function generateApiKeySecret() {
  const secret = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { secret, secretHash: hashApiKeySecret(secret), prefix: secret.slice(0, SHOWN) };
}

export function hashApiKeySecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function isWellFormedApiKeySecret(secret: string): boolean {
  return SECRET_PATTERN.test(secret);
}

/** Live: not revoked, and not past its expiry. */
export function apiKeyLive(key: { revokedAt: Date | null; expiresAt: Date | null }, now = Date.now()): boolean {
  return key.revokedAt === null && (key.expiresAt === null || key.expiresAt.getTime() > now);
}

const USER_FIELDS = { id: true, email: true, firstName: true, lastName: true, emailVerifiedAt: true, lastSignInAt: true, createdAt: true, totpEnabledAt: true } as const;

/**
 * The key a bearer secret names, if it is live and its member still belongs to its
 * workspace; otherwise null, whatever the reason, so that an unknown, revoked or expired
 * key cannot be told apart. A malformed secret is hashed and looked up like any other:
 * the same work, so the answer's timing tells nothing either.
 */
export async function authenticateApiKey(secret: string) {
  const secretHash = hashApiKeySecret(secret);
  const key = await prisma.apiKey.findUnique({ where: { secretHash }, include: { workspace: { select: { slug: true } } } });
  if (!key || !apiKeyLive(key) || !isWellFormedApiKeySecret(secret)) return null;
  return key;
}

/**
 * What the guard reads for a request made with an API key, in the shape it reads for a
 * session (lib/auth/sessions.ts `resolveSessionIn`): the key's member as the user, with the
 * workspace `slug` names and the member's membership in it, read now, so a role change or
 * removal applies to the key's very next request. A key acts only in its own workspace:
 * for any other slug the membership is null (→ "not found"). The key's user is never
 * support staff here: a key reaches only what its membership reaches.
 */
export async function resolveApiKeyIn(keyId: string, slug: string | null) {
  const key = await prisma.apiKey.findUnique({ where: { id: keyId }, include: { user: { select: USER_FIELDS } } });
  if (!key || !apiKeyLive(key)) return null;
  const membership = slug
    ? await prisma.membership.findFirst({ where: { userId: key.userId, workspaceId: key.workspaceId, workspace: { slug } }, include: { workspace: true } })
    : null;
  const user: WhoUser = { ...key.user, supportStaff: false };
  return { sessionId: "", user, workspace: membership?.workspace ?? null, membership, apiKey: { id: key.id, name: key.name } };
}

