// An invitation carries its inviter's authority (docs/product.md#invitations): when the
// inviter is removed, leaves, or is demoted below a role that may grant it, their pending
// invitations are revoked in the same transaction, each audited, and the links die.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sendInvitation } from "@/lib/invitations/actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, lastTokenTo } from "../support/invitations";

isolateOutbox();

let n = 0;
const address = () => `invited-by-admin-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** A team where the admin invited one address as admin and one as read; the owner invited a third. */
async function teamWithInvitations() {
  const ws = await createWorkspace(["owner", "admin", "write"]);
  const [asAdmin, asRead, byOwner] = [address(), address(), address()];
  await signInAs(ws.members.admin.user);
  expect(await sendInvitation(ws.workspace.slug, { email: asAdmin, role: "admin" })).toMatchObject({ ok: true });
  expect(await sendInvitation(ws.workspace.slug, { email: asRead, role: "read" })).toMatchObject({ ok: true });
  await signInAs(ws.members.owner.user);
  expect(await sendInvitation(ws.workspace.slug, { email: byOwner, role: "write" })).toMatchObject({ ok: true });
  return { ...ws, asAdmin, asRead, byOwner };
}

const statusOf = async (workspaceId: string, email: string) => (await prisma.invitation.findFirstOrThrow({ where: { workspaceId, email } })).status;
const revocations = (workspaceId: string) =>
  prisma.auditEvent.findMany({ where: { workspaceId, action: "invitation.revoked" }, select: { actorId: true, targetLabel: true, before: true, after: true }, orderBy: { targetLabel: "asc" } });

describe("a removed inviter's invitations", () => {
  it("are revoked with the removal, audited, and the links no longer join (as admin or otherwise)", async () => {
    const t = await teamWithInvitations();
    const adminLink = await lastTokenTo(t.asAdmin);
    await signInAs(t.members.owner.user);
    expect(await removeMember(t.workspace.slug, { memberId: t.members.admin.membershipId })).toMatchObject({ ok: true });

    expect([await statusOf(t.workspace.id, t.asAdmin), await statusOf(t.workspace.id, t.asRead), await statusOf(t.workspace.id, t.byOwner)]).toEqual(["revoked", "revoked", "pending"]);
    expect(await revocations(t.workspace.id)).toEqual(
      [
        { actorId: t.members.owner.user.id, targetLabel: t.asAdmin, before: expect.objectContaining({ role: "admin", status: "pending" }), after: { status: "revoked", reason: "inviter_removed" } },
        { actorId: t.members.owner.user.id, targetLabel: t.asRead, before: expect.objectContaining({ role: "read", status: "pending" }), after: { status: "revoked", reason: "inviter_removed" } },
      ].sort((a, b) => a.targetLabel.localeCompare(b.targetLabel)),
    );

    actAs(null, "198.51.100.201");
    expect(await joinWithNewAccount({ token: adminLink, firstName: "Eve", lastName: "Later", password: "Joining-late1" })).toMatchObject({ ok: false, code: "gone" });
    expect(await prisma.user.count({ where: { email: t.asAdmin } })).toBe(0);
  });
});

describe("an inviter who leaves", () => {
  it("takes their pending invitations along, audited as theirs", async () => {
    const t = await teamWithInvitations();
    await signInAs(t.members.admin.user);
    expect(await leaveWorkspace(t.workspace.slug, {})).toMatchObject({ ok: true });
    expect([await statusOf(t.workspace.id, t.asAdmin), await statusOf(t.workspace.id, t.asRead), await statusOf(t.workspace.id, t.byOwner)]).toEqual(["revoked", "revoked", "pending"]);
    const events = await revocations(t.workspace.id);
    expect(events).toHaveLength(2);
    for (const e of events) expect(e).toMatchObject({ actorId: t.members.admin.user.id, after: { status: "revoked", reason: "inviter_left" } });
  });
});

describe("a demoted inviter's invitations", () => {
  it("are revoked when the new role may not invite at all", async () => {
    const t = await teamWithInvitations();
    await signInAs(t.members.owner.user);
    expect(await changeMemberRole(t.workspace.slug, { memberId: t.members.admin.membershipId, role: "write" })).toMatchObject({ ok: true });
    expect([await statusOf(t.workspace.id, t.asAdmin), await statusOf(t.workspace.id, t.asRead), await statusOf(t.workspace.id, t.byOwner)]).toEqual(["revoked", "revoked", "pending"]);
    const events = await revocations(t.workspace.id);
    expect(events).toHaveLength(2);
    for (const e of events) expect(e).toMatchObject({ actorId: t.members.owner.user.id, after: { status: "revoked", reason: "inviter_demoted" } });
  });

  it("stay when the new role may still grant them: the old owner, an admin after a transfer, keeps an invitation as admin", async () => {
    const t = await teamWithInvitations();
    await signInAs(t.members.owner.user);
    expect(await sendInvitation(t.workspace.slug, { email: "kept@example.test", role: "admin" })).toMatchObject({ ok: true });
    expect(await transferOwnership(t.workspace.slug, { memberId: t.members.admin.membershipId, password: TEST_PASSWORD, confirmName: t.workspace.name })).toMatchObject({ ok: true });
    expect(await statusOf(t.workspace.id, "kept@example.test")).toBe("pending");
    expect(await statusOf(t.workspace.id, t.byOwner)).toBe("pending");
    expect(await revocations(t.workspace.id)).toEqual([]);
  });
});
