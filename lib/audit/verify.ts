import "server-only";
import type { Db } from "@/lib/db";
import { GENESIS, chainHash } from "./chain";

const BATCH = 5_000;

export type BrokenAt = { id: string; seq: number | null; createdAt: Date; action: string };

export type VerifyResult =
  | { intact: true; events: number; notCovered: number; checkpointSeq: number }
  | {
      intact: false;
      events: number;
      notCovered: number;
      /** What is wrong, in words an owner can act on. */
      reason: string;
      /** The first event that does not verify (for a deletion: the event after the gap). */
      at: BrokenAt | null;
    };

type PurgeRecord = { checkpoint?: { seq?: unknown; hash?: unknown } };

/**
 * Walks a workspace's chain in `seq` order, in batches (memory stays flat however long it
 * is), from the retention checkpoint to the head. Reports the first event whose hash does
 * not match, the first gap (an event deleted before it), a missing tail, a checkpoint that
 * no `audit.purged` event accounts for, and unchained rows among chained ones.
 */
export async function verifyAuditChain(db: Db, workspaceId: string): Promise<VerifyResult> {
  const chain = await db.auditChain.findUnique({ where: { workspaceId } });
  const notCovered = await db.auditEvent.count({ where: { workspaceId, seq: null } });
  const broken = (events: number, reason: string, at: BrokenAt | null): VerifyResult => ({ intact: false, events, notCovered, reason, at });
  const brief = (e: BrokenAt): BrokenAt => ({ id: e.id, seq: e.seq, createdAt: e.createdAt, action: e.action });

  if (!chain) {
    const chained = await db.auditEvent.findFirst({ where: { workspaceId, seq: { not: null } }, orderBy: { seq: "asc" } });
    if (chained) return broken(0, "Events are chained but the chain's head record is missing.", brief(chained));
    return { intact: true, events: 0, notCovered, checkpointSeq: 0 };
  }

  // The checkpoint moves only with a purge, and every purge records where it moved it.
  if (chain.checkpointSeq > 0) {
    const purge = await db.auditEvent.findFirst({ where: { workspaceId, action: "audit.purged", seq: { not: null } }, orderBy: { seq: "desc" } });
    const recorded = (purge?.after as PurgeRecord | null)?.checkpoint;
    if (!purge || recorded?.seq !== chain.checkpointSeq || recorded?.hash !== chain.checkpointHash) {
      return broken(0, "The retention checkpoint does not match the last recorded purge: events may have been removed outside a purge.", purge ? brief(purge) : null);
    }
  }

  let previous = chain.checkpointSeq > 0 ? chain.checkpointHash : GENESIS;
  let expectedSeq = chain.checkpointSeq + 1;
  let events = 0;
  let firstAt: Date | null = null;
  let last: BrokenAt | null = null;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { workspaceId, seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      const seq = row.seq ?? 0;
      if (seq !== expectedSeq) {
        const missing = seq - 1 === expectedSeq ? `Event ${expectedSeq} of the chain is` : `Events ${expectedSeq}–${seq - 1} of the chain are`;
        return broken(events, `${missing} missing: deleted before this one.`, brief(row));
      }
      const { hash, ...fields } = row;
      if (hash !== chainHash(previous, fields)) return broken(events, "This event's stored fields do not match its hash: it was changed after it was recorded.", brief(row));
      previous = hash;
      expectedSeq++;
      events++;
      firstAt ??= row.createdAt;
      last = row;
    }
    if (rows.length < BATCH) break;
  }
  if (expectedSeq - 1 !== chain.seq || previous !== chain.head) {
    return broken(events, `The chain ends at event ${expectedSeq - 1} but its head is event ${chain.seq}: the newest events were deleted.`, last ? brief(last) : null);
  }
  // An unchained row dated inside the chained era was not written by Roster.
  if (firstAt) {
    const stray = await db.auditEvent.findFirst({ where: { workspaceId, seq: null, createdAt: { gte: firstAt } }, orderBy: { createdAt: "asc" } });
    if (stray) return broken(events, "This event is not part of the chain but is dated after the chain began: it was inserted outside Roster.", brief(stray));
  }
  return { intact: true, events, notCovered, checkpointSeq: chain.checkpointSeq };
}
