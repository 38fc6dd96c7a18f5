// npm run bench:members [-- --engine pglite|postgres] [--requests 200] [--warmup 20]
//
// Seeds a workspace with 10,000 members (and 50 small workspaces around it), starts the
// production server on it and measures the members page's time to first byte for the
// first page, a search, a role filter and page 200, next to a trivial authenticated page
// (the roles matrix) on the same server as the floor. Cases take turns request by request,
// so drift (GC, the machine) falls on all of them alike. Prints a markdown table per
// engine; exits 0 whatever the figures (a benchmark, not a test).
//
// Engines: PGlite in a fresh temporary directory, always (unless --engine postgres); and
// PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server: a fresh database
// `roster_bench` is created there and dropped at the end.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openMigratedDatabase } from "../lib/db/bootstrap";
import { buildIfStale } from "./lib/build";
import { startNext, waitForServer } from "./lib/next-server";
import { seedBenchWorld, type BenchWorld } from "./lib/bench-seed";
import { mintSessionCookie } from "./lib/session-cookie";

const { values: args } = parseArgs({
  options: {
    engine: { type: "string", multiple: true },
    requests: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
  },
});
const REQUESTS = Number(args.requests);
const WARMUP = Number(args.warmup);
const PORT = Number(process.env.BENCH_PORT || 3199);
const AUTH_SECRET = "bench-only-secret-do-not-use-in-production-0123456789";
const LIMIT = 1.5;
const postgresAdminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;

type Engine = "pglite" | "postgres";
type Case = { name: string; path: string; expect: string[] };
type Result = { name: string; path: string; ttfb: number[]; full: number[] };

function engines(): Engine[] {
  const asked = (args.engine ?? []).flatMap((e) => e.split(","));
  for (const e of asked) if (e !== "pglite" && e !== "postgres") throw new Error(`unknown engine ${e} (pglite or postgres)`);
  const list: Engine[] = asked.length ? (asked as Engine[]) : postgresAdminUrl ? ["pglite", "postgres"] : ["pglite"];
  if (list.includes("postgres") && !postgresAdminUrl) throw new Error("--engine postgres needs BENCH_DATABASE_URL or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres)");
  return list;
}

/** A fresh, empty database for one engine, and how to throw it away. */
async function freshDatabase(engine: Engine): Promise<{ url: string; label: string; drop: () => Promise<void> }> {
  if (engine === "pglite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "roster-bench-"));
    return { url: `file:${path.join(dir, "pglite")}`, label: "PGlite (embedded, in the server process)", drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = new URL(postgresAdminUrl!);
  const target = new URL(admin);
  target.pathname = "/roster_bench";
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run("DROP DATABASE IF EXISTS roster_bench WITH (FORCE)");
  await run("CREATE DATABASE roster_bench");
  const version = await (async () => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    await client.end();
    return rows[0]!.server_version;
  })();
  return { url: target.toString(), label: `PostgreSQL ${version} (${target.host}, database roster_bench)`, drop: () => run("DROP DATABASE IF EXISTS roster_bench WITH (FORCE)") };
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

function cases(world: BenchWorld): Case[] {
  const base = `/w/${world.slug}`;
  const total = world.members;
  return [
    { name: "floor: roles page", path: `${base}/roles`, expect: ["Permissions by role"] },
    { name: "members, first page", path: `${base}/members`, expect: [`Showing 1–25 of ${total} members`] },
    { name: `search "${world.search.q}"`, path: `${base}/members?q=${world.search.q}`, expect: [`of ${world.search.matches} members`] },
    { name: `role filter "${world.role.role}"`, path: `${base}/members?role=${world.role.role}`, expect: [`of ${world.role.matches} members`] },
    { name: "page 200", path: `${base}/members?page=200`, expect: [`Showing 4976–5000 of ${total} members`] },
  ];
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

function table(results: Result[]): string {
  const ms = (n: number) => n.toFixed(1);
  const stats = results.map((r) => {
    const ttfb = [...r.ttfb].sort((a, b) => a - b);
    const full = [...r.full].sort((a, b) => a - b);
    return { ...r, p50: percentile(ttfb, 50), p95: percentile(ttfb, 95), fullP95: percentile(full, 95) };
  });
  const floor = stats[0]!.p95;
  const lines = [
    "| case | URL | p50 ms | p95 ms | p95 / floor p95 | verdict | p95 full response ms |",
    "| --- | --- | ---: | ---: | ---: | --- | ---: |",
    ...stats.map((s, i) => {
      const ratio = s.p95 / floor;
      const verdict = i === 0 ? "(floor)" : ratio <= LIMIT ? `✓ ≤${LIMIT}×` : `✗ >${LIMIT}×`;
      return `| ${s.name} | \`${s.path.replace(/^\/w\/[^/]+/, "…")}\` | ${ms(s.p50)} | ${ms(s.p95)} | ${i === 0 ? "1.00" : ratio.toFixed(2)} | ${verdict} | ${ms(s.fullP95)} |`;
    }),
  ];
  return lines.join("\n");
}

async function benchEngine(engine: Engine): Promise<string> {
  const started = Date.now();
  const database = await freshDatabase(engine);
  let server: ReturnType<typeof startNext> | undefined;
  try {
    console.log(`\n[${engine}] migrating and seeding ${database.label}…`);
    const db = await openMigratedDatabase(database.url);
    let world: BenchWorld;
    let cookie: string;
    try {
      const seedStart = Date.now();
      world = await seedBenchWorld(db.prisma);
      // What PostgreSQL's autovacuum does soon after a bulk load: planner statistics and the
      // visibility map. PGlite has no autovacuum, so there it is this step or nothing.
      if (!process.env.BENCH_NO_ANALYZE) await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
      const minted = await mintSessionCookie(db.prisma, world.viewerId, AUTH_SECRET, "roster-bench");
      cookie = `${minted.name}=${minted.value}`;
      console.log(`[${engine}] seeded ${world.users} users, ${world.workspaces} workspaces in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    } finally {
      await db.close(); // PGlite: one process per data directory; the server opens it next.
    }

    const env = { ...process.env, DATABASE_URL: database.url, AUTH_SECRET, AUTH_TRUST_HOST: "true", RESEND_API_KEY: "", PORT: String(PORT), NODE_ENV: "production" as const };
    server = startNext(PORT, env, { host: "127.0.0.1", stdio: ["ignore", "ignore", "inherit"] });
    const origin = `http://127.0.0.1:${PORT}`;
    if (!(await waitForServer(`${origin}/login`))) throw new Error(`the server did not answer on ${origin} within 60 s`);

    const list = cases(world);
    console.log(`[${engine}] ${WARMUP} warm-up then ${REQUESTS} measured requests per case, round-robin over ${list.length} cases…`);
    const results = await measure(origin, cookie, list);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    return `### ${database.label}\n\n${table(results)}\n\n(${engine}: ${seconds} s including seeding and server start)`;
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
    await database.drop();
  }
}

async function main() {
  const list = engines();
  buildIfStale({ ...process.env, NODE_ENV: "production" });
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
  console.log(`Machine: ${machine}`);
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");
  const loadBefore = load();
  const started = Date.now();
  const sections: string[] = [];
  for (const engine of list) sections.push(await benchEngine(engine));
  console.log(`\n## Members page, time to first byte (${REQUESTS} requests per case; goal: p95 ≤ ${LIMIT}× the floor's p95)\n`);
  console.log(`Machine: ${machine}\n`);
  console.log(sections.join("\n\n"));
  console.log(`\nTotal: ${((Date.now() - started) / 1000).toFixed(0)} s; load average at the start ${loadBefore}, at the end ${load()} (other work on the machine skews the figures)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
