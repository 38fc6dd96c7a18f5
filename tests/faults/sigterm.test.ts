import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { openMigratedDatabase } from "@/lib/db/bootstrap";
import { lockFileOf } from "@/lib/db/data-dir-lock";
import { actionId, callAction } from "./support/actions";
import { engineDatabase, openForCheck, serverEnv } from "./support/engines";
import { freePort } from "./support/ports";
import { FAULTS_PORT_BASE, report } from "./support/report";
import { startServer } from "./support/server";

// SIGTERM while requests are in flight: they complete, new connections are refused, the
// embedded database is closed cleanly (its lock released), and the server exits 0.

describe("SIGTERM during requests", () => {
  it("lets the requests in flight finish, closes the embedded database and exits 0", async () => {
    const database = await engineDatabase("pglite");
    try {
      await (await openMigratedDatabase(database.url)).close();
      const port = await freePort(FAULTS_PORT_BASE + 30);
      // The grace period's bound is tested in tests/unit/server-shutdown.test.ts; here it is
      // long, so that a slow machine's sign-ups are not cut off by it.
      const served = await startServer(port, { ...serverEnv(database.url, database.dir, port), LOG_LEVEL: "info", SHUTDOWN_GRACE_SECONDS: "60" });
      const signUp = actionId("lib/account/actions.ts", "signUp");
      const call = (n: number) =>
        callAction(served.base, "/signup", signUp, [{ firstName: "Term", lastName: `${n}`, email: `term-${n}@faults.test`, password: "Quartz-Lantern-Orbit-4711" }], {
          "x-forwarded-for": `10.9.0.${n + 1}`,
        });
      // Warm the route, so the requests below are in flight for the time a sign-up takes
      // (password hashing), not for the first compile.
      expect(await call(100)).toMatchObject({ answered: true, result: { ok: true } });

      const inFlight = Array.from({ length: 4 }, (_, n) => call(n));
      await new Promise((r) => setTimeout(r, 150));
      served.child.kill("SIGTERM");
      const signalled = Date.now();
      // Once the listener is closed (after a few turns that let connections already made
      // be accepted), a new connection is refused.
      while (!served.lines.some((l) => l.includes("no longer accepting connections")) && Date.now() - signalled < 20_000) await new Promise((r) => setTimeout(r, 20));
      const late = await fetch(`${served.base}/login`).then(
        (r) => `answered ${r.status}`,
        (e: Error) => String(e.cause ?? e),
      );
      const outcomes = await Promise.all(inFlight);
      const exit = await served.exited;
      const stopMs = Date.now() - signalled;
      const shutdownLog = served.lines.filter((l) => /shutting down|accepting|grace period|stopped/.test(l));
      console.log(`[faults] SIGTERM: stopped in ${stopMs} ms\n${shutdownLog.join("\n")}`);

      expect(outcomes.map((o) => (o.answered ? o.result.ok : o.error))).toEqual([true, true, true, true]);
      expect(late).toMatch(/ECONNREFUSED/);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(existsSync(lockFileOf(database.url.replace(/^file:/, ""))), "the data directory's lock is released").toBe(false);

      const db = await openForCheck(database.url);
      try {
        expect(await db.prisma.user.count({ where: { email: { startsWith: "term-" } } })).toBe(5);
      } finally {
        await db.close();
      }
      report("SIGTERM during requests (PGlite)", { inFlight: 4, completed: outcomes.length, exitCode: exit.code, stopMs });
    } finally {
      database.destroy();
    }
  });
});
