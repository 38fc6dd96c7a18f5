import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every migration's SQL, in order: test databases are built from exactly what production runs. */
export async function migrationSql(): Promise<string> {
  const dir = path.resolve("prisma/migrations");
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const parts = await Promise.all(names.map((n) => readFile(path.join(dir, n, "migration.sql"), "utf8")));
  return parts.join("\n;\n");
}

/** With TEST_DATABASE_URL: the migrated database each test file clones. */
export const TEMPLATE_DATABASE = "roster_test_template";
