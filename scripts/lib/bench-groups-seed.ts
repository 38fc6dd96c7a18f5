// The groups benchmark's world: bench:members' workspace of 10,000 members (scripts/lib/bench-seed.ts),
// plus 200 groups, 2,000 agents of which half are open only to their groups (each in 1–3
// of them), members spread over the groups, and the viewer: a write member in 20 groups.
// Written with createMany in batches; deterministic, so every run seeds the same world.
import { randomUUID } from "node:crypto";
import type { Db } from "../../lib/db";
import { AGENT_MODELS } from "../../lib/agents/schemas";
import { fullName } from "../../lib/format";
import { seedBenchWorld } from "./bench-seed";

const DEPARTMENTS = ["Support", "Billing", "Sales", "Onboarding", "Escalations", "Returns", "Enterprise", "Partners", "Marketing", "Engineering", "Product", "Legal", "Finance", "Security", "Data", "Design", "Operations", "Success", "Training", "Research"];
const REGIONS = ["EMEA", "APAC", "Americas", "North", "South", "East", "West", "Central", "Nordics", "DACH"];
// One topic in 40 is "Refund", so the search case finds about 2.5% of the agents.
const TOPICS = ["Billing", "Refund", "Returns", "Onboarding", "Escalation", "Shipping", "Warranty", "Invoice", "Account", "Password", "Order", "Tracking", "Loyalty", "Subscription", "Upgrade", "Cancellation", "Feedback", "Survey", "Pricing", "Quote", "Compliance", "Privacy", "Security", "Fraud", "Chargeback", "Delivery", "Exchange", "Promo", "Gift card", "Inventory", "Booking", "Scheduling", "Appointment", "Claims", "Renewal", "Translation", "Knowledge base", "FAQ", "Outage", "Status page"];
const KINDS = ["assistant", "bot", "triage", "guide", "helper", "concierge", "router", "summariser", "drafter", "checker"];
const MARKETS = ["EMEA", "APAC", "Americas", "UK", "DACH"];

export const BENCH_GROUPS = DEPARTMENTS.length * REGIONS.length; // 200
export const BENCH_AGENTS = TOPICS.length * KINDS.length * MARKETS.length; // 2,000
const VIEWER_GROUPS = 20;
const SEARCH = "refund";
const BATCH = 1_000;

export type GroupsBenchWorld = {
  slug: string;
  /** The write member whose session the requests carry. */
  viewerId: string;
  users: number;
  workspaces: number;
  groups: number;
  agents: number;
  groupMembers: number;
  groupAgents: number;
  /** What the viewer's pages should say, so the benchmark checks each one. */
  reachable: number;
  search: { q: string; matches: number };
};

/** A repeatable "random" number in [0, 1) for the n-th draw of one stream (murmur3's finaliser over both). */
function spread(stream: number, n: number): number {
  let h = Math.imul(n, 0x9e3779b1) ^ Math.imul(stream + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

async function createInBatches<T>(rows: T[], write: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await write(rows.slice(i, i + BATCH));
}

export async function seedGroupsBenchWorld(db: Db): Promise<GroupsBenchWorld> {
  const base = await seedBenchWorld(db);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: base.slug }, select: { id: true } });
  const workspaceId = workspace.id;
  const memberships = await db.membership.findMany({
    where: { workspaceId },
    orderBy: { searchEmail: "asc" },
    select: { id: true, userId: true, role: true, user: { select: { firstName: true, lastName: true } } },
  });
  const viewer = memberships.find((m) => m.role === "write")!;
  const now = Date.now();
  const since = Date.UTC(2024, 0, 1);
  const when = (n: number) => new Date(since + spread(0, n) * (now - since));

  const groups = DEPARTMENTS.flatMap((d) => REGIONS.map((r) => `${d} ${r}`)).map((name, g) => ({
    id: randomUUID(),
    workspaceId,
    name,
    nameKey: name.toLowerCase(),
    description: `The ${name} team's members, agents and personas.`,
    createdAt: when(g),
    updatedAt: when(g),
  }));
  // The viewer's 20 groups: every tenth, so they spread over the alphabet.
  const viewerGroups = new Set(groups.filter((_, g) => g % (BENCH_GROUPS / VIEWER_GROUPS) === 0).map((g) => g.id));

  // Everyone else is in 0, 1 or 2 groups (about 50 members a group).
  const groupMembers = [...viewerGroups].map((groupId) => ({ groupId, membershipId: viewer.id }));
  for (const [n, m] of memberships.entries()) {
    if (m.id === viewer.id) continue;
    const chosen = new Set(Array.from({ length: Math.floor(spread(1, n) * 3) }, (_, k) => groups[Math.floor(spread(2, n * 3 + k) * BENCH_GROUPS)]!.id));
    for (const groupId of chosen) groupMembers.push({ groupId, membershipId: m.id });
  }

  // Agents are made by 40 of the admins and write members; one in 20 by someone since gone.
  const creators = memberships.filter((m) => m.role === "admin" || m.role === "write").slice(0, 40);
  const names = TOPICS.flatMap((t) => KINDS.map((k) => `${t} ${k}`)).flatMap((n) => MARKETS.map((m) => `${n} (${m})`));
  const agents = names.map((name, i) => {
    const creator = creators[Math.floor(spread(3, i) * creators.length)]!;
    const gone = spread(4, i) < 0.05;
    const createdAt = when(1_000 + i);
    return {
      id: randomUUID(),
      workspaceId,
      name,
      searchName: name.toLowerCase(),
      description: `Handles ${name.split(" (")[0]!.toLowerCase()} requests for the ${name.slice(name.indexOf("(") + 1, -1)} market.`,
      instructions: "Answer from the help centre first. Keep replies under 120 words. Hand over to a person when the customer asks for one or mentions a complaint.",
      model: AGENT_MODELS[Math.floor(spread(5, i) * AGENT_MODELS.length)]!,
      status: spread(6, i) < 0.1 ? ("paused" as const) : ("active" as const),
      visibility: i % 2 === 1 ? ("groups" as const) : ("workspace" as const),
      createdById: gone ? null : creator.userId,
      createdByName: fullName(creator.user),
      createdAt,
      updatedAt: new Date(createdAt.getTime() + spread(7, i) * (now - createdAt.getTime())),
    };
  });
  // Each group-only agent is in 1–3 groups.
  const groupAgents: { groupId: string; agentId: string }[] = [];
  const reach = new Set<string>();
  for (const [i, a] of agents.entries()) {
    if (a.visibility === "workspace") {
      reach.add(a.id);
      continue;
    }
    const chosen = new Set(Array.from({ length: 1 + Math.floor(spread(8, i) * 3) }, (_, k) => groups[Math.floor(spread(9, i * 3 + k) * BENCH_GROUPS)]!.id));
    for (const groupId of chosen) {
      groupAgents.push({ groupId, agentId: a.id });
      if (viewerGroups.has(groupId)) reach.add(a.id);
    }
  }

  await db.group.createMany({ data: groups });
  await createInBatches(groupMembers, (data) => db.groupMember.createMany({ data }));
  await createInBatches(agents, (data) => db.agent.createMany({ data }));
  await createInBatches(groupAgents, (data) => db.groupAgent.createMany({ data }));

  const reachable = agents.filter((a) => reach.has(a.id));
  return {
    slug: base.slug,
    viewerId: viewer.userId,
    users: base.users,
    workspaces: base.workspaces,
    groups: groups.length,
    agents: agents.length,
    groupMembers: groupMembers.length,
    groupAgents: groupAgents.length,
    reachable: reachable.length,
    search: { q: SEARCH, matches: reachable.filter((a) => a.searchName.includes(SEARCH)).length },
  };
}
