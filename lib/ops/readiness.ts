import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { prisma, readRows } from "@/lib/db";
import { databaseUnavailability, type Unavailability } from "@/lib/db/unavailable";
import { logError } from "./hooks";

// What the health probes and the server's outage check ask the database
// (docs/decisions/016-operating-roster.md): one trivial query within a short timeout,
// and for readiness, whether every migration this build ships has been applied.

/** How long the trivial query may take before the database counts as unreachable. */
export const PROBE_TIMEOUT_MS = 2_000;

export type NotReady =
  | ({ ready: false } & Unavailability)
  | { ready: false; reason: "migrations_pending"; message: string; pending: string[] }
  | { ready: false; reason: "error"; message: string };

class ProbeTimeout extends Error {
  // Counted as unreachable by lib/db/unavailable.ts, like the driver's own timeout.
  readonly code = "ETIMEDOUT";
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ProbeTimeout(`The database did not answer within ${ms} ms.`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Null when the database answers `SELECT 1` in time; otherwise why not. Other errors are thrown. */
export async function probeDatabase(timeoutMs = PROBE_TIMEOUT_MS): Promise<Unavailability | null> {
  try {
    // Inside the promise, so a client that cannot even be opened (a busy embedded
    // directory) rejects here rather than throwing before the race.
    // Through the driver, not Prisma: the server probes in the background, and its query
    // must not show in the benchmarks' per-request statement traces (lib/db/clients.ts).
    await within((async () => readRows("SELECT 1", []))(), timeoutMs);
    return null;
  } catch (error) {
    const down = databaseUnavailability(error);
    if (down) return down;
    throw error;
  }
}

/** The migrations this build ships (prisma/migrations), by name. */
async function shippedMigrations(dir = path.resolve(process.cwd(), "prisma/migrations")): Promise<string[]> {
  // Read at run time from the deployed tree; not a file for the build to trace.
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

/** Applied as Prisma records them: finished and not rolled back. */
async function appliedMigrations(): Promise<Set<string>> {
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return new Set(rows.map((r) => r.migration_name));
  } catch (error) {
    // A database never migrated has no such table (42P01): nothing is applied.
    if (JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes("42P01")) return new Set();
    throw error;
  }
}

/** Ready: the database answers in time and every shipped migration is applied. */
export async function checkReadiness(): Promise<{ ready: true } | NotReady> {
  try {
    const down = await probeDatabase();
    if (down) return { ready: false, ...down };
    const [shipped, applied] = await Promise.all([shippedMigrations(), within(appliedMigrations(), PROBE_TIMEOUT_MS)]);
    const pending = shipped.filter((name) => !applied.has(name)).sort();
    if (pending.length) {
      return { ready: false, reason: "migrations_pending", message: `${pending.length} database migration(s) not applied: run npm run db:migrate.`, pending };
    }
    return { ready: true };
  } catch (error) {
    const down = databaseUnavailability(error);
    if (down) return { ready: false, ...down };
    logError("readiness check failed", error);
    return { ready: false, reason: "error", message: "The readiness check failed; see the server log." };
  }
}
