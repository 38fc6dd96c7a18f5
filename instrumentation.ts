// Runs once when a Roster server starts (Next's instrumentation hook), in Node only.
export async function register() {
  // Not during `next build`, which may load this file too: a build opens no database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prisma } = await import("@/lib/db");
  // Opening the database now takes the embedded data directory's lock at start, so a
  // command such as `npm run audit:verify` is refused while this server runs rather than
  // being let in before the first request (lib/db/data-dir-lock.ts).
  await prisma.$connect();
  const { startAuditRetentionSchedule } = await import("@/lib/audit/schedule");
  startAuditRetentionSchedule();
}
