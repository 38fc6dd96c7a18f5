import "server-only";
import { mkdirSync, readFileSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";

// PGlite is PostgreSQL compiled into this process: two processes that open one data
// directory would each believe they own it, and corrupt it. A lock file beside the
// directory names the process that has it open; a second process (a server, or a command
// such as `npm run audit:verify`) is refused with a message that says what to do.

export class EmbeddedDatabaseBusy extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dir} is in use by another Roster process (pid ${pid}), most likely a running server. ` +
        "Stop that server first (Ctrl+C in its terminal), then run this command again. " +
        "With PostgreSQL (DATABASE_URL=postgres://…) commands run while servers run.",
    );
    this.name = "EmbeddedDatabaseBusy";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const held = new Map<string, number>();

export function lockFileOf(dir: string): string {
  return `${dir.replace(/\/+$/, "")}.lock`;
}

/**
 * Takes the data directory for this process, or throws EmbeddedDatabaseBusy. Re-entrant
 * within one process (the app's client and a migration may both open it); a lock left by
 * a process that no longer exists is taken over. Returns the release function.
 */
export function lockDataDir(dir: string): () => void {
  const file = lockFileOf(dir);
  const release = () => {
    const count = (held.get(file) ?? 1) - 1;
    if (count > 0) return void held.set(file, count);
    held.delete(file);
    try {
      if (Number(readFileSync(file, "utf8").trim()) === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  if (held.has(file)) {
    held.set(file, held.get(file)! + 1);
    return release;
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      held.set(file, 1);
      process.once("exit", () => held.has(file) && (held.set(file, 1), release()));
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (pid === process.pid) {
        held.set(file, 1);
        return release;
      }
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new EmbeddedDatabaseBusy(dir, pid);
      // Stale: its process exited without cleaning up. Taken over under an exclusive
      // guard directory, so that two processes that both saw the dead pid cannot each
      // remove the other's fresh lock; the loser is told the directory is busy.
      const guard = `${file}.takeover`;
      try {
        mkdirSync(guard);
      } catch {
        throw new EmbeddedDatabaseBusy(dir, pid);
      }
      try {
        if (Number(readFileSync(file, "utf8").trim()) === pid) unlinkSync(file);
      } catch {
        // Gone already: the next attempt creates it.
      } finally {
        rmdirSync(guard);
      }
    }
  }
  throw new EmbeddedDatabaseBusy(dir, Number(readFileSync(file, "utf8").trim()));
}
