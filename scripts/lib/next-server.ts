import { spawn, type StdioOptions } from "node:child_process";
import path from "node:path";

/**
 * `next start` as a direct child (not through npx, whose kill would leave next-server
 * orphaned), so stopping it by pid stops the server.
 */
export function startNext(port: number, env: NodeJS.ProcessEnv, options: { host?: string; stdio?: StdioOptions } = {}) {
  const args = [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port)];
  if (options.host) args.push("-H", options.host);
  return spawn(process.execPath, args, { stdio: options.stdio ?? "inherit", env });
}

/** Polls `url` until it answers 2xx; false after `timeoutMs`. */
export async function waitForServer(url: string, timeoutMs = 60_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}
