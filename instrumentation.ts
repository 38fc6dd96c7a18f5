import type { Instrumentation } from "next";

// Runs once when a Roster server starts (Next's instrumentation hook), in Node only.
export async function register() {
  // Not during `next build`, which may load this file too: a build opens no database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prisma, closeDatabase } = await import("@/lib/db");
  const { probeDatabase } = await import("@/lib/ops/readiness");
  const { logError, noteDatabaseDown, registerDatabaseHooks } = await import("@/lib/ops/hooks");
  const { databaseUnavailability } = await import("@/lib/db/unavailable");
  // How Roster's server (server.mjs) checks the database during an outage and closes it
  // when it stops (docs/decisions/016-operating-roster.md).
  registerDatabaseHooks({ probe: () => probeDatabase(), close: closeDatabase });
  // Opening the database now takes the embedded data directory's lock at start, so a
  // command such as `npm run audit:verify` is refused while this server runs rather than
  // being let in before the first request (lib/db/data-dir-lock.ts). A database that
  // cannot be reached yet does not stop the server: it answers 503 (and its readiness
  // probe fails) until the database is there.
  try {
    await prisma.$connect();
  } catch (error) {
    const down = databaseUnavailability(error);
    if (!down) throw error;
    noteDatabaseDown(down);
    logError("database unavailable at start", error, { reason: down.reason });
  }
  const { startAuditRetentionSchedule } = await import("@/lib/audit/schedule");
  startAuditRetentionSchedule();
}

// Every error of a page, route or action that Next catches: one log line with the
// request's id (stamped by server.mjs), the route's pattern (never the path: a join link
// carries its token there) and the stack.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logError, noteDatabaseDown } = await import("@/lib/ops/hooks");
  const { databaseUnavailability } = await import("@/lib/db/unavailable");
  const down = databaseUnavailability(error);
  if (down) noteDatabaseDown(down);
  const requestId = request.headers["x-request-id"];
  logError(down ? "database unavailable" : "request error", error, {
    requestId: typeof requestId === "string" ? requestId : undefined,
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    ...(down ? { reason: down.reason } : {}),
  });
};
