// What the page benchmarks (npm run bench:members, npm run bench:groups) share: the engines
// and their fresh databases, the production server, timed GETs taken in turns, and the
// markdown table. A benchmark supplies its seeded world and its cases; this does the rest.
//
// Options: [-- --engine pglite|postgres] [--requests 200] [--warmup 20]. Engines: PGlite in
// a fresh temporary directory, always (unless --engine postgres); and PostgreSQL when
// BENCH_DATABASE_URL or TEST_DATABASE_URL names a server: a fresh database is created there
// and dropped at the end. Exits 0 whatever the figures (a benchmark, not a test).
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Db } from "../../lib/db";
import { openMigratedDatabase } from "../../lib/db/bootstrap";
import { buildIfStale } from "./build";
import { startNext, waitForServer } from "./next-server";
import { mintSessionCookie } from "./session-cookie";
import { statementsPerRequest } from "./bench-sql";
import { freshDatabase } from "./bench-database";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", multiple: true },
    requests: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
  },
});
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const AUTH_SECRET = "bench-only-secret-do-not-use-in-production-0123456789";
/** The goal unless a benchmark sets its own: a case's p95 within this many times the floor's p95. */
export const LIMIT = 1.5;
const postgresAdminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;

export type Engine = "pglite" | "postgres";
/** One page to time; `expect` are strings its HTML must contain (so a wrong page never counts). The first case is the floor. */
export type Case = { name: string; path: string; expect: string[] };
type Result = { name: string; path: string; ttfb: number[]; full: number[] };

/** What a benchmark seeds: whose session the requests carry, what to request, and a line for the log. */
export type SeededWorld = { viewerId: string; cases: Case[]; summary: string };

/** What a benchmark may measure after the page cases, on the same running server: its lines go under the table. */
export type AfterPages = (run: { engine: Engine; origin: string; cookie: string; serverPid: number; databaseUrl: string; cases: Case[] }) => Promise<string>;


/** Runs on a freshly restarted server after the page cases (no request served yet): for what the pages' own memory would hide. */
export type OnFreshServer = (run: { engine: Engine; origin: string; cookie: string; serverPid: number }) => Promise<string>;

export type Bench = {
  /** The heading of the tables, e.g. "Members page". */
  title: string;
  /** The PostgreSQL database created (and dropped) for the run. */
  database: string;
  /** The server's port unless BENCH_PORT says otherwise. */
  port: number;
  /** The goal per engine, as a ratio of p95 to the floor's p95; LIMIT where unset. */
  limits?: Partial<Record<Engine, number>>;
  seed: (db: Db) => Promise<SeededWorld>;
  afterPages?: AfterPages;
  onFreshServer?: OnFreshServer;
};

function engines(): Engine[] {
  const asked = (args.engine ?? []).flatMap((e) => e.split(","));
  for (const e of asked) if (e !== "pglite" && e !== "postgres") throw new Error(`unknown engine ${e} (pglite or postgres)`);
  const list: Engine[] = asked.length ? (asked as Engine[]) : postgresAdminUrl ? ["pglite", "postgres"] : ["pglite"];
  if (list.includes("postgres") && !postgresAdminUrl) throw new Error("--engine postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
  return list;
}

/** One GET: milliseconds to the response headers (first byte) and to the end of the body. */
function timedGet(agent: http.Agent, url: string, cookie: string): Promise<{ status: number; ttfb: number; full: number; body: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = http.get(url, { agent, headers: { cookie, "user-agent": "roster-bench" } }, (res) => {
      const ttfb = performance.now() - start;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ttfb, full: performance.now() - start, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

function check(c: Case, r: { status: number; body: string }) {
  if (r.status !== 200) throw new Error(`${c.name} (${c.path}): HTTP ${r.status}, expected 200`);
  const missing = c.expect.filter((s) => !r.body.includes(s));
  if (missing.length) throw new Error(`${c.name} (${c.path}): the page lacks ${missing.map((s) => JSON.stringify(s)).join(", ")}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Sequential requests over one kept-alive connection: warm-up per case, then the cases in turn. */
async function measure(origin: string, cookie: string, list: Case[]): Promise<Result[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (const c of list) {
      for (let i = 0; i < WARMUP; i++) check(c, await timedGet(agent, origin + c.path, cookie));
    }
    const results = list.map((c) => ({ name: c.name, path: c.path, ttfb: [] as number[], full: [] as number[] }));
    for (let i = 0; i < REQUESTS; i++) {
      for (const [k, c] of list.entries()) {
        const r = await timedGet(agent, origin + c.path, cookie);
        check(c, r);
        results[k]!.ttfb.push(r.ttfb);
        results[k]!.full.push(r.full);
      }
    }
    return results;
  } finally {
    agent.destroy();
  }
}

const loadAverage = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");

function table(results: Result[], limit: number): string {
  const ms = (n: number) => n.toFixed(1);
  const stats = results.map((r) => {
    const ttfb = [...r.ttfb].sort((a, b) => a - b);
    const full = [...r.full].sort((a, b) => a - b);
    return { ...r, p50: percentile(ttfb, 50), p95: percentile(ttfb, 95), fullP95: percentile(full, 95) };
  });
  const floor = stats[0]!.p95;
  const floorP50 = stats[0]!.p50;
  const lines = [
    "| case | URL | p50 ms | p95 ms | p50 / floor p50 | p95 / floor p95 | verdict | p95 full response ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | --- | ---: |",
    ...stats.map((s, i) => {
      const ratio = s.p95 / floor;
      const verdict = i === 0 ? "(floor)" : ratio <= limit ? `✓ ≤${limit}×` : `✗ >${limit}×`;
      return `| ${s.name} | \`${s.path.replace(/^\/w\/[^/]+/, "…")}\` | ${ms(s.p50)} | ${ms(s.p95)} | ${(s.p50 / floorP50).toFixed(2)} | ${i === 0 ? "1.00" : ratio.toFixed(2)} | ${verdict} | ${ms(s.fullP95)} |`;
    }),
  ];
  return lines.join("\n");
}

const limitFor = (bench: Bench, engine: Engine) => bench.limits?.[engine] ?? LIMIT;

async function stop(server: ReturnType<typeof startNext> | undefined) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

async function benchEngine(bench: Bench, engine: Engine, port: number): Promise<string> {
  const started = Date.now();
  const database = await freshDatabase(engine, bench.database, postgresAdminUrl);
  let server: ReturnType<typeof startNext> | undefined;
  try {
    console.log(`\n[${engine}] migrating and seeding ${database.label}…`);
    const db = await openMigratedDatabase(database.url);
    let world: SeededWorld;
    let cookie: string;
    const extra: string[] = [];
    try {
      const seedStart = Date.now();
      world = await bench.seed(db.prisma);
      // What PostgreSQL's autovacuum does soon after a bulk load: planner statistics and the
      // visibility map. PGlite has no autovacuum, so there it is this step or nothing.
      if (!process.env.BENCH_NO_ANALYZE) await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
      const minted = await mintSessionCookie(db.prisma, world.viewerId, AUTH_SECRET, "roster-bench");
      cookie = `${minted.name}=${minted.value}`;
      console.log(`[${engine}] seeded ${world.summary} in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    } finally {
      await db.close(); // PGlite: one process per data directory; the server opens it next.
    }

    const traceFile = path.join(os.tmpdir(), `roster-bench-sql-${process.pid}.log`);
    const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET, AUTH_TRUST_HOST: "true", RESEND_API_KEY: "", PORT: String(port), NODE_ENV: "production" as const, ROSTER_SQL_TRACE: traceFile };
    const origin = `http://127.0.0.1:${port}`;
    const start = async () => {
      server = startNext(port, env, { host: "127.0.0.1", stdio: ["ignore", "ignore", "inherit"] });
      if (!(await waitForServer(`${origin}/login`))) throw new Error(`the server did not answer on ${origin} within 60 s`);
      return server;
    };
    await start();

    const list = world.cases;
    console.log(`[${engine}] ${WARMUP} warm-up then ${REQUESTS} measured requests per case, round-robin over ${list.length} cases…`);
    const loadBefore = loadAverage();
    const results = await measure(origin, cookie, list);
    const loadAfter = loadAverage();
    extra.push(await statementsPerRequest(origin, cookie, list, traceFile));
    if (bench.afterPages) extra.push(await bench.afterPages({ engine, origin, cookie, serverPid: server!.pid!, databaseUrl: database.url, cases: list }));
    if (bench.onFreshServer) {
      await stop(server);
      extra.push(await bench.onFreshServer({ engine, origin, cookie, serverPid: (await start()).pid! }));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const limit = limitFor(bench, engine);
    const load = `Load average (1 / 5 / 15 min) before the timed requests ${loadBefore}, after them ${loadAfter}.`;
    return `### ${database.label}\n\n${table(results, limit)}\n\n${load}\n\n${extra.map((e) => `${e}\n\n`).join("")}(${engine}: ${seconds} s including seeding and server start)`;
  } finally {
    await stop(server);
    await database.drop();
  }
}

async function runAll(bench: Bench) {
  const list = engines();
  const port = Number(process.env.BENCH_PORT || bench.port);
  const load = loadAverage;
  const loadAtStart = load();
  console.log(`Load average (1 / 5 / 15 min) at the start: ${loadAtStart}`);
  buildIfStale({ ...process.env, NODE_ENV: "production" });
  const loadBefore = load();
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
  console.log(`Machine: ${machine}`);
  const started = Date.now();
  const sections: string[] = [];
  for (const engine of list) sections.push(await benchEngine(bench, engine, port));
  const goal = list.map((e) => `${limitFor(bench, e)}× on ${e === "postgres" ? "PostgreSQL" : "PGlite"}`).join(", ");
  console.log(`\n## ${bench.title}, time to first byte (${REQUESTS} requests per case; goal: p95 ≤ the floor's p95 × ${goal})\n`);
  console.log(`Machine: ${machine}\n`);
  console.log(sections.join("\n\n"));
  console.log(`\nTotal: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the start ${loadAtStart}, before seeding ${loadBefore}, at the end ${load()} (other work on the machine skews the figures)`);
}

/** Runs a benchmark on every engine asked for and prints its tables. */
export function runBench(bench: Bench) {
  runAll(bench).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

/** The floor: a trivial authenticated page (the roles matrix) on the same server. */
export const floorCase = (slug: string): Case => ({ name: "floor: roles page", path: `/w/${slug}/roles`, expect: ["Permissions by role"] });
