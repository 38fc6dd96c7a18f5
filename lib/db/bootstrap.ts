import "server-only";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { prismaOnPglite, prismaOnPostgres } from "./clients";
import { applyMigrations, migrationFactoryFor } from "./migrate";
import { openPglite } from "./pglite";
import { databaseUrl, isPostgresUrl } from "./url";

/**
 * For scripts (demo, seed, benchmarks): applies pending migrations, then returns a client
 * on the same database. The embedded database is opened once and closed by `close()`,
 * because PGlite allows one process per data directory.
 */
export async function openMigratedDatabase(url = databaseUrl()) {
  if (isPostgresUrl(url)) {
    const migration = migrationFactoryFor(url);
    const applied = await applyMigrations(migration.factory).finally(migration.close);
    const prisma = prismaOnPostgres(url);
    return { prisma, applied, close: () => prisma.$disconnect() };
  }
  const pglite = openPglite(url);
  const applied = await applyMigrations(new PrismaPGlite(pglite));
  const prisma = prismaOnPglite(pglite);
  return {
    prisma,
    applied,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
