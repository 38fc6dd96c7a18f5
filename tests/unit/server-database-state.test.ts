import { afterEach, describe, expect, it } from "vitest";
import { databaseWatch, opsState } from "@/server/database-state.mjs";

// How server.mjs learns that the database is away and back: probes, at most one at a time
// and one per interval, and the notes the app leaves when a query fails.

const down = { reason: "unreachable", message: "Roster can't reach its database right now. Nothing was lost; try again in a moment." };

afterEach(() => {
  const db = opsState().database;
  db.down = null;
  db.probe = null;
});

describe("databaseWatch", () => {
  it("probes at most once per interval, shares a probe under way, and logs each change once", async () => {
    let clock = 0;
    let answer: typeof down | null = down;
    let probes = 0;
    opsState().database.probe = async () => {
      probes++;
      await new Promise((r) => setTimeout(r, 10));
      return answer;
    };
    const logged: string[] = [];
    const watch = databaseWatch({ now: () => clock, log: (_level, msg) => void logged.push(msg) });

    expect(await Promise.all([watch.confirm(), watch.confirm(), watch.confirm()])).toEqual([down, down, down]);
    expect(probes).toBe(1);
    expect(watch.suspected()).toBe(true);
    clock += 500;
    answer = null; // back, but not probed again yet
    expect(await watch.confirm()).toEqual(down);
    expect(probes).toBe(1);
    clock += 600;
    expect(await watch.confirm()).toBeNull();
    expect(probes).toBe(2);
    expect(watch.suspected()).toBe(false);
    expect(logged).toEqual(["database unavailable", "database reachable again"]);
  });

  it("after a failed response, probes again at once; with no outage known, probes in the background every 5 s at most", async () => {
    let clock = 0;
    let probes = 0;
    opsState().database.probe = async () => (probes++, null);
    const watch = databaseWatch({ now: () => clock });
    await watch.confirm();
    await watch.confirm({ fresh: true });
    expect(probes).toBe(2);
    watch.refresh();
    clock += 4_000;
    watch.refresh();
    expect(probes).toBe(2);
    clock += 1_000;
    watch.refresh();
    await new Promise((r) => setTimeout(r, 0));
    expect(probes).toBe(3);
  });

  it("counts a probe that does not answer in time as an outage, and takes the app's note without probing", async () => {
    opsState().database.probe = () => new Promise(() => {}); // never answers
    const watch = databaseWatch({ timeoutMs: 50 });
    expect(await watch.confirm()).toEqual({ reason: "unreachable", message: null });
    opsState().database.probe = null;
    opsState().database.down = down; // noted by the app (lib/ops/hooks.ts)
    expect(watch.suspected()).toBe(true);
    expect(await databaseWatch().confirm()).toEqual(down);
  });
});
