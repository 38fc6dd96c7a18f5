import "server-only";
import type { PrismaClient } from "./generated/prisma/client";
import { prismaOnPglite, prismaOnPostgres, rowReaderOf } from "./db/clients";
import { openPglite } from "./db/pglite";
import { databaseUrl, isPostgresUrl } from "./db/url";

export type Db = PrismaClient;
/** A transaction client: what the guard hands to every write. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One client per process, kept on globalThis in production too: pages, route handlers
// and actions are separate bundles, and in PGlite mode a second client would open the
// data directory twice and see different data.
const holder = globalThis as unknown as { __rosterPrisma?: PrismaClient; __rosterClose?: () => Promise<void> };

/**
 * The app's client for the engine DATABASE_URL names (lib/db/url.ts decides: postgres://… is
 * PostgreSQL, anything else the embedded PGlite). Scripts open the same engine through
 * lib/db/bootstrap.ts, and migrations through lib/db/migrate.ts's adapter factory.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return isPostgresUrl(url) ? prismaOnPostgres(url) : prismaOnPglite(openPglite(url));
}

/** The app's client, and how to close it (for PGlite: the instance too, which releases its data directory). */
function open(url = databaseUrl()): { prisma: PrismaClient; close: () => Promise<void> } {
  if (isPostgresUrl(url)) {
    const prisma = prismaOnPostgres(url);
    return { prisma, close: () => prisma.$disconnect() };
  }
  const pglite = openPglite(url);
  const prisma = prismaOnPglite(pglite);
  const close = async () => {
    await prisma.$disconnect();
    await pglite.close();
  };
  // An embedded database that cannot start (a damaged directory) fails every query with
  // the same error; let it go, so a later request opens the directory afresh
  // (lib/db/unavailable.ts tells the person what to do meanwhile).
  pglite.waitReady.catch(() => {
    if (holder.__rosterPrisma !== prisma) return;
    holder.__rosterPrisma = holder.__rosterClose = undefined;
    void close().catch(() => {});
  });
  return { prisma, close };
}

function client(): PrismaClient {
  // Created on first use, so `next build` opens no database.
  if (!holder.__rosterPrisma) {
    const opened = open();
    holder.__rosterPrisma = opened.prisma;
    holder.__rosterClose = opened.close;
  }
  return holder.__rosterPrisma;
}

/** Tests point the app at their own database. */
export function setPrismaClient(next: PrismaClient | undefined) {
  holder.__rosterPrisma = next;
  holder.__rosterClose = undefined;
}

/**
 * Closes the app's database at shutdown (server.mjs): the pool, or the embedded database,
 * which writes what it holds and releases its data directory. Nothing was opened, nothing to close.
 */
export async function closeDatabase() {
  const close = holder.__rosterClose;
  holder.__rosterPrisma = holder.__rosterClose = undefined;
  await close?.();
}

export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === "function" ? value.bind(c) : value;
  },
});

/** Rows as arrays, on the app's current database (see lib/db/clients.ts for when to use it). */
export function readRows(sql: string, params: unknown[]): Promise<unknown[][]> {
  return rowReaderOf(client())(sql, params);
}
