// npm run bench:load [-- --members 100,10000] [--connections 10,50] [--seconds 20] [--profile DIR]
//
// What one page costs the server under load. Builds Roster when the build is stale, seeds
// a workspace of 100 members (and of 10,000 with `--members 100,10000`) in a fresh
// database, starts the production server (server.mjs) on loopback and, signed in as the
// workspace's owner through a minted session cookie, sends the members page and the floor
// (the roles page: membership check and a static table) as fast as `autocannon` can with
// 10 and then 50 connections that never pause, for 20 s each. Prints requests/s, latency
// to the last byte (p50 / p95 / p99), errors, timeouts and non-2xx answers, the server
// process's CPU time per page (from /proc), and each page's HTML: its size and what it is
// made of (markup, the inlined React Server Components payload, and the props passed to
// each client component; scripts/lib/html-parts.ts).
//
// PGlite in a temporary directory by default; PostgreSQL when BENCH_DATABASE_URL names a
// server (a database roster_bench_load, dropped afterwards). Port BENCH_PORT, or 3650.
// `--profile DIR` starts the server with `node --cpu-prof` and leaves its profile in DIR
// when the run ends (open it in Chrome DevTools or speedscope). `--html DIR` saves each
// page's HTML there; `--seconds 0` measures the HTML only. `--baseline DIR` also serves
// another built checkout of Roster (DIR/server.mjs, e.g. the commit before a change) on the
// next port, from a copy of the same database, and runs each case on it right before this
// one: on a machine shared with other work, the two then see the same load.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { openMigratedDatabase } from "../lib/db/bootstrap";
import { freshDatabase } from "./lib/bench-database";
import { seedLoadWorld, type LoadWorld } from "./lib/bench-load-seed";
import { buildIfStale } from "./lib/build";
import { clientProps, htmlParts } from "./lib/html-parts";
import { startNext, waitForServer } from "./lib/next-server";
import { mintSessionCookie } from "./lib/session-cookie";

const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "100" },
    connections: { type: "string", default: "10,50" },
    seconds: { type: "string", default: "20" },
    profile: { type: "string" },
    html: { type: "string" },
    baseline: { type: "string" },
  },
});
const SIZES = args.members.split(",").map(Number);
const CONNECTIONS = args.connections.split(",").map(Number);
const SECONDS = Number(args.seconds);
const AUTH_SECRET = "bench-only-secret-do-not-use-in-production-0123456789";
const PORT = Number(process.env.BENCH_PORT || 3650);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ENGINE = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

type Page = { name: string; path: string; expect: string };
/** A running server: this checkout, or the baseline. */
type Target = { build: string; origin: string; pid: number };
type Run = { build: string; page: string; connections: number; rps: number; p50: number; p95: number; p99: number; requests: number; errors: number; timeouts: number; non2xx: number; cpuMsPerPage: number | null };

function pagesOf(world: LoadWorld): Page[] {
  const w = `/w/${world.slug}`;
  return [
    { name: `floor: roles page (${world.members} members)`, path: `${w}/roles`, expect: "Permissions by role" },
    { name: `members page, 25 of ${world.members.toLocaleString("en")}`, path: `${w}/members`, expect: `of ${world.members.toLocaleString("en")} members` },
  ];
}

/** The server's user + system CPU time so far, in ms (Linux; null elsewhere). */
function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) / TICKS) * 1000;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function fetchPage(origin: string, page: Page, cookie: string): Promise<string> {
  const res = await fetch(origin + page.path, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200 || !body.includes(page.expect)) throw new Error(`${page.path}: HTTP ${res.status}${res.status === 200 ? `, without "${page.expect}"` : ""}`);
  return body;
}

async function load({ build, origin, pid }: Target, page: Page, cookie: string, connections: number, seconds: number): Promise<Run> {
  const latencies: number[] = [];
  const before = cpuMs(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: origin + page.path, connections, duration: seconds, headers: { cookie }, timeout: 10 }, (error, r) => (error ? reject(error) : resolve(r)));
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  const after = cpuMs(pid);
  latencies.sort((a, b) => a - b);
  const answered = result.requests.total;
  return {
    build,
    page: page.name,
    connections,
    rps: answered / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requests: answered,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    cpuMsPerPage: before !== null && after !== null && answered ? (after - before) / answered : null,
  };
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–"); // "–": no request answered in time
const kb = (n: number) => (n / 1000).toFixed(1);

function runTable(runs: Run[]): string {
  const rows = runs.map(
    (r) =>
      `| ${r.page} | ${r.build} | ${r.connections} | ${f1(r.rps)} | ${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)} | ${r.requests} | ${r.errors} / ${r.timeouts} / ${r.non2xx} | ${r.cpuMsPerPage === null ? "–" : f1(r.cpuMsPerPage)} |`,
  );
  return ["| page | build | connections | pages/s | p50 / p95 / p99 ms | answered | errors / timeouts / non-2xx | server CPU ms per page |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |", ...rows].join("\n");
}

function htmlReport(build: string, page: Page, html: string): string {
  const parts = htmlParts(html);
  const props = clientProps(parts.payload).slice(0, 8);
  const lines = [
    `${build}: ${page.name} (\`${page.path.replace(/^\/w\/[^/]+/, "/w/…")}\`): HTML ${kb(parts.total)} KB (gzip ${kb(gzipSync(html).length)} KB): markup ${kb(parts.markup)} KB, RSC payload scripts ${kb(parts.rscScripts)} KB (${kb(Buffer.byteLength(parts.payload))} KB decoded), other scripts ${kb(parts.otherScripts)} KB.`,
  ];
  if (props.length) {
    lines.push("", "| client component | instances | props KB | largest prop |", "| --- | ---: | ---: | --- |");
    for (const p of props) lines.push(`| \`${p.component}\` | ${p.instances} | ${kb(p.bytes)} | ${p.largestProp} (${kb(p.largestPropBytes)} KB) |`);
  }
  return lines.join("\n");
}

async function stop(server: ReturnType<typeof startNext> | undefined) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

async function main() {
  const loadAvg = () => os.loadavg().map((n) => n.toFixed(2)).join(" / ");
  const loadAtStart = loadAvg();
  buildIfStale({ ...process.env, NODE_ENV: "production" });
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, Node ${process.version}`;
  const database = await freshDatabase(ENGINE, "roster_bench_load", process.env.BENCH_DATABASE_URL);
  let server: ReturnType<typeof startNext> | undefined;
  let baselineServer: ReturnType<typeof startNext> | undefined;
  let baselineCopy: string | undefined;
  try {
    console.log(`Seeding ${database.label}…`);
    const db = await openMigratedDatabase(database.url);
    const worlds: { world: LoadWorld; cookie: string }[] = [];
    try {
      for (const members of SIZES) {
        const world = await seedLoadWorld(db.prisma, members, `load-${members}`);
        const minted = await mintSessionCookie(db.prisma, world.viewerId, AUTH_SECRET, "roster-bench-load");
        worlds.push({ world, cookie: `${minted.name}=${minted.value}` });
      }
      // As PostgreSQL's autovacuum would soon after a bulk load; PGlite has none.
      await db.prisma.$executeRawUnsafe("VACUUM ANALYZE");
    } finally {
      await db.close(); // PGlite: one process per data directory; the server opens it next.
    }

    const profile = args.profile ? path.resolve(args.profile) : null;
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET,
      AUTH_TRUST_HOST: "true",
      RESEND_API_KEY: "",
      APP_URL: ORIGIN,
      NODE_ENV: "production" as const,
    };
    const targets: Target[] = [];
    if (args.baseline) {
      // PGlite allows one process per data directory: the baseline gets a copy.
      let url = database.url;
      if (url.startsWith("file:")) {
        baselineCopy = mkdtempSync(path.join(os.tmpdir(), "roster-bench-baseline-"));
        cpSync(url.slice("file:".length), path.join(baselineCopy, "pglite"), { recursive: true });
        url = `file:${path.join(baselineCopy, "pglite")}`;
      }
      const origin = `http://127.0.0.1:${PORT + 1}`;
      baselineServer = startNext(PORT + 1, { ...env, DATABASE_URL: url, APP_URL: origin }, { host: "127.0.0.1", stdio: ["ignore", "ignore", "inherit"], dir: path.resolve(args.baseline) });
      if (!(await waitForServer(`${origin}/login`))) throw new Error(`the baseline did not answer on ${origin} within 60 s`);
      targets.push({ build: `baseline (${path.basename(path.resolve(args.baseline))})`, origin, pid: baselineServer.pid! });
    }
    server = startNext(PORT, env, { host: "127.0.0.1", stdio: ["ignore", "ignore", "inherit"], nodeArgs: profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : [] });
    if (!(await waitForServer(`${ORIGIN}/login`))) throw new Error(`the server did not answer on ${ORIGIN} within 60 s`);
    targets.push({ build: "this checkout", origin: ORIGIN, pid: server.pid! });

    if (args.html) mkdirSync(args.html, { recursive: true });
    const runs: Run[] = [];
    const reports: string[] = [];
    for (const { world, cookie } of worlds) {
      for (const page of pagesOf(world)) {
        for (const target of targets) {
          const html = await fetchPage(target.origin, page, cookie);
          reports.push(htmlReport(target.build, page, html));
          if (args.html) writeFileSync(path.join(args.html, `${page.path.split("/").pop()}-${world.members}${target.origin === ORIGIN ? "" : "-baseline"}.html`), html);
          if (SECONDS) await load(target, page, cookie, 10, 2); // warm-up: compiled code paths, caches, the pool
        }
        if (!SECONDS) continue;
        for (const connections of CONNECTIONS) {
          for (const target of targets) {
            console.log(`${page.name}, ${target.build}: ${connections} connections for ${SECONDS} s…`);
            runs.push(await load(target, page, cookie, connections, SECONDS));
          }
        }
      }
    }

    console.log(`\n## What one page costs the server (${ENGINE === "pglite" ? "PGlite" : "PostgreSQL"}, one process, loopback)\n`);
    console.log(`Machine: ${machine}; ${database.label}. Load average (1 / 5 / 15 min) at the start ${loadAtStart}, at the end ${loadAvg()}.`);
    console.log(`Each case: ${SECONDS} s of connections that never pause, after a 2 s warm-up; latency to the last byte.\n`);
    console.log(runTable(runs));
    console.log(`\n### HTML per page (as sent without compression; 1 KB = 1,000 bytes)\n`);
    console.log(reports.join("\n\n"));
    if (profile) console.log(`\nCPU profile: ${profile} (written when the server exits)`);
    if (runs.some((r) => r.errors || r.non2xx)) process.exitCode = 1;
  } finally {
    await stop(server);
    await stop(baselineServer);
    if (baselineCopy) rmSync(baselineCopy, { recursive: true, force: true });
    await database.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
