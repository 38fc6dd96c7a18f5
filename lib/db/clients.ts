import "server-only";
import { appendFileSync, existsSync } from "node:fs";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";

/**
 * A read that bypasses Prisma's result mapping: rows come back as arrays of the driver's
 * values. Only for bulk reads whose shape the SQL fixes (the audit export), where Prisma's
 * per-row objects halved the throughput and held most of the memory (bench:audit).
 */
export type RowReader = (sql: string, params: unknown[]) => Promise<unknown[][]>;

// Keyed by the client, so whichever client the app is pointed at (tests swap it) reads
// through its own connection. Kept on globalThis like the client itself (lib/db.ts): pages,
// route handlers and actions are separate bundles, each with its own copy of this module.
const holder = globalThis as unknown as { __rosterRowReaders?: WeakMap<PrismaClient, RowReader> };
const readers = (holder.__rosterRowReaders ??= new WeakMap<PrismaClient, RowReader>());

/**
 * ROSTER_SQL_TRACE=<file>: while the file exists, every statement the client sends is
 * appended to it, one line each. For the page benchmarks, which count what a request costs
 * in statements (scripts/lib/bench-sql.ts) and remove the file while they time pages;
 * unset everywhere else, where it costs nothing.
 */
const traceFile = () => process.env.ROSTER_SQL_TRACE || null;
const logOptions = () => (traceFile() ? { log: [{ emit: "event" as const, level: "query" as const }] } : {});

function traced(prisma: PrismaClient): PrismaClient {
  const file = traceFile();
  if (!file) return prisma;
  const onQuery = (prisma as unknown as { $on: (event: "query", listener: (e: { query: string }) => void) => void }).$on.bind(prisma);
  onQuery("query", (e) => {
    if (existsSync(file)) appendFileSync(file, `${e.query.replace(/\s+/g, " ")}\n`);
  });
  return prisma;
}

/** A client on a PostgreSQL server; its pool also serves `rowReaderOf`, and closes with it. */
export function prismaOnPostgres(url: string): PrismaClient {
  // A server that accepts connections but never answers would otherwise hold every
  // request until the operating system gives up (minutes); 5 s, then it counts as
  // unreachable (lib/db/unavailable.ts) and pages answer 503.
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 5_000 });
  const prisma = traced(new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), ...logOptions() }));
  readers.set(prisma, async (sql, params) => (await pool.query({ text: sql, values: params, rowMode: "array" })).rows);
  return prisma;
}

/** A client on an embedded database; the caller closes the PGlite after `$disconnect()`. */
export function prismaOnPglite(pglite: PGlite): PrismaClient {
  const prisma = traced(new PrismaClient({ adapter: new PrismaPGlite(pglite), ...logOptions() }));
  readers.set(prisma, async (sql, params) => (await pglite.query<unknown[]>(sql, params, { rowMode: "array" })).rows);
  return prisma;
}

export function rowReaderOf(prisma: PrismaClient): RowReader {
  const reader = readers.get(prisma);
  if (!reader) throw new Error("This Prisma client was not made by lib/db/clients.ts, so it has no row reader.");
  return reader;
}
