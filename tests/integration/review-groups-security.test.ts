// Security review of agents, personas and groups (the change since 7b2a1fe). Each test
// here shows one finding: it fails on the code as reviewed and passes once the finding
// is fixed, whichever reasonable fix is chosen (each assertion accepts every fix that
// removes the defect, not one particular implementation).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAgent as createAgentAction } from "@/lib/agents/actions";
import { getAgent, listAgents } from "@/lib/agents/queries";
import { createPersona as createPersonaAction } from "@/lib/personas/actions";
import { listPersonas } from "@/lib/personas/queries";
import { addToGroup, createGroup, searchGroupCandidates, updateGroup } from "@/lib/groups/actions";
import { getMemberGroupAccess, listGroups } from "@/lib/groups/queries";
import { groupListParamsSchema } from "@/lib/groups/schemas";
import { previewBulkInvitations } from "@/lib/invitations/actions";
import { resourceListParamsSchema } from "@/lib/resources/schemas";
import { createWorkspace, signInAs } from "../support/factories";
import { AGENT_FIELDS, PERSONA_FIELDS, createAgent, createGroup as groupRow, putInGroup, readerFor, resourceSnapshot } from "../support/resources";

/** A workspace of every role with its owner signed in. */
async function ownerSignedIn() {
  const ws = await createWorkspace(["owner", "admin", "write", "read", "billing"]);
  await signInAs(ws.members.owner.user);
  return { ...ws, id: ws.workspace.id, slug: ws.workspace.slug, owner: ws.members.owner.user };
}

const outcome = (r: { ok: boolean; code?: string }) => (r.ok ? "ok" : r.code);

describe("group names and Unicode", () => {
  // groupNameKey is name.trim().toLowerCase(): no Unicode normalization, so "Café" typed
  // as é (U+00E9) and as e + U+0301 are two different keys. Both pass assertNameFree and
  // the (workspaceId, nameKey) unique index: two groups that look identical in every
  // list, picker and audit entry, and a bulk CSV typed in the other form names neither.
  const NFC = "Caf\u00e9 team";
  const NFD = "Cafe\u0301 team";

  it("a name that differs only in its Unicode normalization (NFC vs NFD) is the same name: refused as taken", async () => {
    const s = await ownerSignedIn();
    expect(NFC).not.toBe(NFD);
    expect(NFC.normalize("NFC")).toBe(NFD.normalize("NFC"));
    expect(await createGroup(s.slug, { name: NFC })).toMatchObject({ ok: true });
    const second = await createGroup(s.slug, { name: NFD });
    expect(second).toMatchObject({ ok: false, code: "conflict" });
    expect(await prisma.group.count({ where: { workspaceId: s.id } })).toBe(1);
  });

  it("a rename to a look-alike (NFD) of another group's name is refused as taken", async () => {
    const s = await ownerSignedIn();
    await groupRow(s.id, NFC);
    const other = await groupRow(s.id, "Other");
    expect(await updateGroup(s.slug, { groupId: other.id, name: NFD })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("the bulk CSV finds the group whichever normalization the name is typed in", async () => {
    const s = await ownerSignedIn();
    const group = await createGroup(s.slug, { name: NFC });
    if (!group.ok) throw new Error(group.message);
    const preview = await previewBulkInvitations(s.slug, { csv: `newcomer-nfd@example.test,read,${NFD}` });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.rows[0]).toMatchObject({ verdict: "ok", groupIds: [group.data.id] });
  });
});

describe("names made only of invisible characters", () => {
  // resourceNameSchema trims (String.prototype.trim) and asks for 1 character; zero-width
  // and other format characters (U+200B, U+200C, U+200D, U+2060) are not whitespace, so a
  // name that renders as nothing passes, for groups, agents and personas alike.
  it.each([
    ["zero-width space", "\u200B"],
    ["word joiners and zero-width (non-)joiners", "\u2060\u200C\u200D"],
  ])("a name of only %s is refused like an empty one, and nothing is stored", async (_what, name) => {
    const s = await ownerSignedIn();
    const before = await resourceSnapshot();
    expect(outcome(await createGroup(s.slug, { name }))).toBe("invalid_input");
    expect(outcome(await createAgentAction(s.slug, { ...AGENT_FIELDS, name }))).toBe("invalid_input");
    expect(outcome(await createPersonaAction(s.slug, { ...PERSONA_FIELDS, name }))).toBe("invalid_input");
    expect(await resourceSnapshot()).toEqual(before);
  });
});

describe("a NUL character in input", () => {
  // PostgreSQL text cannot hold U+0000. No schema refuses or strips it, so the query
  // fails in the database: the actions answer "internal" (a 500-class error, logged as
  // a server fault) instead of a field error, and the new list and detail pages throw
  // (500) instead of falling back to the default view or answering 404.
  it("creating a group, agent or persona with a NUL is refused as invalid input (or stored without it), never an internal error", async () => {
    const s = await ownerSignedIn();
    expect(outcome(await createGroup(s.slug, { name: "Sup\u0000port" }))).not.toBe("internal");
    expect(outcome(await createAgentAction(s.slug, { ...AGENT_FIELDS, description: "line\u0000two" }))).not.toBe("internal");
    expect(outcome(await createPersonaAction(s.slug, { ...PERSONA_FIELDS, tone: "warm\u0000" }))).not.toBe("internal");
    const group = await groupRow(s.id, "Support");
    expect(outcome(await searchGroupCandidates(s.slug, { groupId: group.id, kind: "agent", q: "bot\u0000" }))).not.toBe("internal");
  });

  it("a NUL in a list's ?q= or in an agent's id answers like any other value: a list, or 404 (null), never a thrown error", async () => {
    const s = await ownerSignedIn();
    const reader = await readerFor(s.members.read.membershipId);
    await expect(listAgents(reader, resourceListParamsSchema.parse({ q: "bot\u0000" }))).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(listPersonas(reader, resourceListParamsSchema.parse({ q: "\u0000" }))).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(listGroups(reader, groupListParamsSchema.parse({ q: "sup\u0000" }))).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(getAgent(reader, "agent\u0000")).resolves.toBeNull();
  });

  it("% and _ in a search are text, not LIKE wildcards matching every name", async () => {
    const s = await ownerSignedIn();
    expect(outcome(await createGroup(s.slug, { name: "Support" }))).toBe("ok");
    expect(outcome(await createAgentAction(s.slug, AGENT_FIELDS))).toBe("ok");
    const reader = await readerFor(s.members.owner.membershipId);
    expect((await listGroups(reader, groupListParamsSchema.parse({}))).total).toBeGreaterThan(0);
    expect((await listAgents(reader, resourceListParamsSchema.parse({}))).total).toBeGreaterThan(0);
    for (const q of ["%", "_", "%_"]) {
      expect((await listGroups(reader, groupListParamsSchema.parse({ q }))).total, q).toBe(0);
      expect((await listAgents(reader, resourceListParamsSchema.parse({ q }))).total, q).toBe(0);
    }
  });
});

describe("billing members and groups", () => {
  // Billing has no agents:view, so no group can give a billing member an agent or persona.
  // Yet an owner or admin can put a billing member in a group (the + popover lists them;
  // an invitation with role billing and groups does the same on acceptance), and the
  // member's page then lists, under "Agents through groups", group-only agents that person
  // cannot open: the page the team uses to review who reaches what overstates access.
  it("the member page of a billing member never lists agents or personas 'through groups' (or billing cannot be put in a group at all)", async () => {
    const s = await ownerSignedIn();
    const group = await groupRow(s.id, "Finance");
    const secret = await createAgent(s.id, s.owner, { name: "Ledger bot", visibility: "groups" });
    await putInGroup(group.id, { agents: [secret.id] });
    const added = await addToGroup(s.slug, { groupId: group.id, kind: "member", itemId: s.members.billing.membershipId });
    const access = await getMemberGroupAccess(await readerFor(s.members.owner.membershipId), { id: s.members.billing.membershipId, role: "billing" });
    const claimed = added.ok ? access.agents.map((a) => a.name) : [];
    expect(claimed).toEqual([]);
  });
});

describe("bulk CSV and group names holding its separators", () => {
  // Group names may contain "|" and ";", which the CSV's groups column splits on, even
  // inside a quoted cell. An admin naming the group "R|D" in a CSV gets a row that is
  // "ready" with groups R and D instead: the invitee joins two other groups (and reaches
  // their group-only agents and personas), not the one named.
  it("a row naming the group 'R|D' never joins the groups 'R' and 'D' instead (or such a name cannot be created)", async () => {
    const s = await ownerSignedIn();
    const r = await groupRow(s.id, "R");
    const d = await groupRow(s.id, "D");
    const created = await createGroup(s.slug, { name: "R|D" });
    if (!created.ok) return; // Fixed by refusing the separators in group names.
    const preview = await previewBulkInvitations(s.slug, { csv: `email,role,groups\nnewcomer-rd@example.test,read,"R|D"` });
    if (!preview.ok) throw new Error(preview.message);
    const row = preview.data.rows[0]!;
    const joins = row.verdict === "ok" ? row.groupIds : [];
    expect(joins).not.toContain(r.id);
    expect(joins).not.toContain(d.id);
  });
});
