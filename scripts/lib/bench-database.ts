// A fresh, empty database for a benchmark: PGlite in a temporary directory, or a database
// of that name on the PostgreSQL server `adminUrl` names (dropped first if a run left it).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type BenchEngine = "pglite" | "postgres";

/** The database's URL, a line naming it for the report, and how to throw it away. */
export async function freshDatabase(engine: BenchEngine, name: string, adminUrl?: string): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  if (engine === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "roster-bench-"));
    return { url: `file:${path.join(dir, "pglite")}`, label: "PGlite (embedded, in the server process)", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  if (!adminUrl) throw new Error("PostgreSQL needs a server's URL (BENCH_DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/postgres)");
  const admin = new URL(adminUrl);
  const target = new URL(admin);
  target.pathname = `/${name}`;
  const query = async <R extends pg.QueryResultRow>(sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      return (await client.query<R>(sql)).rows;
    } finally {
      await client.end();
    }
  };
  await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await query(`CREATE DATABASE ${name}`);
  const [{ server_version: version }] = (await query<{ server_version: string }>("SHOW server_version")) as [{ server_version: string }];
  return { url: target.toString(), label: `PostgreSQL ${version} (${target.host}, database ${name})`, drop: async () => void (await query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
}
