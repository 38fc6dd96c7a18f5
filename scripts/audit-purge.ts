// npm run audit:purge — removes audit events older than each workspace's retention
// ("Keep audit events for", in settings), in bounded batches, keeping every hash chain
// verifiable. The server runs the same purge on a schedule; this is for cron.
import { purgeExpiredAudit } from "../lib/audit/retention";
import { withCliDatabase } from "./lib/cli-database";

await withCliDatabase(async (prisma) => {
  const outcomes = await purgeExpiredAudit(prisma);
  const purged = outcomes.filter((o) => o.deleted > 0);
  for (const o of purged) console.log(`${o.slug}: removed ${o.deleted} events older than ${o.cutoff.toISOString()}`);
  console.log(`Checked ${outcomes.length} workspaces; removed events from ${purged.length}.`);
});
