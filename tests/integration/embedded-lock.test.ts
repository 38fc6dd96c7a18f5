// One process per embedded data directory (lib/db/data-dir-lock.ts): a command run while
// a server holds the directory is refused with a message that says to stop the server.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusy, lockDataDir, lockFileOf } from "@/lib/db/data-dir-lock";
import { openPglite } from "@/lib/db/pglite";
import { onPostgres } from "../support/races";

const root = mkdtempSync(path.join(tmpdir(), "roster-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs an npm command's script the way `npm run` does, against the data directory `dir`. */
function runCommand(script: string, args: string[], dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
      env: { ...process.env, DATABASE_URL: `file:${dir}` },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe.skipIf(onPostgres)("the embedded database's lock", () => {
  it("refuses audit:verify and audit:purge while another process (a server) holds the directory", async () => {
    const dir = path.join(root, "held");
    const release = lockDataDir(dir); // held by this process, as a running server holds it
    try {
      const results = await Promise.all([runCommand("scripts/audit-verify.ts", ["acme-support"], dir), runCommand("scripts/audit-purge.ts", [], dir)]);
      for (const { code, output } of results) {
        expect(code).toBe(1);
        expect(output).toContain(`in use by another Roster process (pid ${process.pid})`);
        expect(output).toContain("Stop that server first");
      }
      expect(existsSync(dir)).toBe(false); // never opened, not even created
    } finally {
      release();
    }
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it("refuses a second opener of a held directory, and takes over a lock whose process is gone", async () => {
    const dir = path.join(root, "stale");
    const other = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const gonePid = Number(other.stdout);
    writeFileSync(lockFileOf(dir), `${gonePid}\n`);
    const db = openPglite(`file:${dir}`);
    await db.waitReady;
    await db.close();
    expect(existsSync(lockFileOf(dir))).toBe(false);

    // A live process other than this one: the parent of this test worker.
    writeFileSync(lockFileOf(dir), `${process.ppid}\n`);
    expect(() => openPglite(`file:${dir}`)).toThrow(EmbeddedDatabaseBusy);
    rmSync(lockFileOf(dir));
  });
});
