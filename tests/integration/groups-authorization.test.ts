// The authorization matrix for groups, called directly (no UI): every group action ×
// every kind of caller. "groups:manage" is owner and admin only; everyone else is refused
// with the right code and nothing changes (rows and audit log). Then ids from another
// workspace: a group, member, agent or persona of B named with A's slug is "not found",
// exactly like an id that never existed, and B is left as it was.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { addToGroup, createGroup, deleteGroup, removeFromGroup, searchGroupCandidates, updateGroup } from "@/lib/groups/actions";
import { personLabel } from "@/lib/format";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { changesOf, createAgent, createGroup as groupRow, createPersona, eventsOf, putInGroup, resourceSnapshot } from "../support/resources";

type Caller = Role | "non-member" | "signed-out";
const CALLERS: Caller[] = ["owner", "admin", "write", "read", "billing", "non-member", "signed-out"];
const MANAGERS: Caller[] = ["owner", "admin"];
const refusalFor = (c: Caller) => (c === "signed-out" ? "unauthenticated" : c === "non-member" ? "not_found" : "forbidden");

/**
 * A workspace with a group "Support" holding one member, agent and persona ("in"), and one
 * of each outside it ("out"); the caller signed in.
 */
async function workspaceWithGroup() {
  const ws = await createWorkspace();
  const id = ws.workspace.id;
  const owner = ws.members.owner.user;
  const inUser = await createUser({ firstName: "Ivy", lastName: "Inside" });
  const outUser = await createUser({ firstName: "Oscar", lastName: "Outside" });
  const inMember = await prisma.membership.create({ data: { workspaceId: id, userId: inUser.id, role: "write" } });
  const outMember = await prisma.membership.create({ data: { workspaceId: id, userId: outUser.id, role: "read" } });
  const group = await prisma.group.update({ where: { id: (await groupRow(id, "Support")).id }, data: { description: "First line" } });
  const items = {
    in: { member: inMember, user: inUser, agent: await createAgent(id, owner, { name: "Inside bot" }), persona: await createPersona(id, owner, { name: "Inside voice" }) },
    out: { member: outMember, user: outUser, agent: await createAgent(id, owner, { name: "Outside bot" }), persona: await createPersona(id, owner, { name: "Outside voice" }) },
  };
  await putInGroup(group.id, { members: [inMember.id], agents: [items.in.agent.id], personas: [items.in.persona.id] });
  return { ...ws, group, items };
}
type Setup = Awaited<ReturnType<typeof workspaceWithGroup>>;

async function setup(caller: Caller) {
  const s = await workspaceWithGroup();
  const user = caller === "signed-out" || caller === "non-member" ? null : s.members[caller].user;
  if (caller === "signed-out") actAs(null);
  else if (caller === "non-member") await signInAs(await createUser());
  else await signInAs(user!);
  return { ...s, user };
}

const KINDS = ["member", "agent", "persona"] as const;
type Kind = (typeof KINDS)[number];
const itemId = (s: Setup, where: "in" | "out", kind: Kind) => (kind === "member" ? s.items[where].member.id : s.items[where][kind].id);
/** What an item's audit event names: the person for a member, the resource otherwise. */
const itemTarget = (s: Setup, where: "in" | "out", kind: Kind) =>
  kind === "member"
    ? { targetType: "member", targetId: s.items[where].user.id, targetLabel: personLabel(s.items[where].user) }
    : { targetType: kind, targetId: s.items[where][kind].id, targetLabel: s.items[where][kind].name };
const rowsIn = (groupId: string, kind: Kind, id: string) =>
  kind === "member"
    ? prisma.groupMember.count({ where: { groupId, membershipId: id } })
    : kind === "agent"
      ? prisma.groupAgent.count({ where: { groupId, agentId: id } })
      : prisma.groupPersona.count({ where: { groupId, personaId: id } });

type Case = {
  action: string;
  /** Audit events an allowed call writes. */
  events: 0 | 1;
  run: (s: Setup) => Promise<{ ok: boolean; code?: string; data?: unknown }>;
  check: (s: Setup, result: { data?: unknown }, actorId: string) => Promise<void>;
};

const CASES: Case[] = [
  {
    action: "create a group",
    events: 1,
    run: (s) => createGroup(s.workspace.slug, { name: " Billing help ", description: "Invoices" }),
    async check(s, result, actorId) {
      const { id } = result.data as { id: string };
      expect(await prisma.group.findUniqueOrThrow({ where: { id } })).toMatchObject({ workspaceId: s.workspace.id, name: "Billing help", nameKey: "billing help", description: "Invoices" });
      const events = await eventsOf("group.created", s.workspace.id);
      expect(events).toMatchObject([{ actorId, targetType: "group", targetId: id, targetLabel: "Billing help" }]);
      expect(changesOf(events)).toEqual([[null, { name: "Billing help", description: "Invoices" }]]);
    },
  },
  {
    action: "rename a group",
    events: 1,
    run: (s) => updateGroup(s.workspace.slug, { groupId: s.group.id, name: "Helpdesk", description: "First line" }),
    async check(s, _result, actorId) {
      expect(await prisma.group.findUniqueOrThrow({ where: { id: s.group.id } })).toMatchObject({ name: "Helpdesk", nameKey: "helpdesk", description: "First line" });
      const [event] = await eventsOf("group.updated", s.workspace.id);
      expect(event).toMatchObject({ actorId, targetId: s.group.id, targetLabel: "Helpdesk" });
      expect([event!.before, event!.after]).toEqual([{ name: "Support" }, { name: "Helpdesk" }]);
    },
  },
  {
    action: "delete a group",
    events: 1,
    run: (s) => deleteGroup(s.workspace.slug, { groupId: s.group.id }),
    async check(s, _result, actorId) {
      expect(await prisma.group.findUnique({ where: { id: s.group.id } })).toBeNull();
      const events = await eventsOf("group.deleted", s.workspace.id);
      expect(events).toMatchObject([{ actorId, targetType: "group", targetId: s.group.id, targetLabel: "Support" }]);
      expect(changesOf(events)).toEqual([[{ name: "Support", description: "First line", members: 1, agents: 1, personas: 1 }, null]]);
    },
  },
  ...KINDS.map(
    (kind): Case => ({
      action: `add a ${kind} to a group`,
      events: 1,
      run: (s) => addToGroup(s.workspace.slug, { groupId: s.group.id, kind, itemId: itemId(s, "out", kind) }),
      async check(s, result, actorId) {
        expect(result.data).toEqual({ added: true });
        expect(await rowsIn(s.group.id, kind, itemId(s, "out", kind))).toBe(1);
        const events = await eventsOf(`group.${kind}_added`, s.workspace.id);
        expect(events).toMatchObject([{ actorId, ...itemTarget(s, "out", kind) }]);
        expect(changesOf(events)).toEqual([[null, { groupId: s.group.id, group: "Support" }]]);
      },
    }),
  ),
  ...KINDS.map(
    (kind): Case => ({
      action: `remove a ${kind} from a group`,
      events: 1,
      run: (s) => removeFromGroup(s.workspace.slug, { groupId: s.group.id, kind, itemId: itemId(s, "in", kind) }),
      async check(s, result, actorId) {
        expect(result.data).toEqual({ removed: true });
        expect(await rowsIn(s.group.id, kind, itemId(s, "in", kind))).toBe(0);
        const events = await eventsOf(`group.${kind}_removed`, s.workspace.id);
        expect(events).toMatchObject([{ actorId, ...itemTarget(s, "in", kind) }]);
        expect(changesOf(events)).toEqual([[{ groupId: s.group.id, group: "Support" }, null]]);
      },
    }),
  ),
  ...KINDS.map(
    (kind): Case => ({
      action: `search the ${kind}s to add to a group`,
      events: 0,
      run: (s) => searchGroupCandidates(s.workspace.slug, { groupId: s.group.id, kind, q: "" }),
      async check(s, result) {
        const ids = (result.data as { candidates: { id: string }[] }).candidates.map((c) => c.id);
        expect(ids).toContain(itemId(s, "out", kind));
        expect(ids).not.toContain(itemId(s, "in", kind));
      },
    }),
  ),
];

describe.each(CASES)("$action", ({ events, run, check }) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const s = await setup(caller);
    const before = await resourceSnapshot();
    const result = await run(s);
    if (MANAGERS.includes(caller)) {
      expect(result).toMatchObject({ ok: true });
      expect(await prisma.auditEvent.count()).toBe(before.auditEvents + events);
      await check(s, result, s.user!.id);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusalFor(caller) });
      expect(await resourceSnapshot()).toEqual(before);
    }
  });
});

describe("ids from another workspace", () => {
  // A's owner acts with A's slug on ids of workspace B (whose group holds one of each
  // kind): every call is "not found" and nothing anywhere changes — also when the
  // caller is an admin of B too, so the slug, not the caller's reach, decides.
  type Both = { a: Setup; b: Setup };
  const RUNS: [string, (x: Both) => Promise<{ ok: boolean; code?: string }>][] = [
    ["rename B's group", ({ a, b }) => updateGroup(a.workspace.slug, { groupId: b.group.id, name: "Taken over" })],
    ["delete B's group", ({ a, b }) => deleteGroup(a.workspace.slug, { groupId: b.group.id })],
    ["add A's member to B's group", ({ a, b }) => addToGroup(a.workspace.slug, { groupId: b.group.id, kind: "member", itemId: a.items.out.member.id })],
    ["remove B's member from B's group", ({ a, b }) => removeFromGroup(a.workspace.slug, { groupId: b.group.id, kind: "member", itemId: b.items.in.member.id })],
    ["search B's group's candidates", ({ a, b }) => searchGroupCandidates(a.workspace.slug, { groupId: b.group.id, kind: "member", q: "" })],
    ...KINDS.flatMap((kind): typeof RUNS => [
      [`add B's ${kind} to A's group`, ({ a, b }) => addToGroup(a.workspace.slug, { groupId: a.group.id, kind, itemId: itemId(b, "out", kind) })],
      [`remove B's ${kind} from A's group`, ({ a, b }) => removeFromGroup(a.workspace.slug, { groupId: a.group.id, kind, itemId: itemId(b, "in", kind) })],
    ]),
  ];
  const CASES = RUNS.flatMap(([what, run]) => [[what, "not a member of B", false, run] as const, [what, "also an admin of B", true, run] as const]);

  it.each(CASES)("%s, caller %s: not found, nothing changes", async (_what, _who, alsoInB, run) => {
    const b = await workspaceWithGroup();
    const a = await setup("owner");
    if (alsoInB) await prisma.membership.create({ data: { workspaceId: b.workspace.id, userId: a.user!.id, role: "admin" } });
    const before = await resourceSnapshot();
    expect(await run({ a, b })).toMatchObject({ ok: false, code: "not_found" });
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("B's items never show up among A's candidates", async () => {
    const b = await workspaceWithGroup();
    const a = await setup("owner");
    for (const kind of KINDS) {
      const result = await searchGroupCandidates(a.workspace.slug, { groupId: a.group.id, kind, q: "" });
      if (!result.ok) throw new Error(result.message);
      const ids = result.data.candidates.map((c) => c.id);
      expect(ids).toContain(itemId(a, "out", kind));
      expect(ids).not.toContain(itemId(b, "out", kind));
      expect(ids).not.toContain(itemId(b, "in", kind));
    }
  });
});
