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
const holder = globalThis as unknown as { __rosterPrisma?: PrismaClient };

/**
 * The app's client for the engine DATABASE_URL names (lib/db/url.ts decides: postgres://… is
 * PostgreSQL, anything else the embedded PGlite). Scripts open the same engine through
 * lib/db/bootstrap.ts, and migrations through lib/db/migrate.ts's adapter factory.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return isPostgresUrl(url) ? prismaOnPostgres(url) : prismaOnPglite(openPglite(url));
}

function client(): PrismaClient {
  // Created on first use, so `next build` opens no database.
  holder.__rosterPrisma ??= createPrismaClient();
  return holder.__rosterPrisma;
}

/** Tests point the app at their own database. */
export function setPrismaClient(next: PrismaClient | undefined) {
  holder.__rosterPrisma = next;
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
