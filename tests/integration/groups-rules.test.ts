// The rules of groups, beyond who may call what: names (1–100 characters, unique per
// workspace whatever their case), adding and removing as quiet no-ops when there is
// nothing to do, what a deletion takes with it (the group's links, never the people,
// agents or personas), a group gone "in another tab", the audit trail of each add and
// remove, the + popover's candidates, and two admins acting on one group at once.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addToGroup, createGroup, deleteGroup, removeFromGroup, searchGroupCandidates, updateGroup } from "@/lib/groups/actions";
import { deleteAgent } from "@/lib/agents/actions";
import { deletePersona } from "@/lib/personas/actions";
import { personLabel } from "@/lib/format";
import { createSession } from "@/lib/auth/sessions";
import { as, createUser, createWorkspace, signInAs } from "../support/factories";
import { ROUNDS, describeRaces, oneWinner } from "../support/races";
import { changesOf, createAgent, createGroup as groupRow, createPersona, eventsOf, putInGroup, resourceSnapshot } from "../support/resources";

const GONE = { ok: false, code: "not_found", message: "That group does not exist any more. Someone may have deleted it meanwhile; reload the page." };

/** A workspace (owner, admin, write) with the owner signed in. */
async function signedInOwner() {
  const ws = await createWorkspace(["owner", "admin", "write"]);
  const sessionId = await signInAs(ws.members.owner.user);
  return { ...ws, sessionId, id: ws.workspace.id, slug: ws.workspace.slug, owner: ws.members.owner.user };
}

async function addMember(workspaceId: string, person: { firstName: string; lastName: string; email?: string }, role: "write" | "read" = "read") {
  const user = await createUser(person);
  return { user, membership: await prisma.membership.create({ data: { workspaceId, userId: user.id, role } }) };
}

const candidateIds = async (slug: string, groupId: string, kind: "member" | "agent" | "persona", q = "") => {
  const result = await searchGroupCandidates(slug, { groupId, kind, q });
  if (!result.ok) throw new Error(`search refused: ${result.message}`);
  return result.data.candidates.map((c) => c.id);
};

describe("group names", () => {
  it.each([
    ["empty", ""],
    ["only spaces", "   "],
  ])("an %s name is refused with a field error, on create and on rename", async (_what, name) => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const before = await resourceSnapshot();
    const error = { ok: false, code: "invalid_input", fieldErrors: { name: ["Enter a name for the group."] } };
    expect(await createGroup(s.slug, { name })).toMatchObject(error);
    expect(await updateGroup(s.slug, { groupId: group.id, name })).toMatchObject(error);
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("101 characters are refused with a field error; 100 are fine", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const before = await resourceSnapshot();
    const error = { ok: false, code: "invalid_input", fieldErrors: { name: ["Keep the name to 100 characters or fewer."] } };
    expect(await createGroup(s.slug, { name: "a".repeat(101) })).toMatchObject(error);
    expect(await updateGroup(s.slug, { groupId: group.id, name: "b".repeat(101) })).toMatchObject(error);
    expect(await resourceSnapshot()).toEqual(before);

    expect(await createGroup(s.slug, { name: "a".repeat(100) })).toMatchObject({ ok: true });
    expect(await updateGroup(s.slug, { groupId: group.id, name: "b".repeat(100) })).toMatchObject({ ok: true });
    expect(await prisma.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: "b".repeat(100) });
  });

  it("a name taken in another case is refused on create, with the name's field error", async () => {
    const s = await signedInOwner();
    await groupRow(s.id, "support");
    const before = await resourceSnapshot();
    const result = await createGroup(s.slug, { name: "Support" });
    expect(result).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: [expect.stringContaining("“support” already exists")] } });
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("a name taken in another case is refused on rename, with the name's field error", async () => {
    const s = await signedInOwner();
    await groupRow(s.id, "Support");
    const sales = await groupRow(s.id, "Sales");
    const before = await resourceSnapshot();
    const result = await updateGroup(s.slug, { groupId: sales.id, name: "SUPPORT " });
    expect(result).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: [expect.stringContaining("“Support” already exists")] } });
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("the same name in another workspace is fine", async () => {
    const s = await signedInOwner();
    const other = await createWorkspace(["owner"]);
    await groupRow(other.workspace.id, "Support");
    expect(await createGroup(s.slug, { name: "Support" })).toMatchObject({ ok: true });
  });

  it("renaming a group to its own name in a new case is allowed, and audited", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "support");
    expect(await updateGroup(s.slug, { groupId: group.id, name: "Support" })).toEqual({ ok: true, data: { id: group.id } });
    expect(await prisma.group.findUniqueOrThrow({ where: { id: group.id } })).toMatchObject({ name: "Support", nameKey: "support" });
    const events = await eventsOf("group.updated", s.id);
    expect(events.map((e) => [e.before, e.after])).toEqual([[{ name: "support" }, { name: "Support" }]]);
  });

  it("saving a group unchanged succeeds with no event", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const before = await resourceSnapshot();
    expect(await updateGroup(s.slug, { groupId: group.id, name: " Support ", description: "" })).toEqual({ ok: true, data: { id: group.id } });
    expect(await resourceSnapshot()).toEqual(before);
  });
});

describe("adding and removing", () => {
  it("adding what is already in the group is a success with no event", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const agent = await createAgent(s.id, s.owner);
    const persona = await createPersona(s.id, s.owner);
    await putInGroup(group.id, { members: [s.members.write.membershipId], agents: [agent.id], personas: [persona.id] });
    const before = await resourceSnapshot();
    for (const [kind, itemId] of [["member", s.members.write.membershipId], ["agent", agent.id], ["persona", persona.id]] as const) {
      expect(await addToGroup(s.slug, { groupId: group.id, kind, itemId })).toEqual({ ok: true, data: { added: false } });
    }
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("removing what is not in the group is a success with no event", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const other = await groupRow(s.id, "Sales");
    const agent = await createAgent(s.id, s.owner);
    const persona = await createPersona(s.id, s.owner);
    // In another group, not this one: that row must stay.
    await putInGroup(other.id, { members: [s.members.write.membershipId], agents: [agent.id], personas: [persona.id] });
    const before = await resourceSnapshot();
    for (const [kind, itemId] of [["member", s.members.write.membershipId], ["agent", agent.id], ["persona", persona.id]] as const) {
      expect(await removeFromGroup(s.slug, { groupId: group.id, kind, itemId })).toEqual({ ok: true, data: { removed: false } });
    }
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("each add and remove is audited, naming the group and what was added or removed", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const agent = await createAgent(s.id, s.owner, { name: "Triage bot" });
    const persona = await createPersona(s.id, s.owner, { name: "Calm voice" });
    const person = s.members.write.user;
    const items = [
      ["member", s.members.write.membershipId, { targetType: "member", targetId: person.id, targetLabel: personLabel(person) }],
      ["agent", agent.id, { targetType: "agent", targetId: agent.id, targetLabel: "Triage bot" }],
      ["persona", persona.id, { targetType: "persona", targetId: persona.id, targetLabel: "Calm voice" }],
    ] as const;
    const named = { groupId: group.id, group: "Support" };
    for (const [kind, itemId, target] of items) {
      expect(await addToGroup(s.slug, { groupId: group.id, kind, itemId })).toEqual({ ok: true, data: { added: true } });
      const events = await eventsOf(`group.${kind}_added`, s.id);
      expect(events).toMatchObject([{ actorId: s.owner.id, ...target }]);
      expect(changesOf(events)).toEqual([[null, named]]);
    }
    expect(await prisma.groupMember.count({ where: { groupId: group.id } })).toBe(1);
    expect(await prisma.groupAgent.count({ where: { groupId: group.id } })).toBe(1);
    expect(await prisma.groupPersona.count({ where: { groupId: group.id } })).toBe(1);
    for (const [kind, itemId, target] of items) {
      expect(await removeFromGroup(s.slug, { groupId: group.id, kind, itemId })).toEqual({ ok: true, data: { removed: true } });
      const events = await eventsOf(`group.${kind}_removed`, s.id);
      expect(events).toMatchObject([{ actorId: s.owner.id, ...target }]);
      expect(changesOf(events)).toEqual([[named, null]]);
    }
    expect(await prisma.groupMember.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.groupAgent.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.groupPersona.count({ where: { groupId: group.id } })).toBe(0);
  });
});

describe("deleting", () => {
  it("deleting a group removes its member, agent and persona links, never the users, memberships, agents or personas", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const kept = await groupRow(s.id, "Sales");
    const agent = await createAgent(s.id, s.owner, { visibility: "groups" });
    const persona = await createPersona(s.id, s.owner, { visibility: "groups" });
    const members = [s.members.admin.membershipId, s.members.write.membershipId];
    await putInGroup(group.id, { members, agents: [agent.id], personas: [persona.id] });
    await putInGroup(kept.id, { members, agents: [agent.id], personas: [persona.id] });
    const invitation = await prisma.invitation.create({
      data: { workspaceId: s.id, email: "new@example.test", role: "read", tokenHash: `hash-${group.id}`, expiresAt: new Date(Date.now() + 86_400_000), groups: { create: [{ groupId: group.id }, { groupId: kept.id }] } },
    });
    const before = await resourceSnapshot();

    expect(await deleteGroup(s.slug, { groupId: group.id })).toEqual({ ok: true, data: { deleted: group.id } });

    const after = await resourceSnapshot();
    expect(after.groups.map((g) => g.id)).toEqual(before.groups.filter((g) => g.id !== group.id).map((g) => g.id));
    expect(after.groupMembers).toEqual(before.groupMembers.filter((r) => r.groupId !== group.id));
    expect(after.groupAgents).toEqual(before.groupAgents.filter((r) => r.groupId !== group.id));
    expect(after.groupPersonas).toEqual(before.groupPersonas.filter((r) => r.groupId !== group.id));
    expect(after.groupMembers.filter((r) => r.groupId === kept.id)).toHaveLength(2);
    // The people, their memberships and the resources are all still there, unchanged.
    expect([after.users, after.memberships, after.agents, after.personas]).toEqual([before.users, before.memberships, before.agents, before.personas]);
    // The invitation stays; it just no longer adds its person to the deleted group.
    expect(await prisma.invitationGroup.findMany({ where: { invitationId: invitation.id }, select: { groupId: true } })).toEqual([{ groupId: kept.id }]);
    expect(await eventsOf("group.deleted", s.id)).toMatchObject([{ targetId: group.id, before: { name: "Support", members: 2, agents: 1, personas: 1 } }]);
  });

  it("a group deleted in another tab: adding, removing, renaming, deleting and searching it are 'not found'", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const agent = await createAgent(s.id, s.owner);
    expect(await deleteGroup(s.slug, { groupId: group.id })).toMatchObject({ ok: true });
    const before = await resourceSnapshot();
    expect(await addToGroup(s.slug, { groupId: group.id, kind: "member", itemId: s.members.write.membershipId })).toEqual(GONE);
    expect(await addToGroup(s.slug, { groupId: group.id, kind: "agent", itemId: agent.id })).toEqual(GONE);
    expect(await removeFromGroup(s.slug, { groupId: group.id, kind: "agent", itemId: agent.id })).toEqual(GONE);
    expect(await updateGroup(s.slug, { groupId: group.id, name: "Support again" })).toEqual(GONE);
    expect(await deleteGroup(s.slug, { groupId: group.id })).toEqual(GONE);
    expect(await searchGroupCandidates(s.slug, { groupId: group.id, kind: "member", q: "" })).toEqual(GONE);
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("an agent or member gone in another tab cannot be added: 'not found', nothing changes", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const agent = await createAgent(s.id, s.owner);
    const persona = await createPersona(s.id, s.owner);
    const { membership } = await addMember(s.id, { firstName: "Gone", lastName: "Soon" });
    await prisma.agent.delete({ where: { id: agent.id } });
    await prisma.persona.delete({ where: { id: persona.id } });
    await prisma.membership.delete({ where: { id: membership.id } });
    const before = await resourceSnapshot();
    expect(await addToGroup(s.slug, { groupId: group.id, kind: "agent", itemId: agent.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addToGroup(s.slug, { groupId: group.id, kind: "persona", itemId: persona.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await addToGroup(s.slug, { groupId: group.id, kind: "member", itemId: membership.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("deleting an agent removes it from its groups and nothing else", async () => {
    const s = await signedInOwner();
    const [g1, g2] = [await groupRow(s.id, "Support"), await groupRow(s.id, "Sales")];
    const [agent, other] = [await createAgent(s.id, s.owner), await createAgent(s.id, s.owner)];
    const persona = await createPersona(s.id, s.owner);
    for (const g of [g1, g2]) await putInGroup(g.id, { members: [s.members.write.membershipId], agents: [agent.id, other.id], personas: [persona.id] });
    const before = await resourceSnapshot();

    expect(await deleteAgent(s.slug, { agentId: agent.id })).toEqual({ ok: true, data: { deleted: agent.id } });

    const after = await resourceSnapshot();
    expect(after.agents).toEqual(before.agents.filter((a) => a.id !== agent.id));
    expect(after.groupAgents).toEqual(before.groupAgents.filter((r) => r.agentId !== agent.id));
    expect(after.groupAgents.filter((r) => r.agentId === other.id)).toHaveLength(2);
    expect([after.groups, after.groupMembers, after.personas, after.groupPersonas, after.memberships]).toEqual([before.groups, before.groupMembers, before.personas, before.groupPersonas, before.memberships]);
    expect(await eventsOf("agent.deleted", s.id)).toMatchObject([{ targetId: agent.id, before: { groups: 2 } }]);
  });

  it("deleting a persona removes it from its groups and nothing else", async () => {
    const s = await signedInOwner();
    const [g1, g2] = [await groupRow(s.id, "Support"), await groupRow(s.id, "Sales")];
    const [persona, other] = [await createPersona(s.id, s.owner), await createPersona(s.id, s.owner)];
    const agent = await createAgent(s.id, s.owner);
    for (const g of [g1, g2]) await putInGroup(g.id, { members: [s.members.write.membershipId], agents: [agent.id], personas: [persona.id, other.id] });
    const before = await resourceSnapshot();

    expect(await deletePersona(s.slug, { personaId: persona.id })).toEqual({ ok: true, data: { deleted: persona.id } });

    const after = await resourceSnapshot();
    expect(after.personas).toEqual(before.personas.filter((p) => p.id !== persona.id));
    expect(after.groupPersonas).toEqual(before.groupPersonas.filter((r) => r.personaId !== persona.id));
    expect(after.groupPersonas.filter((r) => r.personaId === other.id)).toHaveLength(2);
    expect([after.groups, after.groupMembers, after.agents, after.groupAgents, after.memberships]).toEqual([before.groups, before.groupMembers, before.agents, before.groupAgents, before.memberships]);
    expect(await eventsOf("persona.deleted", s.id)).toMatchObject([{ targetId: persona.id, before: { groups: 2 } }]);
  });
});

describe("the + popover's candidates", () => {
  it("lists the members not yet in the group, matching name or email", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const ada = await addMember(s.id, { firstName: "Ada", lastName: "Lovelace", email: "ada@analytical.test" });
    const alan = await addMember(s.id, { firstName: "Alan", lastName: "Turing", email: "alan@bletchley.test" });
    const grace = await addMember(s.id, { firstName: "Grace", lastName: "Hopper", email: "grace@navy.test" });
    await putInGroup(group.id, { members: [grace.membership.id] });

    const all = await candidateIds(s.slug, group.id, "member");
    expect(all).toEqual(expect.arrayContaining([ada.membership.id, alan.membership.id, s.members.owner.membershipId]));
    expect(all).not.toContain(grace.membership.id);

    expect(await candidateIds(s.slug, group.id, "member", "lovelace")).toEqual([ada.membership.id]);
    expect(await candidateIds(s.slug, group.id, "member", "ADA LOVE")).toEqual([ada.membership.id]);
    expect(await candidateIds(s.slug, group.id, "member", "bletchley")).toEqual([alan.membership.id]);
    // In the group already: not offered, however well it matches.
    expect(await candidateIds(s.slug, group.id, "member", "grace")).toEqual([]);
    expect(await candidateIds(s.slug, group.id, "member", "nobody-like-this")).toEqual([]);

    // Not "ada": the factories' random hex tags ("user-ccbaadae@…") can contain it.
    const result = await searchGroupCandidates(s.slug, { groupId: group.id, kind: "member", q: "lovelace" });
    expect(result).toEqual({ ok: true, data: { candidates: [{ id: ada.membership.id, label: "Ada Lovelace", detail: "ada@analytical.test" }] } });
  });

  it("lists the agents and personas not yet in the group, matching the name, group-only ones marked", async () => {
    const s = await signedInOwner();
    const group = await groupRow(s.id, "Support");
    const triage = await createAgent(s.id, s.owner, { name: "Triage Bot", visibility: "groups" });
    const billing = await createAgent(s.id, s.owner, { name: "Billing Bot" });
    const inside = await createAgent(s.id, s.owner, { name: "Triage Helper" });
    const calm = await createPersona(s.id, s.owner, { name: "Calm Voice" });
    const brisk = await createPersona(s.id, s.owner, { name: "Brisk Voice" });
    await putInGroup(group.id, { agents: [inside.id], personas: [brisk.id] });

    expect(await candidateIds(s.slug, group.id, "agent")).toEqual([billing.id, triage.id]);
    expect(await candidateIds(s.slug, group.id, "agent", "triage")).toEqual([triage.id]);
    expect(await candidateIds(s.slug, group.id, "agent", "BOT")).toEqual([billing.id, triage.id]);
    expect(await candidateIds(s.slug, group.id, "persona")).toEqual([calm.id]);
    expect(await candidateIds(s.slug, group.id, "persona", "brisk")).toEqual([]);

    const result = await searchGroupCandidates(s.slug, { groupId: group.id, kind: "agent", q: "bot" });
    expect(result).toEqual({
      ok: true,
      data: { candidates: [{ id: billing.id, label: "Billing Bot", detail: undefined }, { id: triage.id, label: "Triage Bot", detail: "Restricted" }] },
    });
  });
});

describeRaces("two admins on one group at once", () => {
  const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });

  it("adding the same member twice at once: both succeed, one row, one event", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
      const group = await groupRow(workspace.id, "Support");
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const input = { groupId: group.id, kind: "member" as const, itemId: members.write.membershipId };
      const results = await Promise.all([as(s1, () => addToGroup(workspace.slug, input)), as(s2, () => addToGroup(workspace.slug, input))]);

      expect(results.map((r) => r.ok)).toEqual([true, true]);
      expect(results.map((r) => (r.ok ? r.data.added : null)).sort()).toEqual([false, true]);
      expect(await prisma.groupMember.count({ where: { groupId: group.id } })).toBe(1);
      expect(await eventsOf("group.member_added", workspace.id)).toHaveLength(1);
    }
  });

  it("an add racing a remove of the same agent ends consistent: the row and the log agree with what each call said", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin"]);
      const group = await groupRow(workspace.id, "Support");
      const agent = await createAgent(workspace.id, members.owner.user);
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const input = { groupId: group.id, kind: "agent" as const, itemId: agent.id };
      const [added, removed] = await Promise.all([as(s1, () => addToGroup(workspace.slug, input)), as(s2, () => removeFromGroup(workspace.slug, input))]);

      if (!added.ok || !removed.ok) throw new Error(`Expected both calls to succeed: ${JSON.stringify([added, removed])}`);
      expect(added.data.added).toBe(true);
      // Remove first: it found nothing, and the add stands. Add first: the remove took it out again.
      const inGroup = await prisma.groupAgent.count({ where: { groupId: group.id, agentId: agent.id } });
      expect(inGroup).toBe(removed.data.removed ? 0 : 1);
      expect(await eventsOf("group.agent_added", workspace.id)).toHaveLength(1);
      expect(await eventsOf("group.agent_removed", workspace.id)).toHaveLength(removed.data.removed ? 1 : 0);
    }
  });

  it("two creates of one name in different cases at once: one group, the other told the name is taken", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin"]);
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const results = await Promise.all([
        as(s1, () => createGroup(workspace.slug, { name: "Support" })),
        as(s2, () => createGroup(workspace.slug, { name: "support" })),
      ]);
      const { loser } = oneWinner(results);
      expect(results[loser]).toMatchObject({ ok: false, code: "conflict", fieldErrors: { name: [expect.stringContaining("already exists")] } });
      expect(await prisma.group.count({ where: { workspaceId: workspace.id } })).toBe(1);
      expect(await eventsOf("group.created", workspace.id)).toHaveLength(1);
    }
  });
});
