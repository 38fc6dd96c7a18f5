// npm run bench:members [-- --engine pglite|postgres] [--requests 200] [--warmup 20]
//
// Seeds a workspace with 10,000 members (and 50 small workspaces around it), starts the
// production server on it and measures the members page's time to first byte for the
// first page, a search, a search that matches nothing, a search for a single common letter,
// a role filter, page 200 and the sort by last active, next to a trivial authenticated page
// (the roles matrix) on the same server as the floor. Goal: every case's p95 within 1.2× the
// floor's on PostgreSQL and 1.3× on PGlite. Cases take turns request by request,
// so drift (GC, the machine) falls on all of them alike. Prints a markdown table per
// engine; exits 0 whatever the figures (a benchmark, not a test).
//
// Engines: PGlite in a fresh temporary directory, always (unless --engine postgres); and
// PostgreSQL when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server: a fresh database
// (`roster_bench_members`, or BENCH_DATABASE_NAME) is created there and dropped at the end.
// The server listens on port 3199, or BENCH_PORT. The machinery is shared with
// bench:groups (scripts/lib/bench-common.ts).
import { floorCase, runBench, type Case } from "./lib/bench-common";
import { seedBenchWorld, type BenchWorld } from "./lib/bench-seed";
import { MATCH_COUNT_CAP } from "../lib/members/queries";

/** What the summary line says for a search: exact, or "more than" past the count's cap (lib/members/queries.ts). */
const ofMatches = (n: number) => (n === 0 ? "No members" : n > MATCH_COUNT_CAP ? `of more than ${MATCH_COUNT_CAP} members` : `of ${n} member${n === 1 ? "" : "s"}`);

function cases(world: BenchWorld): Case[] {
  const base = `/w/${world.slug}`;
  const total = world.members;
  return [
    floorCase(world.slug),
    { name: "members, first page", path: `${base}/members`, expect: [`Showing 1–25 of ${total} members`] },
    { name: `search "${world.search.q}"`, path: `${base}/members?q=${world.search.q}`, expect: [ofMatches(world.search.matches)] },
    { name: `search "${world.searchNothing.q}" (no match)`, path: `${base}/members?q=${world.searchNothing.q}`, expect: [ofMatches(world.searchNothing.matches)] },
    { name: `search "${world.searchLetter.q}" (one letter)`, path: `${base}/members?q=${world.searchLetter.q}`, expect: [ofMatches(world.searchLetter.matches)] },
    { name: `role filter "${world.role.role}"`, path: `${base}/members?role=${world.role.role}`, expect: [`of ${world.role.matches} members`] },
    { name: "page 200", path: `${base}/members?page=200`, expect: [`Showing 4976–5000 of ${total} members`] },
    { name: "sort by last active", path: `${base}/members?sort=-active`, expect: [`Showing 1–25 of ${total} members`, world.mostRecentlyActive] },
  ];
}

runBench({
  title: "Members page",
  database: process.env.BENCH_DATABASE_NAME || "roster_bench_members",
  port: 3199,
  limits: { postgres: 1.2, pglite: 1.3 },
  seed: async (db) => {
    const world = await seedBenchWorld(db);
    return { viewerId: world.viewerId, cases: cases(world), summary: `${world.users} users, ${world.workspaces} workspaces` };
  },
});
