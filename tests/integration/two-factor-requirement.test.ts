// The workspace setting "Require two-factor authentication" (issue 12,
// docs/decisions/013-two-factor.md), called directly: only owners and admins switch it, it
// is switched on only when the actor and the owner have 2FA themselves, switching it off
// needs nothing, and every change is audited with before and after. Also the settings
// page's list of the members who do not have 2FA yet.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { updateTwoFactorRequirement } from "@/lib/workspaces/actions";
import { findTwoFactorBlocker, listMembersWithoutTwoFactor } from "@/lib/workspaces/queries";
import { changeSummary } from "@/components/audit/change-summary";
import type { Role } from "@/lib/authz/permissions";
import { actAs } from "../support/request";
import { auditCount, createUser, createWorkspace, signInAs, teamSnapshot } from "../support/factories";

type Workspace = Awaited<ReturnType<typeof createWorkspace>>;

const OWN_FIRST = "Turn on two-factor authentication for your own account first, in Your account.";

const turnOn = (user: { id: string }) => prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date() } });
const requiredOf = async (id: string) => (await prisma.workspace.findUniqueOrThrow({ where: { id } })).requireTwoFactor;
const settingEvents = (workspaceId: string) => prisma.auditEvent.findMany({ where: { workspaceId, action: "workspace.settings_changed" }, orderBy: { createdAt: "asc" } });

/** A workspace of one member per role, with 2FA on for the roles listed. */
async function team(withTwoFactor: Role[] = []) {
  const ws = await createWorkspace();
  for (const role of withTwoFactor) await turnOn(ws.members[role].user);
  return ws;
}

async function expectRefusedUnchanged(ws: Workspace, call: () => Promise<unknown>, refusal: Record<string, unknown>) {
  const before = await teamSnapshot(ws.workspace.id);
  expect(await call()).toMatchObject({ ok: false, ...refusal });
  expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
}

describe("switching the 2FA requirement on", () => {
  it("is refused to an owner without 2FA, with the way to fix it", async () => {
    const ws = await team();
    await signInAs(ws.members.owner.user);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), { code: "conflict", message: OWN_FIRST });
    expect(await requiredOf(ws.workspace.id)).toBe(false);
  });

  it("works for an owner with 2FA, even while other members lack it", async () => {
    const ws = await team(["owner"]);
    await signInAs(ws.members.owner.user);
    expect(await updateTwoFactorRequirement(ws.workspace.slug, { required: true })).toEqual({ ok: true, data: { required: true } });
    expect(await requiredOf(ws.workspace.id)).toBe(true);
  });

  it("works for an admin with 2FA when the owner has it", async () => {
    const ws = await team(["owner", "admin"]);
    await signInAs(ws.members.admin.user);
    expect(await updateTwoFactorRequirement(ws.workspace.slug, { required: true })).toMatchObject({ ok: true });
    expect(await requiredOf(ws.workspace.id)).toBe(true);
  });

  it("is refused to an admin with 2FA when the owner lacks it, naming the owner", async () => {
    const ws = await team(["admin"]);
    await signInAs(ws.members.admin.user);
    const owner = ws.members.owner.user;
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), {
      code: "conflict",
      message: `${owner.firstName} ${owner.lastName}, the owner, does not have two-factor authentication on yet. They must turn it on in Your account before this workspace can require it.`,
    });
  });

  it("is refused to an admin without 2FA, even when the owner has it", async () => {
    const ws = await team(["owner"]);
    await signInAs(ws.members.admin.user);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), { code: "conflict", message: OWN_FIRST });
  });

  it.each(["write", "read", "billing"] as const)("is forbidden to a %s member, with 2FA or not", async (role) => {
    const ws = await team(["owner", role]);
    await signInAs(ws.members[role].user);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), {
      code: "forbidden",
      message: "Only owners and admins can change workspace settings.",
    });
  });

  it("answers a non-member (with 2FA) not_found, and a signed-out caller unauthenticated", async () => {
    const ws = await team(["owner"]);
    const stranger = await createUser();
    await turnOn(stranger);
    await signInAs(stranger);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), { code: "not_found" });
    actAs(null);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: true }), { code: "unauthenticated" });
  });

  it("is refused with invalid_input for anything but a boolean", async () => {
    const ws = await team(["owner"]);
    await signInAs(ws.members.owner.user);
    for (const input of [{ required: "true" }, { required: 1 }, {}]) {
      await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, input as never), { code: "invalid_input" });
    }
  });

  it("is audited as a settings change with before and after, targeting the workspace", async () => {
    const ws = await team(["owner", "admin"]);
    await signInAs(ws.members.admin.user);
    await updateTwoFactorRequirement(ws.workspace.slug, { required: true });
    const [event, ...others] = await settingEvents(ws.workspace.id);
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      actorType: "user",
      actorId: ws.members.admin.user.id,
      targetType: "workspace",
      targetId: ws.workspace.id,
      targetLabel: ws.workspace.name,
      before: { requireTwoFactor: false },
      after: { requireTwoFactor: true },
    });
    expect(changeSummary(event!.before, event!.after)).toBe("Require two-factor authentication: off → on");
  });

  it("records nothing when it is already on", async () => {
    const ws = await team(["owner"]);
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { requireTwoFactor: true } });
    await signInAs(ws.members.owner.user);
    const events = await auditCount({ workspaceId: ws.workspace.id });
    expect(await updateTwoFactorRequirement(ws.workspace.slug, { required: true })).toEqual({ ok: true, data: { required: true } });
    expect(await auditCount({ workspaceId: ws.workspace.id })).toBe(events);
  });
});

describe("switching the 2FA requirement off", () => {
  it("always works for an owner or admin, even when the owner no longer has 2FA, and is audited", async () => {
    // The actor has 2FA (while it is required, the guard refuses every action of a member
    // without it); the owner has turned theirs off since it was switched on.
    const ws = await team(["admin"]);
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { requireTwoFactor: true } });
    await signInAs(ws.members.admin.user);
    expect(await updateTwoFactorRequirement(ws.workspace.slug, { required: false })).toEqual({ ok: true, data: { required: false } });
    expect(await requiredOf(ws.workspace.id)).toBe(false);
    const [event] = await settingEvents(ws.workspace.id);
    expect(event).toMatchObject({ before: { requireTwoFactor: true }, after: { requireTwoFactor: false } });
  });

  it("works for an owner who switched it on, and back on again", async () => {
    const ws = await team(["owner"]);
    await signInAs(ws.members.owner.user);
    for (const required of [true, false, true]) {
      expect(await updateTwoFactorRequirement(ws.workspace.slug, { required })).toMatchObject({ ok: true });
      expect(await requiredOf(ws.workspace.id)).toBe(required);
    }
    expect((await settingEvents(ws.workspace.id)).map((e) => e.after)).toEqual([{ requireTwoFactor: true }, { requireTwoFactor: false }, { requireTwoFactor: true }]);
  });

  it("records nothing when it is already off", async () => {
    const ws = await team();
    await signInAs(ws.members.owner.user);
    const before = await teamSnapshot(ws.workspace.id);
    expect(await updateTwoFactorRequirement(ws.workspace.slug, { required: false })).toEqual({ ok: true, data: { required: false } });
    expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("is still forbidden to a write member", async () => {
    const ws = await team(["owner", "write"]);
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { requireTwoFactor: true } });
    await signInAs(ws.members.write.user);
    await expectRefusedUnchanged(ws, () => updateTwoFactorRequirement(ws.workspace.slug, { required: false }), { code: "forbidden" });
  });
});

describe("findTwoFactorBlocker (the settings card's reason)", () => {
  it("names the viewer first, then the owner, and nothing once both have 2FA", async () => {
    const ws = await team();
    const owner = ws.members.owner.user;
    expect(await findTwoFactorBlocker(ws.workspace.id, ws.members.admin.user.id)).toEqual({ who: "you" });
    await turnOn(ws.members.admin.user);
    expect(await findTwoFactorBlocker(ws.workspace.id, ws.members.admin.user.id)).toEqual({ who: "owner", ownerName: `${owner.firstName} ${owner.lastName}` });
    expect(await findTwoFactorBlocker(ws.workspace.id, owner.id)).toEqual({ who: "you" });
    await turnOn(owner);
    expect(await findTwoFactorBlocker(ws.workspace.id, ws.members.admin.user.id)).toBeNull();
    expect(await findTwoFactorBlocker(ws.workspace.id, owner.id)).toBeNull();
  });
});

describe("listMembersWithoutTwoFactor", () => {
  it("counts and lists this workspace's members without 2FA, by name, with only the fields shown", async () => {
    const ws = await team(["owner", "read"]);
    // A member of another workspace only, and one of both, without 2FA.
    const other = await createWorkspace(["owner"]);
    const shared = await createUser({ firstName: "Aaron", lastName: "Shared" });
    await prisma.membership.create({ data: { workspaceId: other.workspace.id, userId: shared.id, role: "read" } });
    const sharedMembership = await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: shared.id, role: "write" } });

    const found = await listMembersWithoutTwoFactor(ws.workspace.id, 50);
    expect(found.total).toBe(4); // admin, write, billing, and Aaron
    expect(found.members[0]).toEqual({ id: sharedMembership.id, name: "Aaron Shared", email: shared.email, role: "write" });
    expect(found.members.map((m) => m.id).sort()).toEqual([ws.members.admin.membershipId, ws.members.write.membershipId, ws.members.billing.membershipId, sharedMembership.id].sort());
    for (const member of found.members) expect(Object.keys(member).sort()).toEqual(["email", "id", "name", "role"]);

    const elsewhere = await listMembersWithoutTwoFactor(other.workspace.id, 50);
    expect(elsewhere.total).toBe(2); // its owner and Aaron
    expect(elsewhere.members.map((m) => m.id)).not.toContain(sharedMembership.id);

    await turnOn(shared);
    expect((await listMembersWithoutTwoFactor(ws.workspace.id, 50)).total).toBe(3);
    expect((await listMembersWithoutTwoFactor(other.workspace.id, 50)).total).toBe(1);
  });

  it("shows at most `limit` members but counts them all", async () => {
    const ws = await createWorkspace(["owner"]);
    await turnOn(ws.members.owner.user);
    for (let i = 0; i < 7; i++) {
      const user = await createUser({ firstName: "Member", lastName: `No ${i}` });
      await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role: "read" } });
    }
    const found = await listMembersWithoutTwoFactor(ws.workspace.id, 5);
    expect(found.total).toBe(7);
    expect(found.members.map((m) => m.name)).toEqual(["Member No 0", "Member No 1", "Member No 2", "Member No 3", "Member No 4"]);
  });

  it("is empty when every member has 2FA", async () => {
    const ws = await team(["owner", "admin", "write", "read", "billing"]);
    expect(await listMembersWithoutTwoFactor(ws.workspace.id, 50)).toEqual({ total: 0, members: [] });
  });
});
