import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedDatabase } from "@/lib/db/bootstrap";
import { startCluster, type Cluster } from "./support/cluster";
import { freePort } from "./support/ports";
import { actionId, callAction } from "./support/actions";
import { kill, startServer, type Served } from "./support/server";
import { FAULTS_AUTH_SECRET, seedTrial, type TrialWorld } from "./support/world";
import { FAULTS_PORT_BASE, report } from "./support/report";

// PostgreSQL stopped and started again while Roster serves requests: pages answer 503 with
// the calm page, readiness fails, actions return a typed refusal, and everything answers
// 200 again within 5 seconds of PostgreSQL's return, without a restart.

const MESSAGE = "Roster can't reach its database right now. Nothing was lost; try again in a moment.";

let cluster: Cluster;
let served: Served;
let world: TrialWorld;

beforeAll(async () => {
  cluster = await startCluster(FAULTS_PORT_BASE);
  const url = cluster.url("postgres");
  const db = await openMigratedDatabase(url);
  world = await seedTrial(db.prisma, "outage", 2);
  await db.close();
  served = await startServer(await freePort(FAULTS_PORT_BASE + 10), {
    DATABASE_URL: url,
    AUTH_SECRET: FAULTS_AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    LOG_LEVEL: "info",
  });
});

afterAll(async () => {
  if (served) await kill(served);
  cluster?.destroy();
});

const pages = () => ["/login", "/signup", "/w", `/w/${world.slug}/members`, `/w/${world.slug}/roles`];
/** The sign-in pages as a signed-out visitor sees them, the others signed in. */
const open = (page: string) =>
  fetch(`${served.base}${page}`, { headers: page.startsWith("/w") ? { cookie: world.ownerCookie } : {}, redirect: "manual" });

async function statuses(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const page of pages()) out[page] = (await open(page)).status;
  out["/api/health/ready"] = (await fetch(`${served.base}/api/health/ready`)).status;
  return out;
}

describe("PostgreSQL stopped and started while Roster serves", () => {
  it("answers 503 with the calm page while it is down, and 200 within 5 s of its return", async () => {
    const healthy = Object.fromEntries([...pages(), "/api/health/ready"].map((p) => [p, 200]));
    expect(await statuses()).toEqual(healthy);

    cluster.stop();
    const stopped = Date.now();
    // The sign-in page sends no query: the server's background probe (every 5 s at most)
    // is what notices the outage there.
    while ((await open("/login")).status !== 503 && Date.now() - stopped < 15_000) await new Promise((r) => setTimeout(r, 100));
    const noticedMs = Date.now() - stopped;
    expect(noticedMs).toBeLessThan(7_000);

    for (const page of pages()) {
      const res = await open(page);
      const body = await res.text();
      expect(res.status, page).toBe(503);
      expect(res.headers.get("retry-after"), page).toBe("5");
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(body).toContain(MESSAGE.replace("'", "&#39;"));
      const id = res.headers.get("x-request-id");
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body).toContain(`<code>${id}</code>`);
    }
    const ready = await fetch(`${served.base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "unavailable", reason: "unreachable", message: MESSAGE });
    expect((await fetch(`${served.base}/api/health/live`)).status).toBe(200);

    // A server action answers with a typed refusal, as a form shows it.
    const changeRole = actionId("lib/members/actions.ts", "changeMemberRole");
    const refused = await callAction(served.base, `/w/${world.slug}/members`, changeRole, [world.slug, { memberId: world.memberIds[0], role: "write" }], { cookie: world.ownerCookie });
    expect(refused).toMatchObject({ answered: true, status: 200, result: { ok: false, code: "unavailable", message: MESSAGE } });

    cluster.start();
    const back = Date.now();
    let now: Record<string, number> = {};
    while (Date.now() - back < 10_000) {
      now = await statuses();
      if (Object.values(now).every((s) => s === 200)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const recoveredMs = Date.now() - back;
    expect(now).toEqual(healthy);
    expect(recoveredMs).toBeLessThan(5_000);
    report("database outage (PostgreSQL)", { noticedMs, recoveredMs, pagesChecked: pages().length });

    // And the refused write goes through now.
    const done = await callAction(served.base, `/w/${world.slug}/members`, changeRole, [world.slug, { memberId: world.memberIds[0], role: "write" }], { cookie: world.ownerCookie });
    expect(done).toMatchObject({ answered: true, result: { ok: true } });

    const logged = served.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.some((l) => l.msg === "database unavailable")).toBe(true);
    expect(logged.some((l) => l.msg === "database reachable again")).toBe(true);
    expect(logged.filter((l) => l.msg === "request" && l.status === 503).length).toBeGreaterThanOrEqual(pages().length);
  });
});
