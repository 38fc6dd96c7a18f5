import "server-only";
// Ending API keys: by hand (lib/api-keys/actions.ts), with a membership (lib/members/actions.ts),
// and with an account taken back (lib/auth/reclaim.ts, password and two-factor resets). It
// lives in lib/auth beside the key secrets so that every one of those may import it.
import type { Tx } from "@/lib/db";
import type { Audit } from "@/lib/audit/record";

export type KeyRevocationReason = "revoked" | "member_removed" | "member_left" | AccountRecovery;

/** What takes an account back from whoever else held it: each ends every key of the account. */
export type AccountRecovery = "account_reclaimed" | "password_reset" | "two_factor_reset";

/** The audit event of one key's revocation: the key as its target, whose it was, and why. */
export async function auditKeyRevoked(
  audit: Audit,
  key: { id: string; name: string; prefix: string; userId: string; workspaceId?: string },
  owner: string,
  reason: KeyRevocationReason,
) {
  await audit({
    ...(key.workspaceId ? { workspaceId: key.workspaceId } : {}),
    action: "api_key.revoked",
    target: { type: "api_key", id: key.id, label: key.name },
    before: { name: key.name, prefix: key.prefix, member: owner, status: "live" },
    after: { status: "revoked", reason },
  });
}

/**
 * A key acts as its member: once they are no longer a member (removed, or they left), each
 * of their live keys in the workspace is revoked in the same transaction, and audited, so
 * a later membership of the same person never brings an old key back to life.
 */
export async function revokeKeysOfMember(
  tx: Tx,
  { workspaceId, userId, owner, reason }: { workspaceId: string; userId: string; owner: string; reason: Exclude<KeyRevocationReason, "revoked"> },
  audit: Audit,
) {
  const keys = await tx.apiKey.findMany({ where: { workspaceId, userId, revokedAt: null }, orderBy: { createdAt: "asc" } });
  if (!keys.length) return 0;
  await tx.apiKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: new Date() } });
  for (const key of keys) await auditKeyRevoked(audit, key, owner, reason);
  return keys.length;
}

/**
 * An account taken back (an unverified account reclaimed by the address's owner, a password
 * reset, the operator's two-factor reset): whoever held it before may have created keys,
 * which no session ending would stop. Every live key of the account, in every workspace,
 * is revoked in the same transaction, each audited in its workspace.
 */
export async function revokeKeysOfAccount(tx: Tx, { userId, owner, reason }: { userId: string; owner: string; reason: AccountRecovery }, audit: Audit) {
  const keys = await tx.apiKey.findMany({ where: { userId, revokedAt: null }, orderBy: [{ workspaceId: "asc" }, { createdAt: "asc" }] });
  if (!keys.length) return 0;
  await tx.apiKey.updateMany({ where: { id: { in: keys.map((k) => k.id) } }, data: { revokedAt: new Date() } });
  for (const key of keys) await auditKeyRevoked(audit, key, owner, reason);
  return keys.length;
}
