import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openMigratedDatabase } from "@/lib/db/bootstrap";
import { checkTrial } from "./support/check";
import { engineDatabase, openForCheck, serverEnv, type Engine } from "./support/engines";
import { freePort } from "./support/ports";
import { FAULTS_PORT_BASE, report } from "./support/report";
import { kill, startServer } from "./support/server";
import { streamWrites, type Ledger } from "./support/writes";
import { seedTrial, type TrialWorld } from "./support/world";

// SIGKILL of the server during a stream of writes (sign-ups, invitations, role changes),
// FAULTS_TRIALS times (default 20) on each engine. After each kill the database is opened
// again (the embedded one must open cleanly, its lock left by a dead process taken over),
// and every write the server acknowledged must be there, each change with its audit event
// and each audit event with its change.

const TRIALS = Number(process.env.FAULTS_TRIALS || 20);

describe.each<Engine>(["pglite", "postgres"])("SIGKILL during writes on %s", (engine) => {
  it(`loses no acknowledged write and leaves none half-done, ${TRIALS} kills`, async () => {
    const database = await engineDatabase(engine);
    const problems: string[] = [];
    let acked = 0;
    let previous: { trial: string; world: TrialWorld; ledger: Ledger } | null = null;
    const started = Date.now();
    try {
      const port = await freePort(FAULTS_PORT_BASE + 20);
      await (await openMigratedDatabase(database.url)).close();
      const phases = { open: 0, start: 0, writes: 0 };
      for (let t = 0; t <= TRIALS; t++) {
        // Opening it is the first check: after a kill the embedded directory must open.
        let mark = Date.now();
        const db = await openForCheck(database.url);
        try {
          await db.prisma.$queryRaw`SELECT 1`;
          if (previous) {
            problems.push(...(await checkTrial(db.prisma, previous.trial, previous.world, previous.ledger)).map((p) => `trial ${previous!.trial}: ${p}`));
            acked += previous.ledger.acked();
          }
          if (t === TRIALS) break;
          const trial = `${engine.slice(0, 2)}${t}`;
          previous = { trial, world: await seedTrial(db.prisma, trial, 9), ledger: undefined as unknown as Ledger };
        } finally {
          await db.close();
        }
        phases.open += Date.now() - mark;
        mark = Date.now();
        const served = await startServer(port, serverEnv(database.url, database.dir, port));
        phases.start += Date.now() - mark;
        mark = Date.now();
        const stream = streamWrites(served.base, previous.world, previous.trial);
        previous.ledger = stream.ledger;
        // Killed while writes are under way: after a few were acknowledged, at a random moment.
        const until = Date.now() + 30_000;
        while (stream.ledger.acked() < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        await new Promise((r) => setTimeout(r, randomInt(0, 400)));
        await kill(served);
        stream.stop();
        await stream.done;
        phases.writes += Date.now() - mark;
        if (stream.ledger.acked() === 0) problems.push(`trial ${previous.trial}: no write was acknowledged before the kill\n${served.lines.slice(-20).join("\n")}`);
      }
      console.log(`[faults] ${engine} time spent, ms: ${JSON.stringify(phases)}`);
    } finally {
      database.destroy();
    }
    report(`SIGKILL during writes (${engine})`, { trials: TRIALS, acknowledgedWritesChecked: acked, losses: problems.length, seconds: Math.round((Date.now() - started) / 1000) });
    expect(problems).toEqual([]);
    expect(acked).toBeGreaterThanOrEqual(TRIALS * 2);
    // A trial takes a few seconds on an idle machine (a server's start is most of it); a
    // loaded one takes many times that.
  }, TRIALS * 45_000 + 60_000);
});
