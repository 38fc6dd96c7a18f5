// The authorization matrix for agents and personas, called directly (no UI): every
// create/update/delete × every kind of caller. Allowed exactly as lib/authz/permissions.ts
// says ("agents:manage": owner, admin, write); a refusal carries the right code and
// changes nothing (rows and audit log); an allowed write records exactly one audit event,
// and an edit records only the fields it changed.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createAgent, deleteAgent, updateAgent } from "@/lib/agents/actions";
import { createPersona, deletePersona, updatePersona } from "@/lib/personas/actions";
import { fullName } from "@/lib/format";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { AGENT_FIELDS, PERSONA_FIELDS, createAgent as agentRow, createPersona as personaRow, eventsOf, resourceSnapshot } from "../support/resources";

type Caller = Role | "non-member" | "signed-out";
const CALLERS: Caller[] = ["owner", "admin", "write", "read", "billing", "non-member", "signed-out"];
const MANAGERS: Caller[] = ["owner", "admin", "write"];
const refusalFor = (c: Caller) => (c === "signed-out" ? "unauthenticated" : c === "non-member" ? "not_found" : "forbidden");

/** A full workspace with one workspace-wide agent and persona (made by its owner), and the caller signed in. */
async function setup(caller: Caller) {
  const ws = await createWorkspace();
  const agent = await agentRow(ws.workspace.id, ws.members.owner.user, { name: "Support bot" });
  const persona = await personaRow(ws.workspace.id, ws.members.owner.user, { name: "Friendly voice" });
  const user = caller === "signed-out" || caller === "non-member" ? null : ws.members[caller].user;
  if (caller === "signed-out") actAs(null);
  else if (caller === "non-member") await signInAs(await createUser());
  else await signInAs(user!);
  return { ...ws, agent, persona, user };
}
type Setup = Awaited<ReturnType<typeof setup>>;

type Case = {
  action: string;
  run: (s: Setup) => Promise<{ ok: boolean; code?: string; data?: unknown }>;
  /** What must hold after an allowed call: the rows, and the one audit event's contents. */
  check: (s: Setup, result: { data?: unknown }) => Promise<void>;
};

const CASES: Case[] = [
  {
    action: "create an agent",
    run: (s) => createAgent(s.workspace.slug, { ...AGENT_FIELDS, name: "  New agent  " }),
    async check(s, result) {
      const { id } = result.data as { id: string };
      const row = await prisma.agent.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ ...AGENT_FIELDS, name: "New agent", searchName: "new agent", workspaceId: s.workspace.id, createdById: s.user!.id, createdByName: fullName(s.user!) });
      const events = await eventsOf("agent.created", s.workspace.id);
      expect(events).toMatchObject([{ workspaceId: s.workspace.id, actorId: s.user!.id, targetType: "agent", targetId: id, targetLabel: "New agent", before: null }]);
      expect(events[0]!.after).toEqual({ ...AGENT_FIELDS, name: "New agent" });
    },
  },
  {
    action: "edit an agent's name only",
    run: (s) => updateAgent(s.workspace.slug, { ...AGENT_FIELDS, name: "Renamed bot", agentId: s.agent.id }),
    async check(s) {
      expect(await prisma.agent.findUniqueOrThrow({ where: { id: s.agent.id } })).toMatchObject({ ...AGENT_FIELDS, name: "Renamed bot", searchName: "renamed bot" });
      const [event] = await eventsOf("agent.updated", s.workspace.id);
      expect(event).toMatchObject({ actorId: s.user!.id, targetId: s.agent.id, targetLabel: "Renamed bot" });
      // Exactly the changed field, nothing else of the record.
      expect(event!.before).toEqual({ name: "Support bot" });
      expect(event!.after).toEqual({ name: "Renamed bot" });
    },
  },
  {
    action: "delete an agent",
    run: (s) => deleteAgent(s.workspace.slug, { agentId: s.agent.id }),
    async check(s) {
      expect(await prisma.agent.findUnique({ where: { id: s.agent.id } })).toBeNull();
      const events = await eventsOf("agent.deleted", s.workspace.id);
      expect(events).toMatchObject([{ actorId: s.user!.id, targetId: s.agent.id, targetLabel: "Support bot", after: null }]);
      expect(events[0]!.before).toEqual({ name: "Support bot", model: "gpt-4o", status: "active", visibility: "workspace", groups: 0 });
    },
  },
  {
    action: "create a persona",
    run: (s) => createPersona(s.workspace.slug, { ...PERSONA_FIELDS, name: "New persona" }),
    async check(s, result) {
      const { id } = result.data as { id: string };
      expect(await prisma.persona.findUniqueOrThrow({ where: { id } })).toMatchObject({ ...PERSONA_FIELDS, name: "New persona", searchName: "new persona", createdById: s.user!.id, createdByName: fullName(s.user!) });
      const events = await eventsOf("persona.created", s.workspace.id);
      expect(events).toMatchObject([{ actorId: s.user!.id, targetType: "persona", targetId: id, targetLabel: "New persona", before: null }]);
      expect(events[0]!.after).toEqual({ ...PERSONA_FIELDS, name: "New persona" });
    },
  },
  {
    action: "edit a persona's name only",
    run: (s) => updatePersona(s.workspace.slug, { ...PERSONA_FIELDS, name: "Renamed voice", personaId: s.persona.id }),
    async check(s) {
      expect(await prisma.persona.findUniqueOrThrow({ where: { id: s.persona.id } })).toMatchObject({ ...PERSONA_FIELDS, name: "Renamed voice", searchName: "renamed voice" });
      const [event] = await eventsOf("persona.updated", s.workspace.id);
      expect(event).toMatchObject({ actorId: s.user!.id, targetId: s.persona.id, targetLabel: "Renamed voice" });
      expect(event!.before).toEqual({ name: "Friendly voice" });
      expect(event!.after).toEqual({ name: "Renamed voice" });
    },
  },
  {
    action: "delete a persona",
    run: (s) => deletePersona(s.workspace.slug, { personaId: s.persona.id }),
    async check(s) {
      expect(await prisma.persona.findUnique({ where: { id: s.persona.id } })).toBeNull();
      const events = await eventsOf("persona.deleted", s.workspace.id);
      expect(events).toMatchObject([{ actorId: s.user!.id, targetId: s.persona.id, targetLabel: "Friendly voice", after: null }]);
      expect(events[0]!.before).toEqual({ name: "Friendly voice", visibility: "workspace", groups: 0 });
    },
  },
];

describe.each(CASES)("$action", ({ run, check }) => {
  it.each(CALLERS)("as %s", async (caller) => {
    const s = await setup(caller);
    const before = await resourceSnapshot();
    const result = await run(s);
    if (MANAGERS.includes(caller)) {
      expect(result).toMatchObject({ ok: true });
      expect(await prisma.auditEvent.count()).toBe(before.auditEvents + 1);
      await check(s, result);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusalFor(caller) });
      expect(await resourceSnapshot()).toEqual(before);
    }
  });
});

describe("edits record what changed, and only that", () => {
  it("an edit that changes nothing succeeds without an audit event or a write", async () => {
    const s = await setup("write");
    const before = await resourceSnapshot();
    expect(await updateAgent(s.workspace.slug, { ...AGENT_FIELDS, name: "  Support bot ", agentId: s.agent.id })).toEqual({ ok: true, data: { id: s.agent.id } });
    expect(await updatePersona(s.workspace.slug, { ...PERSONA_FIELDS, personaId: s.persona.id })).toEqual({ ok: true, data: { id: s.persona.id } });
    // updatedAt included: the rows were not even rewritten.
    expect(await resourceSnapshot()).toEqual(before);
  });

  it("several changed fields are recorded, unchanged ones are not", async () => {
    const s = await setup("admin");
    const result = await updateAgent(s.workspace.slug, { ...AGENT_FIELDS, status: "paused", visibility: "groups", model: "claude-haiku", agentId: s.agent.id });
    expect(result).toEqual({ ok: true, data: { id: s.agent.id } });
    const events = await eventsOf("agent.updated", s.workspace.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.before).toEqual({ status: "active", visibility: "workspace", model: "gpt-4o" });
    expect(events[0]!.after).toEqual({ status: "paused", visibility: "groups", model: "claude-haiku" });

    expect(await updatePersona(s.workspace.slug, { ...PERSONA_FIELDS, tone: "Formal.", personaId: s.persona.id })).toMatchObject({ ok: true });
    const [personaEvent] = await eventsOf("persona.updated", s.workspace.id);
    expect(personaEvent!.before).toEqual({ tone: PERSONA_FIELDS.tone });
    expect(personaEvent!.after).toEqual({ tone: "Formal." });
  });

  it("invalid input is refused with field errors and changes nothing", async () => {
    const s = await setup("owner");
    const before = await resourceSnapshot();
    const badModel = await createAgent(s.workspace.slug, { ...AGENT_FIELDS, model: "gpt-1" as "gpt-4o" });
    expect(badModel).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { model: ["Choose a model."] } });
    const noName = await updatePersona(s.workspace.slug, { ...PERSONA_FIELDS, name: "   ", personaId: s.persona.id });
    expect(noName).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: ["Enter a name for the persona."] } });
    const longName = await updateAgent(s.workspace.slug, { ...AGENT_FIELDS, name: "x".repeat(101), agentId: s.agent.id });
    expect(longName).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: ["Keep the name to 100 characters or fewer."] } });
    expect(await resourceSnapshot()).toEqual(before);
  });
});

describe("another workspace's agents and personas", () => {
  // The owner of A passes ids of B's agent and persona with A's slug: "not found", as
  // if they did not exist, and B's rows stay as they were — also when the caller is an
  // admin of B as well: the slug names the workspace acted in, not the id.
  const RUNS = [
    ["update an agent", (slug: string, b: Setup) => updateAgent(slug, { ...AGENT_FIELDS, name: "Taken over", agentId: b.agent.id })],
    ["delete an agent", (slug: string, b: Setup) => deleteAgent(slug, { agentId: b.agent.id })],
    ["update a persona", (slug: string, b: Setup) => updatePersona(slug, { ...PERSONA_FIELDS, name: "Taken over", personaId: b.persona.id })],
    ["delete a persona", (slug: string, b: Setup) => deletePersona(slug, { personaId: b.persona.id })],
  ] as const;
  const CASES = RUNS.flatMap(([what, run]) => [
    [what, "not a member of B", false, run],
    [what, "also an admin of B", true, run],
  ] as const);
  it.each(CASES)("%s, caller %s: not found, and B's row is untouched", async (_what, _who, alsoInB, run) => {
    const b = await setup("owner");
    const a = await setup("owner");
    if (alsoInB) await prisma.membership.create({ data: { workspaceId: b.workspace.id, userId: a.user!.id, role: "admin" } });
    const before = await resourceSnapshot();
    const result = await run(a.workspace.slug, b);
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect(await resourceSnapshot()).toEqual(before);
    expect(await prisma.agent.findUniqueOrThrow({ where: { id: b.agent.id } })).toMatchObject({ name: "Support bot", workspaceId: b.workspace.id });
    expect(await prisma.persona.findUniqueOrThrow({ where: { id: b.persona.id } })).toMatchObject({ name: "Friendly voice", workspaceId: b.workspace.id });
  });

  it("an agent or persona id that never existed is not found too", async () => {
    const s = await setup("owner");
    const before = await resourceSnapshot();
    expect(await deleteAgent(s.workspace.slug, { agentId: "no-such-agent" })).toEqual({ ok: false, code: "not_found", message: "That agent does not exist, or was deleted." });
    expect(await deletePersona(s.workspace.slug, { personaId: "no-such-persona" })).toEqual({ ok: false, code: "not_found", message: "That persona does not exist, or was deleted." });
    expect(await resourceSnapshot()).toEqual(before);
  });
});
