// npm run bench:audit [-- --engine pglite|postgres] [--requests 200] [--warmup 20]
//
// Seeds one workspace with 1,000,000 audit events (and 50 neighbours with 1,000 each),
// starts the production server on it and measures the audit page's time to first byte:
// the first page, a filtered page (one action) and a deep page (older than 900,000 rows,
// by cursor), next to the roles page as the floor (goal: p95 ≤ 1.5× the floor's). Then
// the full CSV export of the 1,000,000 rows: rows per second (goal ≥ 50,000/s on
// PostgreSQL) and the server's peak resident memory (goal < 256 MB), read from
// /proc/<pid>/status (VmHWM) of the server process, after the page cases and again on a freshly started server. On PostgreSQL, PostgreSQL's own statistics
// around one request per page show which index served it, and that no page scanned the table. Shared machinery: scripts/lib/bench-common.ts.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { floorCase, runBench, type Case } from "./lib/bench-common";
import { BENCH_ACTIONS, BENCH_EVENTS, seedAuditBenchWorld, type AuditBenchWorld } from "./lib/bench-audit-seed";
import { encodeCursor } from "../lib/audit/filters";
import { auditIndexUse } from "./lib/bench-audit-indexes";
import { explainAuditQueries, type ExplainCase } from "./lib/bench-audit-explain";

const DEEP = 900_000;
const FILTER_ACTION = BENCH_ACTIONS[1]!;

/** The id the seed gave event number i (1 = oldest, BENCH_EVENTS = newest). */
const eventId = (world: AuditBenchWorld, i: number) => createHash("md5").update(`${world.workspaceId}${i}`).digest("hex");
/** The i of the k-th newest event (k from 1). */
const kthNewest = (k: number) => BENCH_EVENTS - k + 1;

function cases(world: AuditBenchWorld, deepCursor: string): Case[] {
  const base = `/w/${world.slug}/audit`;
  // The newest event with the filtered action: i % 10 === 1.
  let filtered = BENCH_EVENTS;
  while (filtered % BENCH_ACTIONS.length !== 1) filtered--;
  return [
    floorCase(world.slug),
    { name: "audit, first page", path: base, expect: [eventId(world, kthNewest(1))] },
    { name: `audit, action "${FILTER_ACTION}"`, path: `${base}?action=${FILTER_ACTION}`, expect: [eventId(world, filtered)] },
    { name: `audit, older than ${DEEP.toLocaleString("en-US")} rows`, path: `${base}?before=${deepCursor}`, expect: [eventId(world, kthNewest(DEEP + 1))] },
  ];
}

function rssOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** Streams the whole export, counting lines, and samples the server's memory meanwhile. */
function exportAll(origin: string, path: string, cookie: string, serverPid: number): Promise<{ rows: number; bytes: number; seconds: number; peakSampled: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let rows = -1; // the header
    let bytes = 0;
    let peakSampled = 0;
    const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, rssOf(serverPid).rss)), 100);
    http
      .get(origin + path, { headers: { cookie } }, (res) => {
        if (res.statusCode !== 200) {
          clearInterval(sampler);
          return reject(new Error(`export: HTTP ${res.statusCode}`));
        }
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
        });
        res.on("end", () => {
          clearInterval(sampler);
          resolve({ rows, bytes, seconds: (performance.now() - started) / 1000, peakSampled });
        });
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

let world: AuditBenchWorld;

const EXPORT_HEADER = [
  "| CSV export of all events | rows | MB | seconds | rows/s | server RSS before → after (sampled max), MB | server peak RSS (VmHWM, whole life), MB |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  "",
].join("\n");

let exportsDone = 0;

async function exportRow(label: string, origin: string, cookie: string, serverPid: number): Promise<string> {
  const before = rssOf(serverPid);
  const result = await exportAll(origin, `/w/${world.slug}/audit/export?format=csv`, cookie, serverPid);
  const after = rssOf(serverPid);
  // Each export adds its own `audit.exported` event, which the next one includes.
  const expected = BENCH_EVENTS + exportsDone++;
  if (result.rows !== expected) throw new Error(`the export had ${result.rows} rows, expected ${expected}`);
  const rate = result.rows / result.seconds;
  return `| ${label} | ${result.rows.toLocaleString("en-US")} | ${(result.bytes / 2 ** 20).toFixed(0)} | ${result.seconds.toFixed(1)} | ${Math.round(rate).toLocaleString("en-US")} ${rate >= 50_000 ? "✓" : "✗"} ≥50,000 | ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} (${result.peakSampled.toFixed(0)}) | ${after.peak.toFixed(0)} ${after.peak < 256 ? "✓" : "✗"} <256 |`;
}
let deepCursor: { createdAt: Date; id: string };

/** Every filter's query, for EXPLAIN; a text search (actor, target member) resolves to member ids before the query. */
function explainCases(): ExplainCase[] {
  const member = world.members[7]!;
  return [
    { name: "first page", params: {} },
    { name: `action "${FILTER_ACTION}"`, params: { action: FILTER_ACTION } },
    { name: "two actions", params: { action: [BENCH_ACTIONS[0]!, BENCH_ACTIONS[2]!] } },
    { name: "actor (one member matched)", params: { actor: "member7@bench.test" }, matches: { actor: { ids: [member], email: "member7@bench.test", system: false } } },
    { name: "target member (one matched)", params: { target: "member7@bench.test" }, matches: { target: [member] } },
    { name: "member (as actor or target)", params: { member } },
    { name: "last 7 days", params: { range: "7d" } },
    { name: `older than ${DEEP.toLocaleString("en-US")} rows`, params: {}, cursor: deepCursor },
    { name: `action "${FILTER_ACTION}", older than ${DEEP.toLocaleString("en-US")} rows`, params: { action: FILTER_ACTION }, cursor: deepCursor },
  ];
}

runBench({
  title: "Audit page and export",
  database: "roster_bench_audit",
  port: 3198,
  seed: async (db) => {
    world = await seedAuditBenchWorld(db, (line) => console.log(line));
    exportsDone = 0;
    const k = kthNewest(DEEP);
    const deep = await db.auditEvent.findUniqueOrThrow({ where: { id: eventId(world, k) }, select: { id: true, createdAt: true } });
    deepCursor = deep;
    return {
      viewerId: world.viewerId,
      cases: cases(world, encodeCursor(deep)),
      summary: `${world.events.toLocaleString("en-US")} events in one workspace and ${world.otherEvents.toLocaleString("en-US")} in 50 others`,
    };
  },
  afterPages: async ({ engine, origin, cookie, serverPid, databaseUrl, cases: list }) => {
    const indexes =
      engine === "postgres"
        ? `Index use per page (PostgreSQL's statistics around one request each):\n\n${await auditIndexUse(databaseUrl, origin, cookie, list.slice(1))}\n\n` +
          `EXPLAIN of each filter's query:\n\n${await explainAuditQueries(databaseUrl, world.workspaceId, explainCases())}\n\n`
        : "";
    return indexes + EXPORT_HEADER + (await exportRow("after the page cases", origin, cookie, serverPid));
  },
  onFreshServer: async ({ origin, cookie, serverPid }) => `The same export on a freshly started server, its first request:\n\n${EXPORT_HEADER}${await exportRow("fresh server", origin, cookie, serverPid)}`,
});
