import "server-only";
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";

// The per-workspace hash chain (docs/decisions/012-audit-hash-chain.md). Everything that
// computes or checks a hash goes through this file, so the writer and the verifier
// cannot disagree on what an event's canonical form is.

/** The predecessor of a workspace's first event. */
export const GENESIS = "0".repeat(64);

/** The stored fields of an event that its hash covers: every column but the hash itself. */
export type ChainedFields = Omit<AuditEvent, "hash">;

/** JSON with object keys sorted at every depth: the same value always serialises the same way. */
function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function canonicalEvent(event: ChainedFields): string {
  return canonicalJson({
    id: event.id,
    workspaceId: event.workspaceId,
    seq: event.seq,
    action: event.action,
    actorType: event.actorType,
    actorId: event.actorId,
    actorName: event.actorName,
    actorEmail: event.actorEmail,
    targetType: event.targetType,
    targetId: event.targetId,
    targetLabel: event.targetLabel,
    before: event.before,
    after: event.after,
    ip: event.ip,
    userAgent: event.userAgent,
    createdAt: event.createdAt,
    // Only on changes made with an API key: events without one hash as they always have.
    ...(event.actorKeyId ? { actorKeyId: event.actorKeyId, actorKeyName: event.actorKeyName } : {}),
  });
}

export function chainHash(previous: string, event: ChainedFields): string {
  return createHash("sha256").update(previous).update("\n").update(canonicalEvent(event)).digest("hex");
}

export type UnchainedEventData = Omit<Prisma.AuditEventUncheckedCreateInput, "id" | "seq" | "hash" | "createdAt" | "workspaceId"> & { workspaceId: string };

/**
 * Appends one event to its workspace's chain, inside the caller's transaction. The
 * upsert takes the chain row's lock and bumps `seq` in one statement; it returns the
 * head as it was, so concurrent writers queue on that row and each gets a distinct
 * predecessor. The lock is held until the transaction ends.
 */
export async function appendChained(tx: Tx, data: UnchainedEventData) {
  // Lock order: workspace, then chain. Guarded writes already hold the workspace row
  // (lockWorkspace); writers that do not (support.viewed, audit.exported, audit.purged)
  // take a key-share lock on it first, which the event's foreign key needs anyway. Taken
  // after the chain row instead, it deadlocked against a guarded write.
  await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${data.workspaceId} FOR KEY SHARE`;
  const [slot] = await tx.$queryRaw<{ seq: number; head: string }[]>`
    INSERT INTO "AuditChain" ("workspaceId", "seq", "head", "checkpointSeq", "checkpointHash")
    VALUES (${data.workspaceId}, 1, ${GENESIS}, 0, ${GENESIS})
    ON CONFLICT ("workspaceId") DO UPDATE SET "seq" = "AuditChain"."seq" + 1
    RETURNING "seq", "head"`;
  if (!slot) throw new Error("The audit chain returned no slot.");
  const fields: ChainedFields = {
    id: randomUUID(),
    seq: slot.seq,
    createdAt: new Date(),
    workspaceId: data.workspaceId,
    action: data.action,
    actorType: data.actorType,
    actorId: data.actorId ?? null,
    actorName: data.actorName ?? null,
    actorEmail: data.actorEmail ?? null,
    targetType: data.targetType ?? null,
    targetId: data.targetId ?? null,
    targetLabel: data.targetLabel ?? null,
    before: (data.before ?? null) as Prisma.JsonValue,
    after: (data.after ?? null) as Prisma.JsonValue,
    ip: data.ip ?? null,
    userAgent: data.userAgent ?? null,
    actorKeyId: data.actorKeyId ?? null,
    actorKeyName: data.actorKeyName ?? null,
  };
  // Hashed from the values about to be stored: ids and times are made here, not by the
  // database, and JSON keys are sorted, so what verify reads back hashes the same.
  const hash = chainHash(slot.head, fields);
  const event = await tx.auditEvent.create({ data: { ...data, id: fields.id, seq: fields.seq, createdAt: fields.createdAt, hash } });
  await tx.$executeRaw`UPDATE "AuditChain" SET "head" = ${hash} WHERE "workspaceId" = ${data.workspaceId}`;
  return event;
}
