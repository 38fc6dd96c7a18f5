import { spawn, type StdioOptions } from "node:child_process";
import path from "node:path";

/**
 * Roster's production server (`server.mjs`: Next's handler behind a server that records
 * the connection's address, see docs/decisions/008-client-address-from-the-socket.md), as
 * a direct child (not through npm, whose kill would leave the server orphaned), so
 * stopping it by pid stops the server.
 */
export function startNext(port: number, env: NodeJS.ProcessEnv, options: { host?: string; stdio?: StdioOptions; nodeArgs?: string[]; dir?: string } = {}) {
  const childEnv = { ...env, PORT: String(port), ...(options.host ? { HOST: options.host } : {}) };
  // nodeArgs: flags for Node itself, such as --cpu-prof, which NODE_OPTIONS does not accept.
  // dir: another built checkout to serve (its server.mjs serves the build beside it).
  return spawn(process.execPath, [...(options.nodeArgs ?? []), path.resolve(options.dir ?? ".", "server.mjs")], { stdio: options.stdio ?? "inherit", env: childEnv });
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
