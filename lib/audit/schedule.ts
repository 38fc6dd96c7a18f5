import "server-only";
import { prisma } from "@/lib/db";
import { purgeExpiredAudit } from "./retention";

const HOUR_MS = 3_600_000;

/** Hours between purges: AUDIT_PURGE_INTERVAL_HOURS (default 24; 0 turns the schedule off, for cron). */
export function purgeIntervalHours(env = process.env): number {
  const raw = env.AUDIT_PURGE_INTERVAL_HOURS?.trim();
  if (!raw) return 24;
  const hours = Number(raw);
  if (!Number.isFinite(hours) || hours < 0) throw new Error(`AUDIT_PURGE_INTERVAL_HOURS must be a number of hours (0 turns the schedule off), not "${raw}".`);
  return hours;
}

async function runPurge() {
  try {
    const outcomes = await purgeExpiredAudit(prisma);
    const deleted = outcomes.reduce((sum, o) => sum + o.deleted, 0);
    if (deleted) console.log(`Audit retention: removed ${deleted} events from ${outcomes.filter((o) => o.deleted).length} workspaces.`);
  } catch (error) {
    console.error("Audit retention purge failed; it runs again at the next interval.", error);
  }
}

/**
 * The purge inside the server: first a minute after start (not during it), then every
 * interval. Timers are unref'd so they never keep a stopping server alive. With several
 * servers on one PostgreSQL each runs it; the chain row's lock serialises them, and a
 * run that finds nothing to remove records nothing.
 */
export function startAuditRetentionSchedule() {
  const hours = purgeIntervalHours();
  if (hours === 0) return;
  setTimeout(() => {
    void runPurge();
    setInterval(() => void runPurge(), hours * HOUR_MS).unref();
  }, 60_000).unref();
}
