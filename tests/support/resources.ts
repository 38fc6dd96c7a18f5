import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { fullName } from "@/lib/format";
import { readerOf, type Reader } from "@/lib/resources/reach";

// Rows for the agents, personas and groups tests, written directly with prisma (the
// actions under test are never used to set a test up), and the snapshot a refused
// action must leave untouched.

type Visibility = "workspace" | "groups";
type Creator = { id: string; firstName: string; lastName: string };

/** The full input of an agent form: what `createAgent` and `updateAgent` take (without `agentId`). */
export const AGENT_FIELDS = {
  name: "Support bot",
  description: "Answers first-line questions",
  instructions: "Be brief and kind.",
  model: "gpt-4o",
  status: "active",
  visibility: "workspace",
} as const;

/** The full input of a persona form. */
export const PERSONA_FIELDS = { name: "Friendly voice", description: "Warm and plain", tone: "Warm, short sentences.", visibility: "workspace" } as const;

export async function createAgent(workspaceId: string, creator: Creator, overrides: { name?: string; visibility?: Visibility } = {}) {
  const name = overrides.name ?? `${AGENT_FIELDS.name} ${randomBytes(3).toString("hex")}`;
  return prisma.agent.create({
    data: { ...AGENT_FIELDS, ...overrides, name, searchName: name.toLowerCase(), workspaceId, createdById: creator.id, createdByName: fullName(creator) },
  });
}

export async function createPersona(workspaceId: string, creator: Creator, overrides: { name?: string; visibility?: Visibility } = {}) {
  const name = overrides.name ?? `${PERSONA_FIELDS.name} ${randomBytes(3).toString("hex")}`;
  return prisma.persona.create({
    data: { ...PERSONA_FIELDS, ...overrides, name, searchName: name.toLowerCase(), workspaceId, createdById: creator.id, createdByName: fullName(creator) },
  });
}

export async function createGroup(workspaceId: string, name = `Group ${randomBytes(3).toString("hex")}`) {
  return prisma.group.create({ data: { workspaceId, name, nameKey: name.trim().toLowerCase() } });
}

/** Puts members (by membership id), agents and personas into a group. */
export async function putInGroup(groupId: string, items: { members?: string[]; agents?: string[]; personas?: string[] }) {
  for (const membershipId of items.members ?? []) await prisma.groupMember.create({ data: { groupId, membershipId } });
  for (const agentId of items.agents ?? []) await prisma.groupAgent.create({ data: { groupId, agentId } });
  for (const personaId of items.personas ?? []) await prisma.groupPersona.create({ data: { groupId, personaId } });
}

/** The reader a page builds for this membership (`readerOf`), read from the database as it is now. */
export async function readerFor(membershipId: string): Promise<Reader> {
  return readerOf(await prisma.membership.findUniqueOrThrow({ where: { id: membershipId } }), prisma);
}

/**
 * Everything the agents, personas and groups actions could change, in every workspace:
 * a refused action must leave it exactly as it was (rows, their fields, the audit log).
 */
export async function resourceSnapshot() {
  const byId = { orderBy: { id: "asc" as const } };
  const [agents, personas, groups, groupMembers, groupAgents, groupPersonas, memberships, users, auditEvents] = await Promise.all([
    prisma.agent.findMany(byId),
    prisma.persona.findMany(byId),
    prisma.group.findMany(byId),
    prisma.groupMember.findMany({ orderBy: [{ groupId: "asc" }, { membershipId: "asc" }] }),
    prisma.groupAgent.findMany({ orderBy: [{ groupId: "asc" }, { agentId: "asc" }] }),
    prisma.groupPersona.findMany({ orderBy: [{ groupId: "asc" }, { personaId: "asc" }] }),
    prisma.membership.findMany({ ...byId, select: { id: true, userId: true, role: true } }),
    prisma.user.count(),
    prisma.auditEvent.count(),
  ]);
  return { agents, personas, groups, groupMembers, groupAgents, groupPersonas, memberships, users, auditEvents };
}

/** The audit events with this action, oldest first. */
export const eventsOf = (action: string, workspaceId?: string) =>
  prisma.auditEvent.findMany({ where: { action, ...(workspaceId ? { workspaceId } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/** The events' `[before, after]`, for an exact comparison (toMatchObject would let extra fields through). */
export const changesOf = (events: { before: unknown; after: unknown }[]) => events.map((e) => [e.before, e.after]);
