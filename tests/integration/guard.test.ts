import { describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { workspaceAction } from "@/lib/authz/guard";
import { createWorkspace as createWorkspaceAction } from "@/lib/workspaces/actions";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs } from "../support/factories";

// A probe action: renames the workspace, as settings would. It lets these tests check the
// guard itself, independent of any one feature.
const rename = workspaceAction("settings:manage", z.object({ name: z.string().min(2) }), async (input, { tx, workspace, audit }) => {
  await tx.workspace.update({ where: { id: workspace.id }, data: { name: input.name } });
  await audit({ action: "workspace.settings_changed", before: { name: workspace.name }, after: { name: input.name } });
  return input.name;
});
const forgetsAudit = workspaceAction("settings:manage", z.object({}), async (_input, { tx, workspace }) => {
  await tx.workspace.update({ where: { id: workspace.id }, data: { name: "Changed without a trace" } });
});

const declaresNoChange = workspaceAction("settings:manage", z.object({}), async (_input, { unchanged }) => {
  unchanged();
  return "same";
});

async function snapshot(workspaceId: string) {
  const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  return { name: ws.name, events: await prisma.auditEvent.count() };
}

describe("the guard", () => {
  it("lets a permitted member write, with the audit event in the same transaction", async () => {
    const { workspace, members } = await createWorkspace();
    await signInAs(members.admin.user);
    expect(await rename(workspace.slug, { name: "Renamed" })).toEqual({ ok: true, data: "Renamed" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "workspace.settings_changed" } });
    expect(event).toMatchObject({ actorId: members.admin.user.id, actorEmail: members.admin.user.email, ip: "203.0.113.7", before: { name: workspace.name }, after: { name: "Renamed" } });
  });

  it("refuses a signed-out call, changing nothing", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    actAs(null);
    const before = await snapshot(workspace.id);
    expect(await rename(workspace.slug, { name: "Hacked" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("refuses a session whose row was deleted", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    const sessionId = await signInAs(members.owner.user);
    await prisma.session.delete({ where: { id: sessionId } });
    const before = await snapshot(workspace.id);
    expect(await rename(workspace.slug, { name: "Hacked" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("answers a non-member 'not found', changing nothing", async () => {
    const { workspace } = await createWorkspace(["owner"]);
    await signInAs(await createUser());
    const before = await snapshot(workspace.id);
    expect(await rename(workspace.slug, { name: "Hacked" })).toEqual({ ok: false, code: "not_found", message: "Workspace not found." });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("refuses a member without the permission with a clear message, changing nothing", async () => {
    const { workspace, members } = await createWorkspace(["owner", "read"]);
    await signInAs(members.read.user);
    const before = await snapshot(workspace.id);
    expect(await rename(workspace.slug, { name: "Hacked" })).toMatchObject({ ok: false, code: "forbidden", message: "Only owners and admins can change workspace settings." });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("refuses invalid input with field errors, changing nothing", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await signInAs(members.owner.user);
    const before = await snapshot(workspace.id);
    const result = await rename(workspace.slug, { name: "x" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors?.name).toHaveLength(1);
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("rolls back a write that recorded no audit event", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await signInAs(members.owner.user);
    const before = await snapshot(workspace.id);
    expect(await forgetsAudit(workspace.slug, {})).toMatchObject({ ok: false, code: "internal" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });

  it("lets a call that declares it found nothing to change succeed without an audit event", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await signInAs(members.owner.user);
    const before = await snapshot(workspace.id);
    expect(await declaresNoChange(workspace.slug, {})).toEqual({ ok: true, data: "same" });
    expect(await snapshot(workspace.id)).toEqual(before);
  });
});

describe("creating a workspace", () => {
  it("makes the creator its one owner and audits it", async () => {
    const user = await createUser();
    await signInAs(user);
    const result = await createWorkspaceAction({ name: "  Support Team " });
    expect(result).toEqual({ ok: true, data: { slug: "support-team" } });
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { slug: "support-team" }, include: { memberships: true } });
    expect(ws.name).toBe("Support Team");
    expect(ws.memberships).toEqual([expect.objectContaining({ userId: user.id, role: "owner" })]);
    expect(await prisma.auditEvent.count({ where: { workspaceId: ws.id, action: "workspace.created", actorId: user.id } })).toBe(1);
  });

  it("gives a taken name a different slug", async () => {
    await signInAs(await createUser());
    const a = await createWorkspaceAction({ name: "Duplicate Name" });
    const b = await createWorkspaceAction({ name: "Duplicate Name" });
    expect(a.ok && b.ok && a.data.slug !== b.data.slug).toBe(true);
  });

  it("is refused when signed out", async () => {
    actAs(null);
    expect(await createWorkspaceAction({ name: "Nope" })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await prisma.workspace.count({ where: { name: "Nope" } })).toBe(0);
  });
});
