// The database for a command-line tool (audit:verify, audit:purge, support-staff): migrated,
// and closed when the work is done. On the embedded database a running server holds the
// data directory; the command then stops with the lock's message instead of opening it.
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { openMigratedDatabase } from "../../lib/db/bootstrap";
import { EmbeddedDatabaseBusy } from "../../lib/db/data-dir-lock";

/** Runs `work` on the database and exits: 0, or 1 with its message printed when it throws. */
export async function withCliDatabase(work: (prisma: PrismaClient) => Promise<number | void>): Promise<never> {
  let db: Awaited<ReturnType<typeof openMigratedDatabase>>;
  try {
    db = await openMigratedDatabase();
  } catch (error) {
    if (error instanceof EmbeddedDatabaseBusy) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  let code = 0;
  try {
    code = (await work(db.prisma)) ?? 0;
  } catch (error) {
    console.error(error instanceof CliError ? error.message : error);
    code = 1;
  } finally {
    await db.close();
  }
  process.exit(code);
}

/** A refusal a command explains in one line, without a stack trace. */
export class CliError extends Error {}
