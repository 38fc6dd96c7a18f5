// The one access rule for agents and personas (lib/resources/reach.ts), through the
// real reads (listAgents/getAgent/listPersonas/getPersona/listGroups/getGroupContents
// with the reader a page builds) and the real writes: a group-only ("groups") resource
// is reached by owners, admins and members of one of its groups, by nobody else, and a
// write member out of reach is told "not found", as if it did not exist. Nothing about
// access is cached: every kind of change applies on the very next call. Removing or
// losing a member takes their group memberships with it, never what they created.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { deleteAgent, updateAgent } from "@/lib/agents/actions";
import { getAgent, listAgents } from "@/lib/agents/queries";
import { createAgent as createAgentAction } from "@/lib/agents/actions";
import { createPersona as createPersonaAction, deletePersona, updatePersona } from "@/lib/personas/actions";
import { getPersona, listPersonas } from "@/lib/personas/queries";
import { addToGroup, deleteGroup, removeFromGroup } from "@/lib/groups/actions";
import { getGroupContents, listGroups } from "@/lib/groups/queries";
import { leaveWorkspace, removeMember } from "@/lib/members/actions";
import { fullName } from "@/lib/format";
import type { Role } from "@/lib/authz/permissions";
import { as, createUser, createWorkspace, signInAs } from "../support/factories";
import { AGENT_FIELDS, PERSONA_FIELDS, createAgent, createGroup, createPersona, eventsOf, putInGroup, readerFor, resourceSnapshot } from "../support/resources";

const FIRST_PAGE = { q: "", page: 1 };

/** What one member reaches of one agent and one persona: listed, opened, and whether an edit gets through. */
type Reach = { listed: boolean; opened: boolean; edit: string };
const REACHED: Reach = { listed: true, opened: true, edit: "ok" };
const OUT_OF_REACH: Reach = { listed: false, opened: false, edit: "not_found" };

/**
 * A workspace of every role, a group "Support" with a group-only agent and persona, a
 * workspace-wide agent and one other member in it; each member has a session of their own.
 */
async function setup() {
  const ws = await createWorkspace(["owner", "admin", "write", "read"]);
  const id = ws.workspace.id;
  const owner = ws.members.owner.user;
  const group = await createGroup(id, "Support");
  const agent = await createAgent(id, owner, { name: "Secret bot", visibility: "groups" });
  const persona = await createPersona(id, owner, { name: "Secret voice", visibility: "groups" });
  const open = await createAgent(id, owner, { name: "Open bot", visibility: "workspace" });
  // Someone is always in the group, so "in the group" must mean this member, not anyone.
  const bystander = await createUser({ firstName: "Bea", lastName: "Bystander" });
  const bystanderMembership = await prisma.membership.create({ data: { workspaceId: id, userId: bystander.id, role: "read" } });
  await putInGroup(group.id, { members: [bystanderMembership.id], agents: [agent.id, open.id], personas: [persona.id] });
  const sessions = {} as Record<Role, string>;
  for (const role of ["owner", "admin", "write", "read"] as const) sessions[role] = await signInAs(ws.members[role].user);
  const asOwner = <T,>(fn: () => Promise<T>) => as(sessions.owner, fn);
  return { ...ws, id, slug: ws.workspace.slug, group, agent, persona, open, sessions, asOwner };
}
type Setup = Awaited<ReturnType<typeof setup>>;

/** Saves the agent exactly as it is: "ok" if the caller reaches it, the refusal's code otherwise; never a change. */
async function editAgent(s: Setup, sessionId: string, agentId: string) {
  const a = await prisma.agent.findUniqueOrThrow({ where: { id: agentId } });
  const fields = { name: a.name, description: a.description, instructions: a.instructions, model: a.model as "gpt-4o", status: a.status, visibility: a.visibility };
  const result = await as(sessionId, () => updateAgent(s.slug, { agentId, ...fields }));
  return result.ok ? "ok" : result.code;
}

async function editPersona(s: Setup, sessionId: string, personaId: string) {
  const p = await prisma.persona.findUniqueOrThrow({ where: { id: personaId } });
  const result = await as(sessionId, () => updatePersona(s.slug, { personaId, name: p.name, description: p.description, tone: p.tone, visibility: p.visibility }));
  return result.ok ? "ok" : result.code;
}

/** What the member with this role reaches of the setup's group-only agent and persona, right now. */
async function reachOf(s: Setup, role: Role): Promise<{ agent: Reach; persona: Reach }> {
  const reader = await readerFor(s.members[role].membershipId);
  return {
    agent: {
      listed: (await listAgents(reader, FIRST_PAGE)).rows.some((r) => r.id === s.agent.id),
      opened: (await getAgent(reader, s.agent.id)) !== null,
      edit: await editAgent(s, s.sessions[role], s.agent.id),
    },
    persona: {
      listed: (await listPersonas(reader, FIRST_PAGE)).rows.some((r) => r.id === s.persona.id),
      opened: (await getPersona(reader, s.persona.id)) !== null,
      edit: await editPersona(s, s.sessions[role], s.persona.id),
    },
  };
}
const both = (reach: Reach) => ({ agent: reach, persona: reach });

describe("who reaches a group-only agent or persona", () => {
  const CASES = (["owner", "admin", "write", "read"] as const).flatMap((role) => [
    [role, "in its group", true] as const,
    [role, "not in its group", false] as const,
  ]);

  it.each(CASES)("%s %s", async (role, _where, inGroup) => {
    const s = await setup();
    if (inGroup) await putInGroup(s.group.id, { members: [s.members[role].membershipId] });
    const visible = role === "owner" || role === "admin" || inGroup;
    const reader = await readerFor(s.members[role].membershipId);

    // Lists: the group-only agent and persona appear (also when searched for) only if in reach;
    // the workspace-wide agent always does. The count agrees with the rows.
    const agents = await listAgents(reader, FIRST_PAGE);
    expect(agents.rows.map((r) => r.name).sort()).toEqual(visible ? ["Open bot", "Secret bot"] : ["Open bot"]);
    expect(agents.total).toBe(visible ? 2 : 1);
    expect((await listAgents(reader, { q: "secret", page: 1 })).rows.map((r) => r.id)).toEqual(visible ? [s.agent.id] : []);
    const personas = await listPersonas(reader, FIRST_PAGE);
    expect([personas.rows.map((r) => r.id), personas.total]).toEqual(visible ? [[s.persona.id], 1] : [[], 0]);

    // Pages: opened only if in reach, with the groups it is in.
    const agent = await getAgent(reader, s.agent.id);
    expect(agent ? { id: agent.id, groups: agent.groups } : null).toEqual(visible ? { id: s.agent.id, groups: [{ id: s.group.id, name: "Support" }] } : null);
    expect((await getPersona(reader, s.persona.id))?.id ?? null).toBe(visible ? s.persona.id : null);
    expect((await getAgent(reader, s.open.id))?.id).toBe(s.open.id);

    // The groups page: the group and its members for everyone, its group-only items only in reach.
    const [row] = (await listGroups(reader, FIRST_PAGE)).rows;
    expect(row).toMatchObject({ id: s.group.id, members: inGroup ? 2 : 1, agents: visible ? 2 : 1, personas: visible ? 1 : 0 });
    const contents = await getGroupContents(reader, s.group.id);
    expect(contents!.agents.map((a) => a.id)).toEqual(visible ? [s.open.id, s.agent.id] : [s.open.id]);
    expect(contents!.personas.map((p) => p.id)).toEqual(visible ? [s.persona.id] : []);

    // Writes: permission first (read may edit nothing), then reach ("not found" out of it).
    const edit = role === "read" ? "forbidden" : visible ? "ok" : "not_found";
    expect(await editAgent(s, s.sessions[role], s.agent.id)).toBe(edit);
    expect(await editPersona(s, s.sessions[role], s.persona.id)).toBe(edit);
    expect(await editAgent(s, s.sessions[role], s.open.id)).toBe(role === "read" ? "forbidden" : "ok");
  });

  it("a write member outside the group gets 'not found' for editing or deleting it, and nothing changes", async () => {
    const s = await setup();
    const before = await resourceSnapshot();
    const NOT_FOUND_AGENT = { ok: false, code: "not_found", message: "That agent does not exist, or was deleted." };
    const NOT_FOUND_PERSONA = { ok: false, code: "not_found", message: "That persona does not exist, or was deleted." };
    await as(s.sessions.write, async () => {
      expect(await updateAgent(s.slug, { ...AGENT_FIELDS, visibility: "workspace", agentId: s.agent.id })).toEqual(NOT_FOUND_AGENT);
      expect(await deleteAgent(s.slug, { agentId: s.agent.id })).toEqual(NOT_FOUND_AGENT);
      expect(await updatePersona(s.slug, { ...PERSONA_FIELDS, name: "Mine now", personaId: s.persona.id })).toEqual(NOT_FOUND_PERSONA);
      expect(await deletePersona(s.slug, { personaId: s.persona.id })).toEqual(NOT_FOUND_PERSONA);
    });
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("a write member in the group may edit it and delete it", async () => {
    const s = await setup();
    await putInGroup(s.group.id, { members: [s.members.write.membershipId] });
    await as(s.sessions.write, async () => {
      expect(await updateAgent(s.slug, { ...AGENT_FIELDS, name: "Secret bot v2", visibility: "groups", agentId: s.agent.id })).toEqual({ ok: true, data: { id: s.agent.id } });
      expect(await updatePersona(s.slug, { ...PERSONA_FIELDS, name: "Secret voice v2", visibility: "groups", personaId: s.persona.id })).toMatchObject({ ok: true });
    });
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: s.agent.id } })).toMatchObject({ name: "Secret bot v2", visibility: "groups" });
    expect(await prisma.persona.findUniqueOrThrow({ where: { id: s.persona.id } })).toMatchObject({ name: "Secret voice v2" });
    expect(await eventsOf("agent.updated", s.id)).toMatchObject([{ actorId: s.members.write.user.id, before: { name: "Secret bot" }, after: { name: "Secret bot v2" } }]);

    await as(s.sessions.write, async () => {
      expect(await deleteAgent(s.slug, { agentId: s.agent.id })).toEqual({ ok: true, data: { deleted: s.agent.id } });
      expect(await deletePersona(s.slug, { personaId: s.persona.id })).toEqual({ ok: true, data: { deleted: s.persona.id } });
    });
    expect(await prisma.agent.findUnique({ where: { id: s.agent.id } })).toBeNull();
    expect(await prisma.persona.findUnique({ where: { id: s.persona.id } })).toBeNull();
    expect(await eventsOf("agent.deleted", s.id)).toMatchObject([{ actorId: s.members.write.user.id, before: { groups: 1 } }]);
  });
});

describe("access changes on the very next call", () => {
  it("a member added to the group gains it; removed from the group, loses it", async () => {
    const s = await setup();
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
    expect(await s.asOwner(() => addToGroup(s.slug, { groupId: s.group.id, kind: "member", itemId: s.members.write.membershipId }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(REACHED));
    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: s.group.id, kind: "member", itemId: s.members.write.membershipId }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
  });

  it("the agent or persona removed from the group is lost to its members; added back, regained", async () => {
    const s = await setup();
    await putInGroup(s.group.id, { members: [s.members.write.membershipId] });
    expect(await reachOf(s, "write")).toEqual(both(REACHED));
    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: s.group.id, kind: "agent", itemId: s.agent.id }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual({ agent: OUT_OF_REACH, persona: REACHED });
    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: s.group.id, kind: "persona", itemId: s.persona.id }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
    expect(await s.asOwner(() => addToGroup(s.slug, { groupId: s.group.id, kind: "agent", itemId: s.agent.id }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual({ agent: REACHED, persona: OUT_OF_REACH });
  });

  it("the group deleted: its members lose what it gave them", async () => {
    const s = await setup();
    await putInGroup(s.group.id, { members: [s.members.write.membershipId, s.members.read.membershipId] });
    expect(await reachOf(s, "write")).toEqual(both(REACHED));
    expect(await s.asOwner(() => deleteGroup(s.slug, { groupId: s.group.id }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
    const reader = await readerFor(s.members.read.membershipId);
    expect([await getAgent(reader, s.agent.id), await getPersona(reader, s.persona.id)]).toEqual([null, null]);
    // Owners and admins keep reaching it: it is only group-only, not gone.
    expect(await reachOf(s, "admin")).toEqual(both(REACHED));
  });

  it("visibility switched to the workspace: everyone gains it; back to its groups: they lose it", async () => {
    const s = await setup();
    const setVisibility = (visibility: "workspace" | "groups") =>
      s.asOwner(async () => [
        await updateAgent(s.slug, { ...AGENT_FIELDS, name: "Secret bot", visibility, agentId: s.agent.id }),
        await updatePersona(s.slug, { ...PERSONA_FIELDS, name: "Secret voice", visibility, personaId: s.persona.id }),
      ]);
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
    expect(await setVisibility("workspace")).toMatchObject([{ ok: true }, { ok: true }]);
    expect(await reachOf(s, "write")).toEqual(both(REACHED));
    const reader = await readerFor(s.members.read.membershipId);
    expect((await listAgents(reader, FIRST_PAGE)).rows.map((r) => r.id)).toContain(s.agent.id);
    expect(await setVisibility("groups")).toMatchObject([{ ok: true }, { ok: true }]);
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
    expect((await listAgents(reader, FIRST_PAGE)).rows.map((r) => r.id)).not.toContain(s.agent.id);
    expect(await eventsOf("agent.updated", s.id)).toMatchObject([
      { before: { visibility: "groups" }, after: { visibility: "workspace" } },
      { before: { visibility: "workspace" }, after: { visibility: "groups" } },
    ]);
  });

  it("a role change applies too: a read member in the group made write may now edit it", async () => {
    const s = await setup();
    await putInGroup(s.group.id, { members: [s.members.read.membershipId] });
    expect(await reachOf(s, "read")).toEqual(both({ ...REACHED, edit: "forbidden" }));
    await prisma.membership.update({ where: { id: s.members.read.membershipId }, data: { role: "write" } });
    expect(await reachOf(s, "read")).toEqual(both(REACHED));
  });
});

describe("mixed paths", () => {
  it("a member in two of the agent's groups, removed from one, keeps access through the other", async () => {
    const s = await setup();
    const other = await createGroup(s.id, "Escalations");
    await putInGroup(other.id, { agents: [s.agent.id], personas: [s.persona.id] });
    for (const g of [s.group, other]) await putInGroup(g.id, { members: [s.members.write.membershipId] });
    expect(await reachOf(s, "write")).toEqual(both(REACHED));

    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: s.group.id, kind: "member", itemId: s.members.write.membershipId }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(REACHED));
    expect((await getAgent(await readerFor(s.members.write.membershipId), s.agent.id))!.groups).toEqual([
      { id: other.id, name: "Escalations" },
      { id: s.group.id, name: "Support" },
    ]);

    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: other.id, kind: "member", itemId: s.members.write.membershipId }))).toMatchObject({ ok: true });
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
  });

  it("an agent in two groups, removed from the member's one, is lost; removed from the other one only, is kept", async () => {
    const s = await setup();
    const other = await createGroup(s.id, "Escalations");
    await putInGroup(other.id, { agents: [s.agent.id] });
    await putInGroup(s.group.id, { members: [s.members.write.membershipId] });
    expect((await reachOf(s, "write")).agent).toEqual(REACHED);
    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: other.id, kind: "agent", itemId: s.agent.id }))).toMatchObject({ ok: true });
    expect((await reachOf(s, "write")).agent).toEqual(REACHED);
    expect(await s.asOwner(() => addToGroup(s.slug, { groupId: other.id, kind: "agent", itemId: s.agent.id }))).toMatchObject({ ok: true });
    expect(await s.asOwner(() => removeFromGroup(s.slug, { groupId: s.group.id, kind: "agent", itemId: s.agent.id }))).toMatchObject({ ok: true });
    expect((await reachOf(s, "write")).agent).toEqual(OUT_OF_REACH);
  });

  it("membership of a group in another workspace gives nothing here", async () => {
    const s = await setup();
    const elsewhere = await createWorkspace(["owner"]);
    const foreign = await createGroup(elsewhere.workspace.id, "Support");
    const theirs = await prisma.membership.create({ data: { workspaceId: elsewhere.workspace.id, userId: s.members.write.user.id, role: "write" } });
    await putInGroup(foreign.id, { members: [theirs.id] });
    // A stray link (the actions never make one) from the foreign group to this agent must not open it either.
    await putInGroup(foreign.id, { agents: [s.agent.id] });
    expect(await reachOf(s, "write")).toEqual(both(OUT_OF_REACH));
  });
});

describe("a member who goes", () => {
  /** The write member in two groups, with an agent and a persona they created through the actions. */
  async function memberWithWork() {
    const s = await setup();
    const other = await createGroup(s.id, "Escalations");
    const writer = s.members.write;
    for (const g of [s.group, other]) await putInGroup(g.id, { members: [writer.membershipId, s.members.read.membershipId] });
    const [agent, persona] = await as(s.sessions.write, async () => [
      await createAgentAction(s.slug, { ...AGENT_FIELDS, name: "Writer's bot" }),
      await createPersonaAction(s.slug, { ...PERSONA_FIELDS, name: "Writer's voice" }),
    ]);
    if (!agent.ok || !persona.ok) throw new Error("setup: create refused");
    await putInGroup(s.group.id, { agents: [agent.data.id], personas: [persona.data.id] });
    return { ...s, other, writer, made: { agentId: agent.data.id, personaId: persona.data.id } };
  }
  type WithWork = Awaited<ReturnType<typeof memberWithWork>>;

  async function creatorAsListed(s: WithWork) {
    const reader = await readerFor(s.members.owner.membershipId);
    const agents = await listAgents(reader, FIRST_PAGE);
    const personas = await listPersonas(reader, FIRST_PAGE);
    return {
      agent: agents.rows.find((r) => r.id === s.made.agentId)?.creator,
      persona: personas.rows.find((r) => r.id === s.made.personaId)?.creator,
      page: (await getAgent(reader, s.made.agentId))?.creator,
    };
  }

  /** Their group memberships are gone the moment the call returns; everything else is as it was. */
  async function expectGoneCleanly(s: WithWork, before: Awaited<ReturnType<typeof resourceSnapshot>>) {
    const after = await resourceSnapshot();
    expect(await prisma.groupMember.count({ where: { membershipId: s.writer.membershipId } })).toBe(0);
    expect(after.groupMembers).toEqual(before.groupMembers.filter((r) => r.membershipId !== s.writer.membershipId));
    expect(after.groupMembers.filter((r) => r.membershipId === s.members.read.membershipId)).toHaveLength(2);
    expect([after.groups, after.agents, after.personas, after.groupAgents, after.groupPersonas]).toEqual([before.groups, before.agents, before.personas, before.groupAgents, before.groupPersonas]);
    expect(await prisma.user.findUnique({ where: { id: s.writer.user.id } })).not.toBeNull();
    const name = fullName(s.writer.user);
    expect(await creatorAsListed(s)).toEqual({ agent: { name, removed: true }, persona: { name, removed: true }, page: { name, removed: true } });
  }

  it("removed (removeMember): their group memberships go with the membership; what they created stays, marked removed", async () => {
    const s = await memberWithWork();
    const name = fullName(s.writer.user);
    expect(await creatorAsListed(s)).toEqual({ agent: { name, removed: false }, persona: { name, removed: false }, page: { name, removed: false } });
    const before = await resourceSnapshot();
    expect(await s.asOwner(() => removeMember(s.slug, { memberId: s.writer.membershipId }))).toEqual({ ok: true, data: { removed: s.writer.membershipId } });
    await expectGoneCleanly(s, before);
  });

  it("left (leaveWorkspace): the same", async () => {
    const s = await memberWithWork();
    const before = await resourceSnapshot();
    expect(await as(s.sessions.write, () => leaveWorkspace(s.slug, {}))).toEqual({ ok: true, data: { left: s.slug } });
    await expectGoneCleanly(s, before);
  });

  it("a refused removal keeps their group memberships: they live and die with the membership, in its transaction", async () => {
    const s = await memberWithWork();
    const before = await resourceSnapshot();
    // The admin may not remove the owner: refused, rolled back, nothing of the owner's groups touched.
    await putInGroup(s.group.id, { members: [s.members.owner.membershipId] });
    const withOwner = await resourceSnapshot();
    expect(await as(s.sessions.admin, () => removeMember(s.slug, { memberId: s.members.owner.membershipId }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resourceSnapshot()).toEqual(withOwner);
    expect(withOwner.groupMembers.length).toBe(before.groupMembers.length + 1);
  });
});

// A write member who saves an agent or persona out of their own reach would lose it on
// the spot: the save is refused and rolled back. Owners and admins reach everything.
describe("saving out of one's own reach", () => {
  it("refuses a write member creating a group-only agent or persona, and creates nothing", async () => {
    const s = await setup();
    const before = await resourceSnapshot();
    const agent = await as(s.sessions.write, () => createAgentAction(s.slug, { ...AGENT_FIELDS, visibility: "groups" }));
    const persona = await as(s.sessions.write, () => createPersonaAction(s.slug, { ...PERSONA_FIELDS, visibility: "groups" }));
    for (const result of [agent, persona]) {
      expect(result).toMatchObject({ ok: false, code: "forbidden", fieldErrors: { visibility: [expect.stringMatching(/would lose access/)] } });
    }
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("refuses a write member restricting an open agent to groups they are not in; lets one in its group", async () => {
    const s = await setup();
    const fields = { ...AGENT_FIELDS, name: "Open bot", visibility: "groups" as const };
    const before = await resourceSnapshot();
    expect(await as(s.sessions.write, () => updateAgent(s.slug, { agentId: s.open.id, ...fields }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await resourceSnapshot()).toEqual(before);
    await putInGroup(s.group.id, { members: [s.members.write.membershipId] });
    expect(await as(s.sessions.write, () => updateAgent(s.slug, { agentId: s.open.id, ...fields }))).toMatchObject({ ok: true });
    expect((await prisma.agent.findUniqueOrThrow({ where: { id: s.open.id } })).visibility).toBe("groups");
  });

  it("lets an admin create a group-only agent in no group yet", async () => {
    const s = await setup();
    const result = await as(s.sessions.admin, () => createAgentAction(s.slug, { ...AGENT_FIELDS, visibility: "groups" }));
    expect(result).toMatchObject({ ok: true });
  });
});
