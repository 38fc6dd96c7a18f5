// Roster's production server (server.mjs, on the build `npm test` also uses) as a child
// process the fault suite can signal and kill.
import type { ChildProcess } from "node:child_process";
import { startNext } from "../../../scripts/lib/next-server";

export type Served = {
  base: string;
  child: ChildProcess;
  /** Everything the server wrote, line by line (stdout and stderr). */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export async function startServer(port: number, env: Record<string, string>, timeoutMs = 60_000): Promise<Served> {
  const child = startNext(port, { ...process.env, ...env }, { host: "127.0.0.1", stdio: ["ignore", "pipe", "pipe"] });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split("\n");
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  // A test that times out leaves its server behind when the worker exits: not this one.
  const orphan = () => child.kill("SIGKILL");
  process.once("exit", orphan);
  void exited.then(() => process.off("exit", orphan));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (Date.now() < until && !gone) {
    try {
      if ((await fetch(`${base}/api/health/live`)).ok) return { base, child, lines, exited };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`The server on ${base} did not start:\n${lines.slice(-30).join("\n")}`);
}

/** SIGKILL: no cleanup of any kind, as when the machine or the orchestrator kills it. */
export async function kill(served: Served) {
  served.child.kill("SIGKILL");
  await served.exited;
}
