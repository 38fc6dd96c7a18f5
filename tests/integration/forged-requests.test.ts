// Forged requests straight to the actions, as a script or a hand-edited request would send
// them: ids from another workspace, roles above the actor's, malformed input, an actor
// demoted or removed between the check and the transaction. Each is refused and changes
// nothing: memberships, invitations, workspaces and the audit log are compared before and after.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { workspaceAction, userAction } from "@/lib/authz/guard";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import { previewBulkInvitations, resendInvitation, revokeInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import { acceptMyInvitation, emailMyInvitationLinks } from "@/lib/invitations/my-actions";
import { acceptInvitation } from "@/lib/invitations/join-actions";
import { updateWorkspaceSettings } from "@/lib/workspaces/actions";
import { changePlan } from "@/lib/billing/actions";
import { TEST_PASSWORD, createUser, createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, seedInvitation } from "../support/invitations";

isolateOutbox();

async function world() {
  const all = async () => ({
    memberships: await prisma.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, role: true, workspaceId: true, userId: true } }),
    invitations: await prisma.invitation.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, tokenHash: true, expiresAt: true, role: true } }),
    workspaces: await prisma.workspace.findMany({ orderBy: { id: "asc" } }),
    events: await prisma.auditEvent.count(),
  });
  return all();
}

async function two() {
  const a = await createWorkspace();
  const b = await createWorkspace();
  const { invitation: invB } = await seedInvitation(b.workspace.id, { email: `inv-${b.workspace.slug}@example.test`, role: "admin", invitedById: b.members.owner.user.id });
  return { a, b, invB };
}

describe("cross-workspace ids", () => {
  it("admin of A cannot touch B's members or invitations through A's slug", async () => {
    const { a, b, invB } = await two();
    await signInAs(a.members.admin.user);
    const before = await world();
    const results = [
      await changeMemberRole(a.workspace.slug, { memberId: b.members.write.membershipId, role: "read" }),
      await removeMember(a.workspace.slug, { memberId: b.members.write.membershipId }),
      await revokeInvitation(a.workspace.slug, { invitationId: invB.id }),
      await resendInvitation(a.workspace.slug, { invitationId: invB.id }),
      await changeMemberRole(b.workspace.slug, { memberId: b.members.write.membershipId, role: "read" }),
      await removeMember(b.workspace.slug, { memberId: b.members.write.membershipId }),
      await revokeInvitation(b.workspace.slug, { invitationId: invB.id }),
      await previewBulkInvitations(b.workspace.slug, { csv: "x@example.test,read" }),
      await updateWorkspaceSettings(b.workspace.slug, { name: "Pwned", invitationLifetimeDays: 30 }),
    ];
    for (const r of results) expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await world()).toEqual(before);
  });

  it("owner of A cannot transfer ownership to a member of B", async () => {
    const { a, b } = await two();
    await signInAs(a.members.owner.user);
    const before = await world();
    const r = await transferOwnership(a.workspace.slug, { memberId: b.members.admin.membershipId, password: TEST_PASSWORD, confirmName: a.workspace.name });
    expect(r).toMatchObject({ ok: false, code: "not_found" });
    expect(await world()).toEqual(before);
  });

  it("a user cannot accept or re-mail someone else's invitation by id", async () => {
    const { invB } = await two();
    const u = await createUser();
    await prisma.user.update({ where: { id: u.id }, data: { emailVerifiedAt: new Date() } });
    await signInAs(u);
    const before = await world();
    expect(await acceptMyInvitation({ invitationId: invB.id })).toMatchObject({ ok: false });
    expect(await emailMyInvitationLinks({})).toMatchObject({ ok: false });
    expect(await world()).toEqual(before);
  });
});

describe("rank, self and owner rules as each role", () => {
  it("admin cannot act on owner, self, or grant owner; write/read/billing cannot act at all", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const before = await world();
    await signInAs(m.admin.user);
    expect(await changeMemberRole(w.slug, { memberId: m.owner.membershipId, role: "read" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(w.slug, { memberId: m.owner.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(w.slug, { memberId: m.admin.membershipId, role: "read" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeMember(w.slug, { memberId: m.admin.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
    // @ts-expect-error forged
    expect(await changeMemberRole(w.slug, { memberId: m.write.membershipId, role: "owner" })).toMatchObject({ ok: false, code: "invalid_input" });
    // @ts-expect-error forged
    expect(await sendInvitation(w.slug, { email: "x@example.test", role: "owner" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await sendBulkInvitations(w.slug, { rows: [{ email: "y@example.test", role: "owner" }] })).toMatchObject({ ok: false });
    expect(await sendBulkInvitations(w.slug, { rows: [{ email: "y@example.test", role: "__proto__" }] })).toMatchObject({ ok: false });
    expect(await sendBulkInvitations(w.slug, { rows: [{ email: "y@example.test", role: "constructor" }] })).toMatchObject({ ok: false });
    expect(await transferOwnership(w.slug, { memberId: m.write.membershipId, password: TEST_PASSWORD, confirmName: w.name })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changePlan(w.slug, { plan: "free" })).toMatchObject({ ok: false, code: "forbidden" });
    for (const role of ["write", "read", "billing"] as const) {
      await signInAs(m[role].user);
      expect(await changeMemberRole(w.slug, { memberId: m.read.membershipId, role: "read" })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await removeMember(w.slug, { memberId: m.read.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
      expect(await sendInvitation(w.slug, { email: "z@example.test", role: "read" })).toMatchObject({ ok: false, code: "forbidden" });
    }
    await signInAs(m.owner.user);
    expect(await leaveWorkspace(w.slug, {})).toMatchObject({ ok: false, code: "forbidden" });
    expect(await changeMemberRole(w.slug, { memberId: m.owner.membershipId, role: "admin" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await world()).toEqual(before);
  });
});

describe("malformed input", () => {
  it("never throws, never leaks, changes nothing", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    await signInAs(m.owner.user);
    const before = await world();
    const forged: unknown[][] = [
      [w.slug, null],
      [w.slug, undefined],
      [w.slug, "string"],
      [w.slug, { memberId: { not: "x" }, role: "read" }],
      [w.slug, { memberId: ["a"], role: "read" }],
      [w.slug, { memberId: "x".repeat(65), role: "read" }],
      [w.slug, { memberId: m.write.membershipId, role: "READ" }],
      [{ slug: w.slug }, { memberId: m.write.membershipId, role: "read" }],
      [null, { memberId: m.write.membershipId, role: "read" }],
      [w.slug.toUpperCase(), { memberId: m.write.membershipId, role: "read" }],
      [`${w.slug}%`, { memberId: m.write.membershipId, role: "read" }],
    ];
    for (const args of forged) {
      const r = await (changeMemberRole as unknown as (...a: unknown[]) => Promise<{ ok: boolean; code?: string; message?: string }>)(...args);
      expect(r.ok).toBe(false);
      expect(["invalid_input", "not_found"]).toContain(r.code);
      expect(r.message).not.toMatch(/prisma|invalid `|at .*\.ts|SELECT/i);
    }
    // A memberId that is a valid string but points nowhere / at a weird id.
    for (const memberId of ["' OR 1=1 --", "00000000-0000-0000-0000-000000000000", "\u0000"]) {
      const r = await removeMember(w.slug, { memberId });
      expect(r.ok).toBe(false);
      console.log("PROBE", JSON.stringify(memberId), JSON.stringify(r));
    }
    // A lone surrogate would be stored differently from what its audit hash covers: refused up front.
    expect(await updateWorkspaceSettings(w.slug, { name: "Broken \ud800 name", invitationLifetimeDays: 7 })).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: [expect.stringMatching(/cannot store/)] } });
    expect(await world()).toEqual(before);
  });
});

describe("the re-check under the lock", () => {
  it("refuses when the actor is demoted between the pre-check and the transaction", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const probe = workspaceAction(
      "members:manage",
      z.object({ memberId: z.string() }),
      async (input, { tx, audit }) => {
        await tx.membership.delete({ where: { id: input.memberId } });
        await audit({ action: "member.removed" });
        return "done";
      },
      {
        // Runs after the pre-check, before the transaction: stands in for a concurrent demotion.
        before: async () => {
          await prisma.membership.update({ where: { id: m.admin.membershipId }, data: { role: "read" } });
        },
      },
    );
    await signInAs(m.admin.user);
    const before = await prisma.membership.count({ where: { workspaceId: w.id } });
    const events = await prisma.auditEvent.count();
    expect(await probe(w.slug, { memberId: m.write.membershipId })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await prisma.membership.count({ where: { workspaceId: w.id } })).toBe(before);
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("refuses when the actor is removed between the pre-check and the transaction", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    const probe = workspaceAction(
      "members:manage",
      z.object({}),
      async (_input, { tx, workspace, audit }) => {
        await tx.workspace.update({ where: { id: workspace.id }, data: { name: "Changed" } });
        await audit({ action: "workspace.settings_changed" });
      },
      { before: async () => void (await prisma.membership.delete({ where: { id: m.admin.membershipId } })) },
    );
    await signInAs(m.admin.user);
    expect(await probe(w.slug, {})).toMatchObject({ ok: false, code: "not_found" });
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: w.id } })).name).toBe(w.name);
  });

  it("afterCommit does not run on refusal; before's refusal leaves no tx writes", async () => {
    const { workspace: w, members: m } = await createWorkspace();
    let after = 0;
    const refusing = workspaceAction(
      "settings:manage",
      z.object({}),
      async (_i, { tx, workspace }) => {
        await tx.workspace.update({ where: { id: workspace.id }, data: { name: "Changed" } });
        throw new (await import("@/lib/core/result")).Refusal("conflict", "no");
      },
      { afterCommit: async () => void after++ },
    );
    await signInAs(m.owner.user);
    expect(await refusing(w.slug, {})).toMatchObject({ ok: false, code: "conflict" });
    expect(after).toBe(0);
    expect((await prisma.workspace.findUniqueOrThrow({ where: { id: w.id } })).name).toBe(w.name);
    const boom = userAction(z.object({}), async (_i, { tx, user }) => {
      await tx.user.update({ where: { id: user.id }, data: { firstName: "Changed" } });
      throw new Error("secret internal detail: password=hunter2");
    });
    const r = await boom({});
    expect(r).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(r)).not.toContain("hunter2");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: m.owner.user.id } })).firstName).toBe(m.owner.user.firstName);
  });

  it("accepting a link meant for someone else changes nothing", async () => {
    const { workspace: w } = await createWorkspace(["owner"]);
    const { token } = await seedInvitation(w.id, { email: "victim@example.test", role: "admin" });
    await signInAs(await createUser());
    const before = await world();
    expect(await acceptInvitation({ token })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await world()).toEqual(before);
  });
});
