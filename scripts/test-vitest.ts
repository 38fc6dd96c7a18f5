// Unit and integration tests: the integration suite runs on the embedded database
// (PGlite, in memory) and, when TEST_DATABASE_URL names a PostgreSQL server, again on it.
import { spawnSync } from "node:child_process";
import path from "node:path";

const vitest = path.resolve("node_modules/vitest/vitest.mjs");
const { TEST_DATABASE_URL, ...env } = process.env;

function run(label: string, args: string[], extraEnv: Record<string, string> = {}) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(process.execPath, [vitest, "run", ...args], { stdio: "inherit", env: { ...env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run("unit + integration on PGlite", process.argv.slice(2));
if (TEST_DATABASE_URL) {
  run(`integration on PostgreSQL (${new URL(TEST_DATABASE_URL).host})`, ["--project", "integration", ...process.argv.slice(2)], { TEST_DATABASE_URL });
} else {
  console.log("\nTEST_DATABASE_URL is not set: skipped the PostgreSQL run of the integration suite.");
}
