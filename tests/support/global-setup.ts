import { Client } from "pg";
import { TEMPLATE_DATABASE, migrationSql } from "./migrations";

// With TEST_DATABASE_URL (a PostgreSQL server), migrate one template database once;
// each test file then clones it, which takes milliseconds. A non-local server is
// refused: these tests create and drop databases.
export default async function setup() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return;
  const host = new URL(serverUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host) && !process.env.ROSTER_ALLOW_REMOTE_TEST_DB) {
    throw new Error(`TEST_DATABASE_URL points at ${host}; the tests create and drop databases, so only a local server is allowed.`);
  }
  const template = TEMPLATE_DATABASE;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${template}"`);
  await admin.query(`CREATE DATABASE "${template}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${template}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  await db.query(await migrationSql());
  await db.end();
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
