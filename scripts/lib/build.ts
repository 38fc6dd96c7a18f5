import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

function newest(p: string): number {
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(p)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(p, entry)));
  }
  return max;
}

/** Runs `next build` when there is no production build or a source file is newer than it. */
export function buildIfStale(env: NodeJS.ProcessEnv = process.env) {
  const buildId = path.resolve(".next/BUILD_ID");
  const sources = ["app", "components", "lib", "public", "proxy.ts", "instrumentation-client.ts", "next.config.mjs", "package.json", "app/globals.css"].filter((p) => existsSync(p));
  const latest = Math.max(...sources.map(newest));
  if (!env.ROSTER_FORCE_BUILD && existsSync(buildId) && statSync(buildId).mtimeMs > latest) return;
  console.log("Building Roster (next build)…");
  const r = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
