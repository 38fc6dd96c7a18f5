// Plans and seats (docs/product.md#seats-and-plans) and the invitation-lifetime setting,
// called directly (no UI): the billing page hides the form from admins, but the server
// must refuse them too.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changePlan } from "@/lib/billing/actions";
import { updateWorkspaceSettings } from "@/lib/workspaces/actions";
import type { Role } from "@/lib/authz/permissions";
import type { Plan } from "@/lib/billing/plans";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs, teamSnapshot } from "../support/factories";

type Caller = Role | "non-member" | "signed-out";
const CALLERS: Caller[] = ["owner", "admin", "write", "read", "billing", "non-member", "signed-out"];
const refusalFor = (c: Caller) => (c === "signed-out" ? "unauthenticated" : c === "non-member" ? "not_found" : "forbidden");

async function signInCaller(ws: Awaited<ReturnType<typeof createWorkspace>>, caller: Caller) {
  if (caller === "signed-out") actAs(null);
  else if (caller === "non-member") await signInAs(await createUser());
  else await signInAs(ws.members[caller].user);
}

const DAY = 86_400_000;
/** A pending invitation row, as the invitations feature would write it (expired when `days` < 0). */
function invite(workspaceId: string, days = 7) {
  const tag = randomBytes(6).toString("hex");
  return prisma.invitation.create({
    data: { workspaceId, email: `invitee-${tag}@example.test`, role: "read", tokenHash: `test-${tag}`, expiresAt: new Date(Date.now() + days * DAY) },
  });
}

/** A business-plan workspace with `members` members (owner first, then billing, then read) and `pending` live invitations. */
async function team(members: number, pending: number, plan: Plan = "business") {
  const roles: Role[] = ["owner", "billing", "read", "write", "admin"].slice(0, members) as Role[];
  const ws = await createWorkspace(roles, { plan });
  for (let i = 0; i < pending; i++) await invite(ws.workspace.id);
  await signInAs(ws.members.owner.user);
  return ws;
}

const planOf = async (id: string) => (await prisma.workspace.findUniqueOrThrow({ where: { id } })).plan;

describe("changePlan: who may", () => {
  const allowed: Caller[] = ["owner", "billing"];
  it.each(CALLERS)("as %s", async (caller) => {
    const ws = await createWorkspace(undefined, { plan: "enterprise" });
    await signInCaller(ws, caller);
    const before = await teamSnapshot(ws.workspace.id);
    const result = await changePlan(ws.workspace.slug, { plan: "business" });
    if (allowed.includes(caller)) {
      expect(result).toEqual({ ok: true, data: { plan: "business" } });
      expect(await planOf(ws.workspace.id)).toBe("business");
      expect(await prisma.auditEvent.count()).toBe(before.auditEvents + 1);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusalFor(caller) });
      expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
    }
  });

  it("tells a refused admin who can change the plan", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    await signInAs(ws.members.admin.user);
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toEqual({
      ok: false,
      code: "forbidden",
      message: "Only the owner and billing members can change the plan.",
    });
  });
});

describe("changePlan: seats", () => {
  it("refuses a downgrade below the seats in use, saying how many to free, and changes nothing", async () => {
    const ws = await team(4, 1);
    const before = await teamSnapshot(ws.workspace.id);
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toEqual({
      ok: false,
      code: "seat_limit",
      message: "The Growth plan has 3 seats; 5 are in use (4 members, 1 pending invitation). Remove 2 members or revoke invitations first.",
    });
    expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("counts pending invitations: 3 members and 1 invitation do not fit Growth", async () => {
    const ws = await team(3, 1);
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toMatchObject({ ok: false, code: "seat_limit" });
    expect(await planOf(ws.workspace.id)).toBe("business");
  });

  it("does not count expired, revoked or accepted invitations", async () => {
    const ws = await team(3, 0);
    await invite(ws.workspace.id, -1);
    const revoked = await invite(ws.workspace.id);
    await prisma.invitation.update({ where: { id: revoked.id }, data: { status: "revoked", revokedAt: new Date() } });
    const accepted = await invite(ws.workspace.id);
    await prisma.invitation.update({ where: { id: accepted.id }, data: { status: "accepted", acceptedAt: new Date() } });
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toEqual({ ok: true, data: { plan: "growth" } });
  });

  it("allows a downgrade that fits exactly, and an upgrade back", async () => {
    const ws = await team(2, 1);
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toMatchObject({ ok: true });
    expect(await changePlan(ws.workspace.slug, { plan: "enterprise" })).toMatchObject({ ok: true });
    expect(await planOf(ws.workspace.id)).toBe("enterprise");
  });

  it("says only 'remove members' when no invitation is pending", async () => {
    const ws = await team(2, 0);
    expect(await changePlan(ws.workspace.slug, { plan: "free" })).toMatchObject({
      message: "The Free plan has 1 seat; 2 are in use (2 members, 0 pending invitations). Remove 1 member first.",
    });
  });

  it("audits the change with the plan before and after", async () => {
    const ws = await team(2, 0, "enterprise");
    await changePlan(ws.workspace.slug, { plan: "growth" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "workspace.plan_changed" } });
    expect(event).toMatchObject({ actorId: ws.members.owner.user.id, targetId: ws.workspace.id, before: { plan: "enterprise" }, after: { plan: "growth" } });
  });

  it("treats the same plan as a successful no-op without an audit event", async () => {
    const ws = await team(2, 0, "growth");
    const before = await teamSnapshot(ws.workspace.id);
    expect(await changePlan(ws.workspace.slug, { plan: "growth" })).toEqual({ ok: true, data: { plan: "growth" } });
    expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("refuses an unknown plan as invalid input", async () => {
    const ws = await team(1, 0);
    expect(await changePlan(ws.workspace.slug, { plan: "platinum" as Plan })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await planOf(ws.workspace.id)).toBe("business");
  });

  it("new workspaces start on enterprise", async () => {
    const ws = await createWorkspace(["owner"]);
    expect(ws.workspace.plan).toBe("enterprise");
  });
});

describe("invitation lifetime setting", () => {
  const lifetimeOf = async (id: string) => (await prisma.workspace.findUniqueOrThrow({ where: { id } })).invitationLifetimeDays;

  it("defaults to 14 days", async () => {
    const ws = await createWorkspace(["owner"]);
    expect(ws.workspace.invitationLifetimeDays).toBe(14);
  });

  it.each([0, 31, -1, 1.5, Number.NaN])("refuses %s days, changing nothing", async (days) => {
    const ws = await createWorkspace(["owner"]);
    await signInAs(ws.members.owner.user);
    const before = await teamSnapshot(ws.workspace.id);
    const result = await updateWorkspaceSettings(ws.workspace.slug, { name: ws.workspace.name, invitationLifetimeDays: days });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { invitationLifetimeDays: ["Enter a whole number of days from 1 to 30."] } });
    expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("accepts every whole number from 1 to 30", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    await signInAs(ws.members.admin.user);
    for (let days = 1; days <= 30; days++) {
      expect(await updateWorkspaceSettings(ws.workspace.slug, { name: ws.workspace.name, invitationLifetimeDays: days })).toMatchObject({ ok: true });
      expect(await lifetimeOf(ws.workspace.id)).toBe(days);
    }
  });

  it("audits only what changed, before and after", async () => {
    const ws = await createWorkspace(["owner"]);
    await signInAs(ws.members.owner.user);
    await updateWorkspaceSettings(ws.workspace.slug, { name: ws.workspace.name, invitationLifetimeDays: 7 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "workspace.settings_changed" } });
    expect(event).toMatchObject({ before: { invitationLifetimeDays: 14 }, after: { invitationLifetimeDays: 7 } });
    await updateWorkspaceSettings(ws.workspace.slug, { name: "Renamed Team", invitationLifetimeDays: 7 });
    const rename = await prisma.auditEvent.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, action: "workspace.settings_changed" }, orderBy: { createdAt: "desc" } });
    expect(rename).toMatchObject({ before: { name: ws.workspace.name }, after: { name: "Renamed Team" } });
  });

  it("treats unchanged settings as a successful no-op without an audit event", async () => {
    const ws = await createWorkspace(["owner"]);
    await signInAs(ws.members.owner.user);
    const before = await teamSnapshot(ws.workspace.id);
    expect(await updateWorkspaceSettings(ws.workspace.slug, { name: ws.workspace.name, invitationLifetimeDays: 14 })).toMatchObject({ ok: true });
    expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
  });

  it.each(CALLERS)("as %s", async (caller) => {
    const ws = await createWorkspace();
    await signInCaller(ws, caller);
    const before = await teamSnapshot(ws.workspace.id);
    const result = await updateWorkspaceSettings(ws.workspace.slug, { name: ws.workspace.name, invitationLifetimeDays: 3 });
    if (caller === "owner" || caller === "admin") {
      expect(result).toMatchObject({ ok: true });
      expect(await lifetimeOf(ws.workspace.id)).toBe(3);
    } else {
      expect(result).toMatchObject({ ok: false, code: refusalFor(caller) });
      expect(await teamSnapshot(ws.workspace.id)).toEqual(before);
    }
  });
});
