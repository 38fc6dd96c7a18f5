import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { inject } from "vitest";
import { Client } from "pg";
import { prismaOnPglite, prismaOnPostgres } from "@/lib/db/clients";
import { newPglite } from "@/lib/db/pglite";
import { setPrismaClient } from "@/lib/db";

/**
 * A fresh database for one test file, a copy of the one global-setup migrated: an
 * in-memory PGlite by default, or a new database on the PostgreSQL server named by
 * TEST_DATABASE_URL. The app's `prisma` points at it until the file ends.
 */
export async function openTestDatabase(): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const pglite = newPglite(undefined, { loadDataDir: new Blob([await readFile(inject("pgliteDump"))]) });
    // It starts in the background; wait here, where the hook timeout allows for it, not in the first test.
    await pglite.waitReady;
    const prisma = prismaOnPglite(pglite);
    setPrismaClient(prisma);
    return async () => {
      await prisma.$disconnect();
      await pglite.close();
    };
  }
  const name = `roster_test_${randomBytes(6).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const prisma = prismaOnPostgres(url.toString());
  setPrismaClient(prisma);
  return async () => {
    await prisma.$disconnect();
    const cleanup = new Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
