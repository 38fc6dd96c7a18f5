// Invariants under concurrency (SPEC §9: cal.com changeMemberRole, formbricks #8943,
// worldcoin #612): enforced inside the transaction under the workspace lock, so they
// hold on PostgreSQL's real concurrency (CI runs this file there too).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/members/actions";
import { createSession } from "@/lib/auth/sessions";
import { TEST_PASSWORD, as, createWorkspace } from "../support/factories";

const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });
const owners = (workspaceId: string) => prisma.membership.count({ where: { workspaceId, role: "owner" } });

describe("concurrent team changes", () => {
  it("two admins demoting each other at once: exactly one wins", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    const second = await prisma.membership.update({ where: { id: members.write.membershipId }, data: { role: "admin" } });
    const [s1, s2] = [await session(members.admin.user.id), await session(members.write.user.id)];
    const results = await Promise.all([
      as(s1, () => changeMemberRole(workspace.slug, { memberId: second.id, role: "write" })),
      as(s2, () => changeMemberRole(workspace.slug, { memberId: members.admin.membershipId, role: "write" })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "forbidden" });
    const roles = (await prisma.membership.findMany({ where: { workspaceId: workspace.id, role: { in: ["admin", "write"] } } })).map((m) => m.role).sort();
    expect(roles).toEqual(["admin", "write"]);
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "member.role_changed" } })).toBe(1);
  });

  it("a removal racing a role change leaves a consistent team and log", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "read"]);
    const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
    const [removed, changed] = await Promise.all([
      as(s1, () => removeMember(workspace.slug, { memberId: members.read.membershipId })),
      as(s2, () => changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" })),
    ]);
    expect(removed.ok).toBe(true);
    expect(await prisma.membership.findUnique({ where: { id: members.read.membershipId } })).toBeNull();
    const events = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: { in: ["member.removed", "member.role_changed"] } } });
    expect(events.filter((e) => e.action === "member.role_changed")).toHaveLength(changed.ok ? 1 : 0);
    if (!changed.ok) expect(changed.code).toBe("not_found");
  });

  it("two ownership transfers at once: one owner, never zero or two", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    const [t1, t2] = [await session(members.owner.user.id), await session(members.owner.user.id)];
    const results = await Promise.all([
      as(t1, () => transferOwnership(workspace.slug, { memberId: members.admin.membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
      as(t2, () => transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "forbidden" });
    expect(await owners(workspace.id)).toBe(1);
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: members.owner.membershipId } })).toMatchObject({ role: "admin" });
  });

  it("an owner transfer racing an admin's attempt to demote the new owner never leaves zero or two owners", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    const [o, a] = [await session(members.owner.user.id), await session(members.admin.user.id)];
    await Promise.all([
      as(o, () => transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
      as(a, () => changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "read" })),
    ]);
    expect(await owners(workspace.id)).toBe(1);
  });
});
