// npm run bench:groups [-- --engine pglite|postgres] [--requests 200] [--warmup 20]
//
// bench:members' workspace of 10,000 members with 200 groups and 2,000 agents, half of them
// open only to their groups (scripts/lib/bench-groups-seed.ts). As a write member in 20
// groups — who reaches the open agents and the group-only ones of their groups, through
// the access rule (lib/resources/reach.ts) — it measures the time to first byte of the
// agents list (first page, a search, page 40) and the groups page, next to the same floor
// as bench:members (the roles matrix), the cases taking turns request by request. Prints a
// markdown table per engine; exits 0 whatever the figures (a benchmark, not a test).
//
// Engines as bench:members (scripts/lib/bench-common.ts); on PostgreSQL the database is
// `roster_bench_groups`, so the two benchmarks can run side by side (BENCH_PORT apart).
import { floorCase, runBench, type Case } from "./lib/bench-common";
import { seedGroupsBenchWorld, type GroupsBenchWorld } from "./lib/bench-groups-seed";

function cases(world: GroupsBenchWorld): Case[] {
  const base = `/w/${world.slug}`;
  const agents = world.reachable;
  return [
    floorCase(world.slug),
    { name: "agents, first page", path: `${base}/agents`, expect: [`Showing 1–25 of ${agents} agents`] },
    { name: `agents, search "${world.search.q}"`, path: `${base}/agents?q=${world.search.q}`, expect: [`of ${world.search.matches} agents`] },
    { name: "agents, page 40", path: `${base}/agents?page=40`, expect: [`Showing 976–1000 of ${agents} agents`] },
    { name: "groups, first page", path: `${base}/groups`, expect: [`Showing 1–25 of ${world.groups} groups`] },
  ];
}

runBench({
  title: "Agents and groups pages (a write member in 20 groups)",
  database: "roster_bench_groups",
  port: 3198,
  seed: async (db) => {
    const world = await seedGroupsBenchWorld(db);
    return {
      viewerId: world.viewerId,
      cases: cases(world),
      summary:
        `${world.users} users, ${world.workspaces} workspaces, ${world.groups} groups (${world.groupMembers} memberships), ` +
        `${world.agents} agents (${world.groupAgents} group assignments; the viewer reaches ${world.reachable})`,
    };
  },
});
