// The demo workspace's agents, personas and groups (seeded by prisma/seed.ts, in its
// transaction): what a support team would run, two of them open only to their groups, so
// signing in as the writer, the reader or the admin shows the access rule at work.
import type { Tx } from "../lib/db";
import type { Role } from "../lib/authz/permissions";
import type { AgentFieldsInput } from "../lib/agents/schemas";
import type { PersonaFieldsInput } from "../lib/personas/schemas";
import type { Prisma } from "../lib/generated/prisma/client";
import type { AuditAction } from "../lib/audit/actions";
import { recordAudit } from "../lib/audit/record";
import { fullName, personLabel } from "../lib/format";

/** Who made an agent or persona, or is in a group: the demo person with that role (one each). */
type By = Exclude<Role, "billing">;

export const DEMO_AGENTS = [
  {
    name: "Billing assistant",
    description: "Answers questions about invoices, refunds and plan changes.",
    instructions: "Explain charges line by line from the customer's invoice. Offer a refund only within the 30-day window; anything else goes to the billing desk.",
    model: "gpt-4o",
    status: "active",
    visibility: "workspace",
    by: "owner",
  },
  {
    name: "Returns triage",
    description: "Sorts incoming return requests by reason and urgency.",
    instructions: "Read the request, label it damaged, wrong item, changed mind or other, and set urgency from the order date. Never promise a refund.",
    model: "claude-haiku",
    status: "active",
    visibility: "workspace",
    by: "write",
  },
  {
    name: "Onboarding guide",
    description: "Walks new customers through setting up their account.",
    instructions: "Greet the customer by name, then go through the setup checklist one step at a time. Link to the help centre for anything longer than a paragraph.",
    model: "claude-sonnet",
    status: "active",
    visibility: "workspace",
    by: "write",
  },
  {
    name: "Escalations bot",
    description: "Drafts replies for tickets a customer has escalated. Support team only.",
    instructions: "Summarise the ticket's history in three lines, acknowledge the frustration, and draft a reply for a person to review. Never send on its own.",
    model: "gpt-4o",
    status: "active",
    visibility: "groups",
    by: "owner",
  },
  {
    name: "VIP concierge",
    description: "Priority help for enterprise accounts. Paused while the new SLA is agreed; in no group yet, so only owners and admins see it.",
    instructions: "Answer within the enterprise SLA, address the account's named contact, and offer a call with their account manager.",
    model: "claude-sonnet",
    status: "paused",
    visibility: "groups",
    by: "owner",
  },
] as const satisfies readonly (AgentFieldsInput & { by: By })[];

export const DEMO_PERSONAS = [
  {
    name: "Friendly expert",
    description: "The default voice: warm, plain-spoken, sure of the facts.",
    tone: "Short sentences, no jargon, one exclamation mark at most. Say what you will do next.",
    visibility: "workspace",
    by: "write",
  },
  {
    name: "Formal and precise",
    description: "For billing and legal questions, where the wording matters.",
    tone: "Formal register, exact figures and dates, no humour. Quote the policy when refusing.",
    visibility: "workspace",
    by: "owner",
  },
  {
    name: "Calm de-escalator",
    description: "For upset customers. Support team only.",
    tone: "Acknowledge the feeling first, apologise once, then give one concrete next step and a time.",
    visibility: "groups",
    by: "owner",
  },
] as const satisfies readonly (PersonaFieldsInput & { by: By })[];

type AgentName = (typeof DEMO_AGENTS)[number]["name"];
type PersonaName = (typeof DEMO_PERSONAS)[number]["name"];

export const DEMO_GROUPS = [
  {
    name: "Support team",
    description: "Front-line support: tickets, returns and escalations.",
    members: ["write", "read"],
    agents: ["Escalations bot"],
    personas: ["Calm de-escalator"],
  },
  {
    name: "Billing desk",
    description: "Invoices, refunds and plan changes.",
    members: ["admin"],
    agents: ["Billing assistant"],
    personas: [],
  },
] as const satisfies readonly { name: string; description: string; members: readonly By[]; agents: readonly AgentName[]; personas: readonly PersonaName[] }[];

/** A demo person as seeded: their user and their membership of the demo workspace. */
export type SeededPerson = { role: Role; userId: string; membershipId: string; firstName: string; lastName: string; email: string };

export async function seedDemoResources(tx: Tx, workspaceId: string, people: readonly SeededPerson[]) {
  const person = (role: By) => people.find((p) => p.role === role)!;
  const event = (action: AuditAction, target: { type: string; id: string; label: string }, after: Prisma.InputJsonObject) =>
    recordAudit(tx, { workspaceId, action, actor: { type: "system" }, target, after: { ...after, seeded: true } });
  const creator = (role: By) => {
    const p = person(role);
    return { createdById: p.userId, createdByName: fullName(p) };
  };

  const agents = new Map<string, string>();
  for (const { by, ...fields } of DEMO_AGENTS) {
    const agent = await tx.agent.create({ data: { ...fields, workspaceId, searchName: fields.name.toLowerCase(), ...creator(by) } });
    await event("agent.created", { type: "agent", id: agent.id, label: agent.name }, fields);
    agents.set(agent.name, agent.id);
  }
  const personas = new Map<string, string>();
  for (const { by, ...fields } of DEMO_PERSONAS) {
    const persona = await tx.persona.create({ data: { ...fields, workspaceId, searchName: fields.name.toLowerCase(), ...creator(by) } });
    await event("persona.created", { type: "persona", id: persona.id, label: persona.name }, fields);
    personas.set(persona.name, persona.id);
  }
  for (const g of DEMO_GROUPS) {
    const group = await tx.group.create({ data: { workspaceId, name: g.name, nameKey: g.name.toLowerCase(), description: g.description } });
    await event("group.created", { type: "group", id: group.id, label: group.name }, { name: g.name, description: g.description });
    const inGroup = { groupId: group.id, group: group.name };
    for (const role of g.members) {
      const p = person(role);
      await tx.groupMember.create({ data: { groupId: group.id, membershipId: p.membershipId } });
      await event("group.member_added", { type: "member", id: p.userId, label: personLabel(p) }, inGroup);
    }
    for (const name of g.agents) {
      await tx.groupAgent.create({ data: { groupId: group.id, agentId: agents.get(name)! } });
      await event("group.agent_added", { type: "agent", id: agents.get(name)!, label: name }, inGroup);
    }
    for (const name of g.personas) {
      await tx.groupPersona.create({ data: { groupId: group.id, personaId: personas.get(name)! } });
      await event("group.persona_added", { type: "persona", id: personas.get(name)!, label: name }, inGroup);
    }
  }
}
