import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { Client } from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations, migrationFactoryFor } from "../../lib/db/migrate";
import { newPglite } from "../../lib/db/pglite";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite: a dump of the migrated database, which each test file loads as its own copy. */
    pgliteDump: string;
    /** PostgreSQL: the migrated database each test file clones; unique to this run. */
    templateDatabase: string;
  }
}

// Test databases are migrated exactly as production migrates (lib/db/migrate.ts), once
// per run: running the schema engine per test file would cost seconds each, while
// cloning the result takes milliseconds (PostgreSQL) or about as long as an empty
// PGlite (PGlite: loading a dump skips initdb).
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? migratePostgresTemplate(project, serverUrl) : migratePgliteDump(project);
}

async function migratePgliteDump(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "roster-test-db-"));
  const db = newPglite();
  try {
    await applyMigrations(new PrismaPGlite(db));
    const file = path.join(dir, "migrated.tar.gz");
    await writeFile(file, Buffer.from(await (await db.dumpDataDir("gzip")).arrayBuffer()));
    project.provide("pgliteDump", file);
  } finally {
    await db.close();
  }
  return () => rm(dir, { recursive: true, force: true });
}

// A non-local server is refused: these tests create and drop databases. The template's
// name is unique to this run, so two runs against one server never drop each other's.
async function migratePostgresTemplate(project: TestProject, serverUrl: string) {
  const host = new URL(serverUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !process.env.ROSTER_ALLOW_REMOTE_TEST_DB) {
    throw new Error(`TEST_DATABASE_URL points at ${host}; the tests create and drop databases, so only a local server is allowed.`);
  }
  const template = `roster_test_template_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
  try {
    await admin.query(`CREATE DATABASE "${template}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const { factory, close } = migrationFactoryFor(url.toString());
    try {
      await applyMigrations(factory);
    } finally {
      await close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("templateDatabase", template);
  return drop;
}
