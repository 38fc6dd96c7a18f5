import "server-only";
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditAction } from "./actions";
import { fullName } from "@/lib/format";
import { appendChained } from "./chain";

export type AuditActor =
  | { type: "user"; id: string; name: string; email: string }
  /** A change made through the Team API: the key's member, and the key (docs/decisions/017-team-api.md). */
  | { type: "api_key"; id: string; name: string; email: string; keyId: string; keyName: string }
  | { type: "anonymous"; email?: string }
  | { type: "system" };

export type AuditTarget = { type: string; id: string; label: string };

export type AuditEventInput = {
  workspaceId: string | null;
  action: AuditAction;
  actor: AuditActor;
  target?: AuditTarget;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
  userAgent?: string | null;
};

/**
 * How a guarded handler records what it did: the guard fills in the workspace, the
 * actor and where the request came from, so a handler states only what changed.
 */
export type Audit = (
  event: Omit<AuditEventInput, "workspaceId" | "actor" | "ip" | "userAgent"> & Partial<Pick<AuditEventInput, "workspaceId" | "actor">>,
) => Promise<void>;

/**
 * Writes one append-only event. Callers pass the transaction of the change it records.
 * A workspace's events join its hash chain (lib/audit/chain.ts); instance events
 * (sign-ins, account changes) are not chained (docs/decisions/012-audit-hash-chain.md).
 */
export async function recordAudit(db: Db | Tx, event: AuditEventInput) {
  const actor = event.actor;
  const data = {
    action: event.action,
    actorType: actor.type,
    actorId: actor.type === "user" || actor.type === "api_key" ? actor.id : null,
    actorName: actor.type === "user" || actor.type === "api_key" ? actor.name : null,
    actorEmail: actor.type === "system" ? null : (actor.email ?? null),
    actorKeyId: actor.type === "api_key" ? actor.keyId : null,
    actorKeyName: actor.type === "api_key" ? actor.keyName : null,
    targetType: event.target?.type ?? null,
    targetId: event.target?.id ?? null,
    targetLabel: event.target?.label ?? null,
    before: event.before,
    after: event.after,
    ip: event.ip ?? null,
    userAgent: event.userAgent?.slice(0, 512) ?? null,
  };
  const { workspaceId } = event;
  if (workspaceId === null) {
    await db.auditEvent.create({ data: { ...data, workspaceId: null } });
    return;
  }
  // Appending takes three statements that must commit together. A transaction client
  // has no `$disconnect` (Prisma withholds it), so that is how the full client is told apart.
  if ("$disconnect" in db) await db.$transaction((tx) => appendChained(tx, { ...data, workspaceId }));
  else await appendChained(db, { ...data, workspaceId });
}

export type UserActor = Extract<AuditActor, { type: "user" }>;

export function userActor(user: { id: string; firstName: string; lastName: string; email: string }): UserActor {
  return { type: "user", id: user.id, name: fullName(user).trim(), email: user.email };
}

export type ApiKeyActor = Extract<AuditActor, { type: "api_key" }>;

/** The actor of a change made with an API key: its member, as `userActor` names them, and the key. */
export function apiKeyActor(user: { id: string; firstName: string; lastName: string; email: string }, key: { id: string; name: string }): ApiKeyActor {
  return { ...userActor(user), type: "api_key", keyId: key.id, keyName: key.name };
}
