// The audit log outlives cascades (docs/decisions/007-audit-log-outlives-cascades.md): a
// workspace with audit events cannot be deleted by a stray DELETE, whichever engine runs.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createWorkspace as createWorkspaceAction } from "@/lib/workspaces/actions";
import { createUser, createWorkspace, signInAs } from "../support/factories";

async function deleteWorkspaceRow(id: string) {
  return prisma.$executeRaw`DELETE FROM "Workspace" WHERE "id" = ${id}`;
}

describe("the audit log", () => {
  it("keeps a workspace that has events: the database refuses to delete it, and nothing goes", async () => {
    const user = await createUser();
    await signInAs(user);
    const created = await createWorkspaceAction({ name: "Kept Records" });
    if (!created.ok) throw new Error(created.message);
    const workspace = await prisma.workspace.findUniqueOrThrow({ where: { slug: created.data.slug } });
    const events = await prisma.auditEvent.count({ where: { workspaceId: workspace.id } });
    expect(events).toBeGreaterThan(0);

    await expect(deleteWorkspaceRow(workspace.id)).rejects.toThrow(/AuditEvent_workspaceId_fkey/);
    await expect(prisma.workspace.delete({ where: { id: workspace.id } })).rejects.toThrow();

    expect(await prisma.workspace.count({ where: { id: workspace.id } })).toBe(1);
    expect(await prisma.membership.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id } })).toBe(events);
  });

  it("restricts only through its own relation: a workspace without events still takes its memberships with it", async () => {
    const { workspace } = await createWorkspace(["owner", "admin"]);
    expect(await deleteWorkspaceRow(workspace.id)).toBe(1);
    expect(await prisma.membership.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });
});
