import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import { LIMITS } from "@/lib/rate-limit";
import { TEST_PASSWORD, createWorkspace, signInAs, teamSnapshot } from "../support/factories";

describe("rules that keep a workspace safe", () => {
  it("nobody edits or removes their own row", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    await signInAs(members.admin.user);
    const before = await teamSnapshot(workspace.id);
    expect(await changeMemberRole(workspace.slug, { memberId: members.admin.membershipId, role: "read" })).toMatchObject({ ok: false, code: "forbidden", message: "You cannot change or remove your own membership." });
    expect(await removeMember(workspace.slug, { memberId: members.admin.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await teamSnapshot(workspace.id)).toEqual(before);
  });

  it("the owner can be neither demoted nor removed, not even by an admin", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin"]);
    await signInAs(members.admin.user);
    const before = await teamSnapshot(workspace.id);
    expect(await changeMemberRole(workspace.slug, { memberId: members.owner.membershipId, role: "read" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(workspace.slug, { memberId: members.owner.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await teamSnapshot(workspace.id)).toEqual(before);
  });

  it("owner is never granted through a role change", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    await signInAs(members.owner.user);
    const result = await changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "owner" as "admin" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await prisma.membership.count({ where: { workspaceId: workspace.id, role: "owner" } })).toBe(1);
  });

  it("choosing the role a member already has succeeds and changes nothing", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    await signInAs(members.admin.user);
    const before = await teamSnapshot(workspace.id);
    expect(await changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "write" })).toEqual({ ok: true, data: { role: "write" } });
    expect(await teamSnapshot(workspace.id)).toEqual(before);
  });

  it("an admin can change another admin, with before and after in the audit log", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    const other = await prisma.membership.update({ where: { id: members.write.membershipId }, data: { role: "admin" } });
    await signInAs(members.admin.user);
    expect(await changeMemberRole(workspace.slug, { memberId: other.id, role: "billing" })).toEqual({ ok: true, data: { role: "billing" } });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "member.role_changed" } });
    expect(event).toMatchObject({ actorId: members.admin.user.id, targetId: members.write.user.id, before: { role: "admin" }, after: { role: "billing" } });
  });

  it("a role change applies to the member's very next request", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    await signInAs(members.owner.user);
    await changeMemberRole(workspace.slug, { memberId: members.admin.membershipId, role: "read" });
    await signInAs(members.admin.user);
    expect(await removeMember(workspace.slug, { memberId: members.write.membershipId })).toMatchObject({ ok: false, code: "forbidden", message: "Team management is limited to owners and admins." });
  });

  it("a removed member's next request is answered 'not found'", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
    const adminSession = await signInAs(members.admin.user);
    await signInAs(members.owner.user);
    expect(await removeMember(workspace.slug, { memberId: members.admin.membershipId })).toMatchObject({ ok: true });
    const { actAs } = await import("../support/request");
    actAs(adminSession);
    expect(await changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "read" })).toMatchObject({ ok: false, code: "not_found" });
    const removed = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: workspace.id, action: "member.removed" } });
    expect(removed).toMatchObject({ actorId: members.owner.user.id, targetId: members.admin.user.id, before: { role: "admin" } });
    expect(removed.targetLabel).toContain(members.admin.user.email);
  });

  it("the owner is told to transfer ownership before leaving", async () => {
    const { workspace, members } = await createWorkspace(["owner"]);
    await signInAs(members.owner.user);
    expect(await leaveWorkspace(workspace.slug, {})).toMatchObject({ ok: false, code: "forbidden", message: "The owner cannot leave the workspace. Transfer ownership first." });
  });

  it("a member who leaves is gone, and it is audited", async () => {
    const { workspace, members } = await createWorkspace(["owner", "read"]);
    await signInAs(members.read.user);
    expect(await leaveWorkspace(workspace.slug, {})).toEqual({ ok: true, data: { left: workspace.slug } });
    expect(await prisma.membership.count({ where: { workspaceId: workspace.id, userId: members.read.user.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "member.left", actorId: members.read.user.id } })).toBe(1);
  });
});

describe("transferring ownership", () => {
  it("makes the member owner and the old owner admin, in this workspace only", async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    const elsewhere = await prisma.workspace.create({ data: { name: "Elsewhere", slug: `elsewhere-${workspace.id}` } });
    await prisma.membership.create({ data: { workspaceId: elsewhere.id, userId: members.owner.user.id, role: "owner" } });
    await signInAs(members.owner.user);
    const result = await transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name });
    expect(result).toMatchObject({ ok: true });
    const roles = await prisma.membership.findMany({ where: { workspaceId: workspace.id }, select: { userId: true, role: true } });
    expect(roles).toEqual(expect.arrayContaining([{ userId: members.owner.user.id, role: "admin" }, { userId: members.write.user.id, role: "owner" }]));
    expect(await prisma.membership.findFirst({ where: { workspaceId: elsewhere.id } })).toMatchObject({ role: "owner" });
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "workspace.ownership_transferred" } })).toBe(1);
  });

  it("needs the owner's password and the workspace name typed exactly", async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    await signInAs(members.owner.user);
    const before = await teamSnapshot(workspace.id);
    const wrongPassword = await transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: "Not-my-password1", confirmName: workspace.name });
    expect(wrongPassword).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { password: ["That password is not correct."] } });
    const wrongName = await transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name.toUpperCase() });
    expect(wrongName).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await teamSnapshot(workspace.id)).toEqual(before);
  });
});

describe("across workspaces", () => {
  it("an admin of A cannot act on a member of B by passing B's member id", async () => {
    const a = await createWorkspace(["owner", "admin"]);
    const b = await createWorkspace(["owner", "write"]);
    await signInAs(a.members.admin.user);
    const before = await teamSnapshot(b.workspace.id);
    expect(await changeMemberRole(a.workspace.slug, { memberId: b.members.write.membershipId, role: "read" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeMember(a.workspace.slug, { memberId: b.members.write.membershipId })).toMatchObject({ ok: false, code: "not_found" });
    expect(await changeMemberRole(b.workspace.slug, { memberId: b.members.write.membershipId, role: "read" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await teamSnapshot(b.workspace.id)).toEqual(before);
  });
});

describe("the role-change rate limit", () => {
  it(`allows ${LIMITS.roleChanges.limit} changes a minute per workspace, then says how long to wait`, async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    await signInAs(members.owner.user);
    const roles = ["read", "write"] as const;
    for (let i = 0; i < LIMITS.roleChanges.limit; i++) {
      expect(await changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: roles[i % 2]! })).toMatchObject({ ok: true });
    }
    const before = await teamSnapshot(workspace.id);
    const refused = await changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "billing" });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(!refused.ok && refused.message).toMatch(/at most 10 a minute\. Try again in \d+ seconds\./);
    expect(await teamSnapshot(workspace.id)).toEqual(before);
    // Another workspace is not affected.
    const other = await createWorkspace(["owner", "write"]);
    await signInAs(other.members.owner.user);
    expect(await changeMemberRole(other.workspace.slug, { memberId: other.members.write.membershipId, role: "read" })).toMatchObject({ ok: true });
  });
});
