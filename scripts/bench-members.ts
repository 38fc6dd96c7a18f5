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
// `roster_bench` is created there and dropped at the end. The machinery is shared with
// bench:groups (scripts/lib/bench-common.ts).
import { floorCase, runBench, type Case } from "./lib/bench-common";
import { seedBenchWorld, type BenchWorld } from "./lib/bench-seed";

function cases(world: BenchWorld): Case[] {
  const base = `/w/${world.slug}`;
  const total = world.members;
  return [
    floorCase(world.slug),
    { name: "members, first page", path: `${base}/members`, expect: [`Showing 1–25 of ${total} members`] },
    { name: `search "${world.search.q}"`, path: `${base}/members?q=${world.search.q}`, expect: [`of ${world.search.matches} members`] },
    { name: `role filter "${world.role.role}"`, path: `${base}/members?role=${world.role.role}`, expect: [`of ${world.role.matches} members`] },
    { name: "page 200", path: `${base}/members?page=200`, expect: [`Showing 4976–5000 of ${total} members`] },
  ];
}

runBench({
  title: "Members page",
  database: "roster_bench",
  port: 3199,
  seed: async (db) => {
    const world = await seedBenchWorld(db);
    return { viewerId: world.viewerId, cases: cases(world), summary: `${world.users} users, ${world.workspaces} workspaces` };
  },
});
