// A throwaway PostgreSQL cluster for the fault suite: initdb in a temporary directory,
// started and stopped with pg_ctl on a free loopback port, never the machine's own server.
// As root, the binaries run as the `postgres` user (PostgreSQL refuses to run as root).
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./ports";

function binDir(): string {
  const fromConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (fromConfig.status === 0 && existsSync(path.join(fromConfig.stdout.trim(), "pg_ctl"))) return fromConfig.stdout.trim();
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, "bin/pg_ctl"))) return path.join(root, v, "bin");
  throw new Error("PostgreSQL's initdb and pg_ctl were not found (install postgresql, or put pg_config on PATH).");
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[], timeoutMs = 60_000) {
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", timeout: timeoutMs });
  if (r.status !== 0) throw new Error(`${path.basename(bin)} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export type Cluster = { port: number; url: (db: string) => string; start(): void; stop(): void; destroy(): void };

/** Creates and starts a cluster on a free port from `firstPort`; trust authentication on loopback only. */
export async function startCluster(firstPort: number): Promise<Cluster> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "roster-faults-pg-"));
  if (asRoot) {
    const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
    const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort(firstPort);
  // fsync off: what is tested is Roster's process dying, not the machine's.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = path.join(bin, "pg_ctl");
  let running = false;
  const cluster: Cluster = {
    port,
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start() {
      run(pgCtl, ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "-t", "30", "start"]);
      running = true;
    },
    stop() {
      run(pgCtl, ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
      running = false;
    },
    destroy() {
      try {
        if (running) cluster.stop();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  cluster.start();
  // A test that times out would otherwise leave the cluster running when its worker exits.
  process.once("exit", () => {
    if (running) spawnSync(asRoot ? "runuser" : pgCtl, asRoot ? ["-u", "postgres", "--", pgCtl, "-D", data, "-m", "immediate", "stop"] : ["-D", data, "-m", "immediate", "stop"]);
    rmSync(dir, { recursive: true, force: true });
  });
  return cluster;
}
