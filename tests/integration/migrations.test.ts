import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Client } from "pg";
import { applyMigrations, diffDatabaseToSchema, migrationFactoryFor } from "@/lib/db/migrate";
import { newPglite } from "@/lib/db/pglite";

const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

describe("migrations", () => {
  it("bring an empty database exactly to schema.prisma (fails on drift: run npm run db:migrate:create)", async () => {
    const db = newPglite();
    try {
      const factory = new PrismaPGlite(db);
      expect(await applyMigrations(factory)).toEqual(migrationNames);
      expect(await diffDatabaseToSchema(factory)).toBe("");
      const recorded = await db.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name`);
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(migrationNames);
      expect(await applyMigrations(factory)).toEqual([]);
    } finally {
      await db.close();
    }
    // Every migration and a schema diff through the WASM engine: ~10 s idle, 30+ on a busy 2-core machine.
  }, 120_000);

  it.runIf(!!process.env.TEST_DATABASE_URL)("deploy to a fresh PostgreSQL database, once", async () => {
    const serverUrl = process.env.TEST_DATABASE_URL!;
    const name = `roster_migrate_${randomBytes(4).toString("hex")}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      expect(await applyMigrations(migrationFactoryFor(url.toString()).factory)).toEqual(migrationNames);
      expect(await applyMigrations(migrationFactoryFor(url.toString()).factory)).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
