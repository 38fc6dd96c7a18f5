// The export reads with SQL of its own (lib/audit/sql.ts) and the page with Prisma's
// condition (auditWhere): for every kind of filter both must select the same events, in
// the same order, and the export's rows must carry the stored values unchanged.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { auditWhere } from "@/lib/audit/queries";
import { iterateExportRows, type ExportRow } from "@/lib/audit/export-rows";
import { parseAuditFilters } from "@/lib/audit/filters";
import { createUser, createWorkspace } from "../support/factories";

const HOUR = 3_600_000;
const ACTIONS = ["member.role_changed", "agent.updated", "invitation.sent", "group.member_added"];

async function exported(workspaceId: string, params: Record<string, string | string[]>, batchSize: number) {
  const rows: ExportRow[] = [];
  for await (const batch of iterateExportRows(workspaceId, parseAuditFilters(params), batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    rows.push(...batch);
  }
  return rows;
}

async function selected(workspaceId: string, params: Record<string, string | string[]>) {
  const where = await auditWhere(workspaceId, parseAuditFilters(params));
  return prisma.auditEvent.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

describe("the export's reader", () => {
  it("selects what the page's condition selects, newest first, for every filter, across batch edges", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    const other = await createWorkspace(["owner"]);
    const alice = members.owner.user;
    const bob = members.admin.user;
    const gone = await createUser({ email: "gone.person@example.test" }); // an account, no longer a member
    const now = Date.now();
    const tie = new Date(now - 30.25 * HOUR);
    const data = Array.from({ length: 60 }, (_, i) => {
      const actor = [alice, bob, gone, null][i % 4];
      return {
        id: `exp-${String(i).padStart(3, "0")}`,
        workspaceId: workspace.id,
        action: ACTIONS[i % ACTIONS.length]!,
        actorType: actor ? "user" : i % 8 === 3 ? "anonymous" : "system",
        actorId: actor?.id ?? null,
        actorEmail: actor?.email ?? (i % 8 === 3 ? "typed@example.test" : null),
        targetType: i % 3 ? "member" : "agent",
        targetId: i % 3 ? [alice, bob][i % 2]!.id : `agent-${i}`,
        before: i % 5 ? { role: "read", note: 'says "hi", twice\n' } : undefined,
        after: i % 5 ? { role: "admin", n: i } : undefined,
        // Every fifth event shares one millisecond, so batch edges fall inside a tie.
        createdAt: i % 5 === 0 ? tie : new Date(now - (i + 1) * HOUR),
      };
    });
    // Someone whose account is gone, known only by the email the events recorded.
    for (const [n, i] of [7, 19, 44].entries()) data.push({ ...data[i]!, id: `exp-gone-${n}`, actorType: "user", actorId: `deleted-user`, actorEmail: "deleted.person@example.test" });
    await prisma.auditEvent.createMany({ data });
    await prisma.auditEvent.createMany({ data: data.map((e) => ({ ...e, id: `${e.id}-other`, workspaceId: other.workspace.id })) });

    const day = (offset: number) => new Date(now + offset * 24 * HOUR).toISOString().slice(0, 10);
    const filters: Record<string, string | string[]>[] = [
      {},
      { action: "agent.updated" },
      { action: ["invitation.sent", "group.member_added"] },
      { range: "24h" },
      { range: "custom", from: day(-1), to: day(-1) },
      { range: "custom", from: day(-2) },
      { actor: alice.firstName.toLowerCase() },
      { actor: bob.email.toUpperCase() },
      { actor: "gone.person@example.test" },
      { actor: "typed@example.test" },
      { actor: "Deleted.Person@example.test" },
      { actor: "nobody at all" },
      { actor: "System" },
      { actor: "%" },
      { target: bob.lastName },
      { target: alice.email.toUpperCase(), actor: bob.firstName },
      { target: "nobody at all" },
      { member: bob.id },
      { member: alice.id, target: bob.email },
      { member: alice.id, action: "member.role_changed", range: "7d" },
    ];
    for (const params of filters) {
      const expected = await selected(workspace.id, params);
      for (const batchSize of [7, 250]) {
        const rows = await exported(workspace.id, params, batchSize);
        expect(rows.map((r) => r.id), `${JSON.stringify(params)} in batches of ${batchSize}`).toEqual(expected.map((e) => e.id));
      }
    }
    expect((await selected(workspace.id, { member: bob.id })).length).toBeGreaterThan(0);
    const aboutBob = await selected(workspace.id, { target: bob.lastName });
    expect(aboutBob.length).toBeGreaterThan(0);
    expect(aboutBob.every((e) => e.targetType === "member" && e.targetId === bob.id)).toBe(true);
    expect((await selected(workspace.id, { actor: "deleted.person@example.test" })).map((e) => e.id).sort()).toEqual(["exp-gone-0", "exp-gone-1", "exp-gone-2"]);

    // The values as stored: UTC ISO time, JSON as JSON, the rest as text.
    const rows = await exported(workspace.id, {}, 250);
    const stored = await selected(workspace.id, {});
    for (const [i, row] of rows.entries()) {
      const e = stored[i]!;
      expect(row.time).toBe(e.createdAt.toISOString());
      expect(row.before === null ? null : JSON.parse(row.before)).toEqual(e.before);
      expect(row.after === null ? null : JSON.parse(row.after)).toEqual(e.after);
      expect([row.action, row.actorType, row.actorId, row.actorEmail, row.targetType, row.targetId, row.seq, row.hash]).toEqual([e.action, e.actorType, e.actorId, e.actorEmail, e.targetType, e.targetId, e.seq, e.hash]);
    }
    expect(rows.find((r) => r.action === "member.role_changed")?.actionLabel).toBe("Role changed");
  });
});
