import "server-only";
import type { Db } from "@/lib/db";
import { recordAudit } from "./record";

const DAY_MS = 86_400_000;
const BATCH = 1_000;

export type PurgeOutcome = {
  workspaceId: string;
  slug: string;
  deleted: number;
  /** How many delete transactions it took: never more than `batchSize` rows each. */
  batches: number;
  cutoff: Date;
  checkpoint: { seq: number; hash: string } | null;
};

/**
 * Removes one workspace's events older than its retention, oldest first, in batches of
 * at most BATCH rows, each batch its own short transaction (never one giant DELETE that
 * holds locks on millions of rows). Chained events go as a prefix of the chain, in `seq`
 * order, stopping at the first one inside the retention window, and the checkpoint moves
 * with each batch, so the rest still verifies (docs/decisions/012-audit-hash-chain.md).
 * The run ends with one chained `audit.purged` event that states the count, the cut-off
 * and the checkpoint; verify checks the checkpoint against it.
 */
export async function purgeWorkspaceAudit(
  db: Db,
  workspace: { id: string; slug: string; auditRetentionDays: number },
  { now = new Date(), batchSize = BATCH }: { now?: Date; batchSize?: number } = {},
): Promise<PurgeOutcome> {
  const cutoff = new Date(now.getTime() - workspace.auditRetentionDays * DAY_MS);
  let deleted = 0;
  let batches = 0;
  let checkpoint: PurgeOutcome["checkpoint"] = null;

  // Events from before the chain existed have no place in it: removed by age alone.
  for (;;) {
    const old = await db.auditEvent.findMany({ where: { workspaceId: workspace.id, seq: null, createdAt: { lt: cutoff } }, select: { id: true }, take: batchSize });
    if (old.length === 0) break;
    batches++;
    deleted += (await db.auditEvent.deleteMany({ where: { id: { in: old.map((e) => e.id) } } })).count;
  }

  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      // The chain row's lock keeps a concurrent purge from moving the same checkpoint.
      const [chain] = await tx.$queryRaw<{ checkpointSeq: number }[]>`
        SELECT "checkpointSeq" FROM "AuditChain" WHERE "workspaceId" = ${workspace.id} FOR UPDATE`;
      if (!chain) return null;
      const rows = await tx.auditEvent.findMany({
        where: { workspaceId: workspace.id, seq: { gt: chain.checkpointSeq } },
        orderBy: { seq: "asc" },
        take: batchSize,
        select: { id: true, seq: true, hash: true, createdAt: true },
      });
      const expired = [];
      for (const row of rows) {
        if (row.createdAt >= cutoff) break;
        expired.push(row);
      }
      const lastExpired = expired.at(-1);
      if (!lastExpired) return null;
      await tx.auditEvent.deleteMany({ where: { id: { in: expired.map((e) => e.id) } } });
      const moved = { seq: lastExpired.seq!, hash: lastExpired.hash! };
      await tx.auditChain.update({ where: { workspaceId: workspace.id }, data: { checkpointSeq: moved.seq, checkpointHash: moved.hash } });
      return { count: expired.length, checkpoint: moved, more: expired.length === rows.length && rows.length === batchSize };
    });
    if (!batch) break;
    batches++;
    deleted += batch.count;
    checkpoint = batch.checkpoint;
    if (!batch.more) break;
  }

  // The record is written under the chain row's lock, with the checkpoint read under that
  // same lock, so an overlapping purge (two servers, or cron beside the schedule) cannot
  // record a stale one. A run that removed nothing records nothing, even when the last
  // record does not match the checkpoint: recording it then would bless a checkpoint
  // someone moved by hand. (A run that stops between its deletes and its record leaves
  // verify reporting the mismatch, for an operator to look at.)
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspace.id} FOR KEY SHARE`;
    const [chain] = await tx.$queryRaw<{ checkpointSeq: number; checkpointHash: string }[]>`
      SELECT "checkpointSeq", "checkpointHash" FROM "AuditChain" WHERE "workspaceId" = ${workspace.id} FOR UPDATE`;
    const current = chain && chain.checkpointSeq > 0 ? { seq: chain.checkpointSeq, hash: chain.checkpointHash } : null;
    if (deleted === 0) return;
    await recordAudit(tx, {
      workspaceId: workspace.id,
      action: "audit.purged",
      actor: { type: "system" },
      target: { type: "workspace", id: workspace.id, label: workspace.slug },
      after: { deleted, cutoff: cutoff.toISOString(), retentionDays: workspace.auditRetentionDays, checkpoint: current },
    });
  });
  return { workspaceId: workspace.id, slug: workspace.slug, deleted, batches, cutoff, checkpoint };
}

/** One purge run over every workspace: what the schedule and `npm run audit:purge` do. */
export async function purgeExpiredAudit(db: Db, now = new Date()): Promise<PurgeOutcome[]> {
  const outcomes: PurgeOutcome[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await db.workspace.findMany({
      select: { id: true, slug: true, auditRetentionDays: true },
      orderBy: { id: "asc" },
      take: 200,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const workspace of page) outcomes.push(await purgeWorkspaceAudit(db, workspace, { now }));
    if (page.length < 200) break;
    cursor = page.at(-1)!.id;
  }
  return outcomes;
}
