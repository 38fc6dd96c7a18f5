// The audit log's hash chain (docs/decisions/012-audit-hash-chain.md): written with every
// workspace event, verified by walking it, and kept verifiable by the retention purge.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { purgeWorkspaceAudit } from "@/lib/audit/retention";
import { updateAuditRetention, updateWorkspaceSettings } from "@/lib/workspaces/actions";
import { verifyAuditIntegrity } from "@/lib/workspaces/audit-actions";
import { LIMITS } from "@/lib/rate-limit";
import { ROLES } from "@/lib/authz/permissions";
import { createWorkspace, signInAs } from "../support/factories";
import { describeRaces } from "../support/races";

const DAY_MS = 86_400_000;

async function workspaceWithEvents(count: number) {
  const { workspace } = await createWorkspace(["owner"]);
  for (let i = 0; i < count; i++) {
    await recordAudit(prisma, {
      workspaceId: workspace.id,
      action: "agent.updated",
      actor: { type: "user", id: `user-${i}`, name: `Ünïcode "name" ${i}`, email: `u${i}@example.test` },
      target: { type: "agent", id: `agent-${i}`, label: `Agent, ${i}` },
      before: { name: `old ${i}`, nested: { z: 1, a: [1, "two", null] } },
      after: { name: `new ${i}`, number: i / 3, flag: i % 2 === 0 },
      ip: "203.0.113.9",
      userAgent: "vitest",
    });
  }
  return workspace;
}

const chained = (workspaceId: string) => prisma.auditEvent.findMany({ where: { workspaceId }, orderBy: { seq: "asc" } });

describe("the audit hash chain", () => {
  it("chains every workspace event as it is recorded, through the guard as well, and verifies intact", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await signInAs(members.owner.user);
    expect((await updateWorkspaceSettings(workspace.slug, { name: "Renamed For The Chain", invitationLifetimeDays: 7 })).ok).toBe(true);
    for (let i = 0; i < 3; i++) await recordAudit(prisma, { workspaceId: workspace.id, action: "agent.created", actor: { type: "system" }, target: { type: "agent", id: `a${i}`, label: `A${i}` } });

    const events = await chained(workspace.id);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(events.map((e) => e.hash)).size).toBe(4);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ""))).toBe(true);
    const head = await prisma.auditChain.findUniqueOrThrow({ where: { workspaceId: workspace.id } });
    expect(head).toMatchObject({ seq: 4, head: events[3]!.hash });
    expect(await verifyAuditChain(prisma, workspace.id)).toEqual({ intact: true, events: 4, notCovered: 0, checkpointSeq: 0 });
  });

  it("leaves instance events (no workspace) out of every chain", async () => {
    await recordAudit(prisma, { workspaceId: null, action: "auth.signed_in", actor: { type: "system" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: null, action: "auth.signed_in", actorType: "system" } });
    expect(event).toMatchObject({ seq: null, hash: null });
  });

  it("names an event whose row was edited in the database", async () => {
    const workspace = await workspaceWithEvents(6);
    const victim = (await chained(workspace.id))[3]!;
    await prisma.$executeRaw`UPDATE "AuditEvent" SET "targetLabel" = 'Nothing to see' WHERE "id" = ${victim.id}`;
    const result = await verifyAuditChain(prisma, workspace.id);
    expect(result).toMatchObject({ intact: false, events: 3, at: { id: victim.id, seq: 4, createdAt: victim.createdAt } });
    expect(!result.intact && result.reason).toMatch(/changed after it was recorded/);
  });

  it("notices an edit inside the JSON of what changed", async () => {
    const workspace = await workspaceWithEvents(3);
    const victim = (await chained(workspace.id))[0]!;
    await prisma.$executeRaw`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{name}', '"forged"') WHERE "id" = ${victim.id}`;
    expect(await verifyAuditChain(prisma, workspace.id)).toMatchObject({ intact: false, at: { id: victim.id } });
  });

  it("names the event after one that was deleted from the middle", async () => {
    const workspace = await workspaceWithEvents(6);
    const events = await chained(workspace.id);
    await prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${events[2]!.id}`;
    const result = await verifyAuditChain(prisma, workspace.id);
    expect(result).toMatchObject({ intact: false, events: 2, at: { id: events[3]!.id, seq: 4 } });
    expect(!result.intact && result.reason).toMatch(/Event 3 of the chain is missing/);
  });

  it("notices the newest events deleted, which leave no gap", async () => {
    const workspace = await workspaceWithEvents(4);
    const events = await chained(workspace.id);
    await prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "id" = ${events[3]!.id}`;
    expect(await verifyAuditChain(prisma, workspace.id)).toMatchObject({ intact: false, events: 3, reason: expect.stringMatching(/newest events were deleted/) });
  });

  it("notices a row inserted outside Roster, without a place in the chain", async () => {
    const workspace = await workspaceWithEvents(2);
    const stray = await prisma.auditEvent.create({ data: { workspaceId: workspace.id, action: "member.removed", actorType: "system" } });
    expect(await verifyAuditChain(prisma, workspace.id)).toMatchObject({ intact: false, at: { id: stray.id }, reason: expect.stringMatching(/not part of the chain/) });
  });

  it("reports events from before the chain as not covered, and still verifies the rest", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    await prisma.auditEvent.create({ data: { workspaceId: workspace.id, action: "workspace.created", actorType: "system", createdAt: new Date(Date.now() - DAY_MS) } });
    await recordAudit(prisma, { workspaceId: workspace.id, action: "agent.created", actor: { type: "system" } });
    expect(await verifyAuditChain(prisma, workspace.id)).toEqual({ intact: true, events: 1, notCovered: 1, checkpointSeq: 0 });
  });
});

describe("Verify integrity", () => {
  it("is limited per viewer, so the walk of a long chain cannot be requested without end", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    const other = await createWorkspace(["owner"]);
    const { limit } = LIMITS.auditVerifiesPerViewer;
    await signInAs(members.admin.user);
    for (let i = 0; i < limit; i++) expect((await verifyAuditIntegrity(workspace.slug, {})).ok).toBe(true);
    expect(await verifyAuditIntegrity(workspace.slug, {})).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/Try again in/) });
    // One admin's checks do not use up the owner's.
    await signInAs(members.owner.user);
    expect((await verifyAuditIntegrity(workspace.slug, {})).ok).toBe(true);
    await signInAs(other.members.owner.user);
    expect((await verifyAuditIntegrity(other.workspace.slug, {})).ok).toBe(true);
  });
});

describe("the retention purge", () => {
  it("removes expired events oldest first, in batches, records what it did, and leaves the chain verifiable", async () => {
    const workspace = await workspaceWithEvents(23);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const boundary = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let i = 0; i < 4; i++) await recordAudit(prisma, { workspaceId: workspace.id, action: "agent.created", actor: { type: "system" }, target: { type: "agent", id: `k${i}`, label: `Kept ${i}` } });
    const retention = { ...workspace, auditRetentionDays: 30 };

    const outcome = await purgeWorkspaceAudit(prisma, retention, { now: new Date(boundary.getTime() + 30 * DAY_MS), batchSize: 5 });
    expect(outcome).toMatchObject({ deleted: 23, batches: 5, checkpoint: { seq: 23 } });
    const left = await chained(workspace.id);
    expect(left.map((e) => e.seq)).toEqual([24, 25, 26, 27, 28]);
    expect(left.at(-1)).toMatchObject({
      action: "audit.purged",
      actorType: "system",
      after: { deleted: 23, cutoff: boundary.toISOString(), retentionDays: 30, checkpoint: { seq: 23, hash: outcome.checkpoint!.hash } },
    });
    expect(await verifyAuditChain(prisma, workspace.id)).toEqual({ intact: true, events: 5, notCovered: 0, checkpointSeq: 23 });

    // A second run finds nothing more to remove, and records nothing.
    const again = await purgeWorkspaceAudit(prisma, retention, { now: new Date(boundary.getTime() + 30 * DAY_MS), batchSize: 5 });
    expect(again).toMatchObject({ deleted: 0, batches: 0, checkpoint: null });
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id } })).toBe(5);
  });

  it("is caught when someone deletes the oldest events and moves the checkpoint by hand", async () => {
    const workspace = await workspaceWithEvents(5);
    const events = await chained(workspace.id);
    await prisma.$executeRaw`DELETE FROM "AuditEvent" WHERE "seq" <= 2 AND "workspaceId" = ${workspace.id}`;
    await prisma.auditChain.update({ where: { workspaceId: workspace.id }, data: { checkpointSeq: 2, checkpointHash: events[1]!.hash! } });
    expect(await verifyAuditChain(prisma, workspace.id)).toMatchObject({ intact: false, reason: expect.stringMatching(/checkpoint does not match/) });
  });

  it("takes old events from before the chain by age alone", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    await prisma.auditEvent.create({ data: { workspaceId: workspace.id, action: "workspace.created", actorType: "system", createdAt: new Date(Date.now() - 400 * DAY_MS) } });
    const outcome = await purgeWorkspaceAudit(prisma, { ...workspace, auditRetentionDays: 365 });
    expect(outcome).toMatchObject({ deleted: 1, checkpoint: null });
    expect(await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id } })).toMatchObject([{ action: "audit.purged", seq: 1 }]);
    expect(await verifyAuditChain(prisma, workspace.id)).toMatchObject({ intact: true, events: 1, notCovered: 0 });
  });
});

describe("the retention setting", () => {
  it("is changed by owners and admins only, within 30–3,650 days, audited with before and after", async () => {
    const { workspace, members } = await createWorkspace();
    for (const role of ROLES) {
      await signInAs(members[role].user);
      const result = await updateAuditRetention(workspace.slug, { auditRetentionDays: 400 + ROLES.indexOf(role) });
      expect(result.ok, role).toBe(role === "owner" || role === "admin");
    }
    await signInAs(members.owner.user);
    for (const bad of [29, 3_651, 90.5, Number.NaN]) {
      expect(await updateAuditRetention(workspace.slug, { auditRetentionDays: bad })).toMatchObject({ ok: false, code: "invalid_input" });
    }
    expect(await updateAuditRetention(workspace.slug, { auditRetentionDays: 30 })).toMatchObject({ ok: true });
    expect(await updateAuditRetention(workspace.slug, { auditRetentionDays: 30 })).toMatchObject({ ok: true });
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: workspace.id } })).auditRetentionDays).toBe(30);
    const changes = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "workspace.settings_changed" }, orderBy: { seq: "asc" } });
    expect(changes.map((e) => [e.before, e.after])).toEqual([
      [{ auditRetentionDays: 365 }, { auditRetentionDays: 400 }],
      [{ auditRetentionDays: 400 }, { auditRetentionDays: 401 }],
      [{ auditRetentionDays: 401 }, { auditRetentionDays: 30 }],
    ]);
  });
});

describeRaces("the audit hash chain under concurrency", () => {
  it("never forks: 50 concurrent writers get 50 distinct places, and the chain verifies", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        prisma.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_sleep(0.01)`;
          await recordAudit(tx, { workspaceId: workspace.id, action: "agent.created", actor: { type: "system" }, target: { type: "agent", id: `c${i}`, label: `C${i}` } });
        }),
      ),
    );
    const events = await chained(workspace.id);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditChain(prisma, workspace.id)).toEqual({ intact: true, events: 50, notCovered: 0, checkpointSeq: 0 });
  });
});
