// Sending, resending, revoking and bulk-inviting (docs/product.md#invitations): every
// refusal stores nothing, mails nothing and writes no audit event; the database keeps only
// the hash.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { previewBulkInvitations, resendInvitation, revokeInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import { lookupInvitation } from "@/lib/invitations/join";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { LIMITS } from "@/lib/rate-limit";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { invitationSnapshot, lastTokenTo, mailsTo, pastDate, seedInvitation, tokenOf, isolateOutbox } from "../support/invitations";

isolateOutbox();

const DAY_MS = 24 * 60 * 60 * 1000;

/** A growth workspace (3 seats) with an owner and an admin signed in: one seat left. */
async function growthTeam() {
  const ws = await createWorkspace(["owner", "admin"], { plan: "growth" });
  await signInAs(ws.members.admin.user);
  return ws;
}

async function expectRefusedUnchanged(workspaceId: string, run: () => Promise<{ ok: boolean }>, expected: { code: string; message?: RegExp }) {
  const before = await invitationSnapshot(workspaceId);
  const result = await run();
  expect(result).toMatchObject({ ok: false, code: expected.code });
  if (expected.message) expect(!result.ok && "message" in result && result.message).toMatch(expected.message);
  expect(await invitationSnapshot(workspaceId)).toEqual(before);
  return result;
}

describe("sending an invitation", () => {
  it("stores only the SHA-256 of the link's secret, with expiry, inviter, one audit event and one mail", async () => {
    const { workspace, members } = await growthTeam();
    await prisma.workspace.update({ where: { id: workspace.id }, data: { invitationLifetimeDays: 7 } });
    const events = await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.sent" } });
    const start = Date.now();
    const result = await sendInvitation(workspace.slug, { email: "  New.Person@Example.TEST ", role: "write" });
    expect(result).toMatchObject({ ok: true, data: { sent: ["new.person@example.test"], mailFailed: [] } });
    expect(JSON.stringify(result)).not.toMatch(/\/join\//);

    const [mail, ...others] = await mailsTo("new.person@example.test");
    expect(others).toHaveLength(0);
    const token = tokenOf(mail!.links?.join);
    expect(mail!.text).toContain(mail!.links!.join);
    expect(mail!.text).toContain(workspace.name);
    expect(mail!.text).toContain(`${members.admin.user.firstName} ${members.admin.user.lastName}`);

    const invitation = await prisma.invitation.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(invitation).toMatchObject({ email: "new.person@example.test", role: "write", status: "pending", invitedById: members.admin.user.id });
    expect(invitation.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    const everything = JSON.stringify([await prisma.invitation.findMany(), await prisma.auditEvent.findMany(), await prisma.rateLimitHit.findMany()], (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(everything).not.toContain(token);

    expect(invitation.expiresAt.getTime() - invitation.sentAt.getTime()).toBe(7 * DAY_MS);
    expect(invitation.sentAt.getTime()).toBeGreaterThanOrEqual(start - 1000);
    expect(invitation.sentAt.getTime()).toBeLessThanOrEqual(Date.now() + 1000);

    const audit = await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "invitation.sent" } });
    expect(audit).toHaveLength(events + 1);
    expect(audit.at(-1)).toMatchObject({ actorId: members.admin.user.id, targetId: invitation.id });
    expect(await lookupInvitation(token, "198.51.100.50")).toMatchObject({ state: "valid", invitation: { email: "new.person@example.test", role: "write" } });
  });

  it("refuses an address with a pending invitation, in another letter case", async () => {
    const { workspace } = await growthTeam();
    await prisma.workspace.update({ where: { id: workspace.id }, data: { plan: "business" } });
    await seedInvitation(workspace.id, { email: "pending@example.test" });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "Pending@EXAMPLE.test", role: "read" }), { code: "conflict", message: /pending invitation/ });
  });

  it("refuses an address that is already a member, in another letter case", async () => {
    const { workspace } = await growthTeam();
    const member = await createUser({ email: "already@example.test" });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: member.id, role: "read" } });
    await prisma.workspace.update({ where: { id: workspace.id }, data: { plan: "business" } });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "ALREADY@example.test", role: "read" }), { code: "conflict", message: /already a member/ });
  });

  it("refuses past the plan's seats, counting members and live pending invitations", async () => {
    const { workspace } = await growthTeam();
    await seedInvitation(workspace.id, { email: "third@example.test" });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "fourth@example.test", role: "read" }), {
      code: "seat_limit",
      message: /3 seats; 3 are in use \(2 members, 1 pending invitation\)/,
    });
  });

  it("takes the last seat, then refuses the next one", async () => {
    const { workspace } = await growthTeam();
    expect(await sendInvitation(workspace.slug, { email: "last@example.test", role: "read" })).toMatchObject({ ok: true });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "one-more@example.test", role: "read" }), { code: "seat_limit" });
  });

  it.each([
    ["a malformed address", { email: "not-an-email", role: "read" }, /valid email/],
    ["an empty address", { email: "  ", role: "read" }, /./],
    ["the owner role", { email: "boss@example.test", role: "owner" }, /Choose a role/],
    ["an unknown role", { email: "boss@example.test", role: "superuser" }, /Choose a role/],
  ])("refuses %s", async (_case, input, message) => {
    const { workspace } = await growthTeam();
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, input as never), { code: "invalid_input", message });
  });

  it("is not blocked by an expired invitation to the same address, which it closes", async () => {
    const { workspace } = await growthTeam();
    const old = await seedInvitation(workspace.id, { email: "late@example.test", expiresAt: pastDate() });
    expect(await sendInvitation(workspace.slug, { email: "late@example.test", role: "read" })).toMatchObject({ ok: true });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: old.invitation.id } })).toMatchObject({ status: "revoked" });
    const pending = await prisma.invitation.findMany({ where: { workspaceId: workspace.id, email: "late@example.test", status: "pending" } });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.id).not.toBe(old.invitation.id);
    expect(await lookupInvitation(old.token, "198.51.100.51")).toMatchObject({ state: "revoked" });
  });

  it("refuses once the workspace's hourly invitation quota is used up, with a clear message", async () => {
    const { workspace } = await growthTeam();
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.invitationsPerWorkspace.limit }, () => ({ key: `invitations:workspace:${workspace.id}` })) });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "quota@example.test", role: "read" }), {
      code: "rate_limited",
      message: new RegExp(`Too many invitations: at most ${LIMITS.invitationsPerWorkspace.limit} emails an hour\\. Try again in`),
    });
  });

  it("refuses once the sender's hourly quota is used up, in any workspace", async () => {
    const { workspace, members } = await growthTeam();
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.invitationsPerActor.limit }, () => ({ key: `invitations:actor:${members.admin.user.id}` })) });
    await expectRefusedUnchanged(workspace.id, () => sendInvitation(workspace.slug, { email: "quota@example.test", role: "read" }), { code: "rate_limited" });
  });
});

describe("resending an invitation", () => {
  it("mails a fresh link with a fresh lifetime; the old link dies", async () => {
    const { workspace } = await growthTeam();
    await sendInvitation(workspace.slug, { email: "resend@example.test", role: "read" });
    const oldToken = await lastTokenTo("resend@example.test");
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { workspaceId: workspace.id, email: "resend@example.test" } });
    await prisma.invitation.update({ where: { id: invitation.id }, data: { sentAt: pastDate(3 * DAY_MS), expiresAt: new Date(Date.now() + 11 * DAY_MS) } });

    const result = await resendInvitation(workspace.slug, { invitationId: invitation.id });
    expect(result).toMatchObject({ ok: true, data: { sent: ["resend@example.test"] } });
    const newToken = await lastTokenTo("resend@example.test");
    expect(newToken).not.toBe(oldToken);
    expect(await lookupInvitation(oldToken, "198.51.100.52")).toEqual({ state: "unknown" });
    expect(await lookupInvitation(newToken, "198.51.100.52")).toMatchObject({ state: "valid" });
    const after = await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(after.expiresAt.getTime() - after.sentAt.getTime()).toBe(14 * DAY_MS);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 13 * DAY_MS);
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.resent", targetId: invitation.id } })).toBe(1);
  });

  it("brings back an expired invitation when a seat is free", async () => {
    const { workspace } = await growthTeam();
    const { invitation, token } = await seedInvitation(workspace.id, { email: "expired@example.test", expiresAt: pastDate() });
    expect(await lookupInvitation(token, "198.51.100.53")).toMatchObject({ state: "expired" });
    expect(await resendInvitation(workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: true });
    expect(await lookupInvitation(await lastTokenTo("expired@example.test"), "198.51.100.53")).toMatchObject({ state: "valid" });
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses to bring back an expired invitation when the plan is full", async () => {
    const { workspace } = await growthTeam();
    await seedInvitation(workspace.id, { email: "holds-last-seat@example.test" });
    const { invitation } = await seedInvitation(workspace.id, { email: "expired@example.test", expiresAt: pastDate() });
    await expectRefusedUnchanged(workspace.id, () => resendInvitation(workspace.slug, { invitationId: invitation.id }), { code: "seat_limit" });
  });

  it("resends a live invitation on a full plan (it already holds its seat)", async () => {
    const { workspace } = await growthTeam();
    const { invitation } = await seedInvitation(workspace.id, { email: "holds-last-seat@example.test" });
    expect(await resendInvitation(workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: true });
  });

  it.each(["accepted", "revoked"] as const)("refuses a %s invitation", async (status) => {
    const { workspace } = await growthTeam();
    const { invitation } = await seedInvitation(workspace.id, { email: `${status}@example.test`, status });
    await expectRefusedUnchanged(workspace.id, () => resendInvitation(workspace.slug, { invitationId: invitation.id }), { code: "not_found" });
  });
});

describe("revoking an invitation", () => {
  it("kills the link at once, drops it from the pending list, and is audited", async () => {
    const { workspace } = await growthTeam();
    await sendInvitation(workspace.slug, { email: "revoke@example.test", role: "read" });
    const token = await lastTokenTo("revoke@example.test");
    const [row] = await listPendingInvitations(workspace.id);
    expect(row).toMatchObject({ email: "revoke@example.test", expired: false });

    expect(await revokeInvitation(workspace.slug, { invitationId: row!.id })).toMatchObject({ ok: true, data: { revoked: row!.id } });
    expect(await lookupInvitation(token, "198.51.100.54")).toMatchObject({ state: "revoked", workspaceName: workspace.name });
    expect(await listPendingInvitations(workspace.id)).toEqual([]);
    expect(await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, targetId: row!.id }, orderBy: { createdAt: "asc" } })).toMatchObject([
      { action: "invitation.sent" },
      { action: "invitation.revoked" },
    ]);
    // The revoked invitation frees its seat.
    expect(await sendInvitation(workspace.slug, { email: "next@example.test", role: "read" })).toMatchObject({ ok: true });
  });

  it("revokes an expired invitation (shown as expired in the list)", async () => {
    const { workspace } = await growthTeam();
    const { invitation } = await seedInvitation(workspace.id, { email: "expired@example.test", expiresAt: pastDate() });
    expect(await listPendingInvitations(workspace.id)).toMatchObject([{ id: invitation.id, expired: true }]);
    expect(await revokeInvitation(workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: true });
    expect(await listPendingInvitations(workspace.id)).toEqual([]);
  });

  it.each(["accepted", "revoked"] as const)("refuses a %s invitation", async (status) => {
    const { workspace } = await growthTeam();
    const { invitation } = await seedInvitation(workspace.id, { email: `${status}@example.test`, status });
    await expectRefusedUnchanged(workspace.id, () => revokeInvitation(workspace.slug, { invitationId: invitation.id }), { code: "not_found" });
  });
});

describe("bulk invitations", () => {
  const csv = [
    "email,role",
    "Member@Example.test,read",
    "pending@example.test,write",
    "ok1@example.test,Write",
    "OK1@example.test,read",
    "not-an-email,read",
    "owner-wanted@example.test,owner",
    "ok2@example.test,billing",
    "late@example.test,read",
    "over@example.test,read",
  ].join("\n");

  /** A business workspace (10 seats) with its admin signed in. */
  async function bulkTeam() {
    const ws = await createWorkspace(["owner", "admin"], { plan: "business" });
    await signInAs(ws.members.admin.user);
    return ws;
  }

  it("previews every row's verdict against the database, changing nothing", async () => {
    const ws = await createWorkspace(["owner", "admin"], { plan: "growth" });
    const member = await createUser({ email: "member@example.test" });
    await prisma.membership.create({ data: { workspaceId: ws.workspace.id, userId: member.id, role: "read" } });
    await seedInvitation(ws.workspace.id, { email: "pending@example.test" });
    await prisma.workspace.update({ where: { id: ws.workspace.id }, data: { plan: "business" } });
    await signInAs(ws.members.admin.user);
    // 10 seats − 3 members − 1 pending − 4 holders = 2 free; valid rows take them in file order.
    await prisma.invitation.createMany({
      data: [1, 2, 3, 4].map((i) => ({ workspaceId: ws.workspace.id, email: `holder${i}@example.test`, role: "read" as const, tokenHash: `h${i}-${ws.workspace.id}`, expiresAt: new Date(Date.now() + DAY_MS) })),
    });
    const before = await invitationSnapshot(ws.workspace.id);
    const result = await previewBulkInvitations(ws.workspace.slug, { csv });
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.rows.map((r) => [r.line, r.email, r.verdict])).toEqual([
      [2, "member@example.test", "member"],
      [3, "pending@example.test", "pending"],
      [4, "ok1@example.test", "ok"],
      [5, "ok1@example.test", "duplicate"],
      [6, "not-an-email", "invalid_email"],
      [7, "owner-wanted@example.test", "invalid_role"],
      [8, "ok2@example.test", "ok"],
      [9, "late@example.test", "over_seat_limit"],
      [10, "over@example.test", "over_seat_limit"],
    ]);
    expect(await invitationSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("refuses an empty or oversized file in the preview", async () => {
    const { workspace } = await bulkTeam();
    expect(await previewBulkInvitations(workspace.slug, { csv: "email,role\n" })).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(/No rows/) });
    const big = Array.from({ length: 501 }, (_, i) => `p${i}@example.test,read`).join("\n");
    expect(await previewBulkInvitations(workspace.slug, { csv: big })).toMatchObject({ ok: false, code: "invalid_input", message: expect.stringMatching(/more than 500/) });
  });

  it("sends only the ok rows, judging them again at send time", async () => {
    const { workspace, members } = await bulkTeam();
    const rows = [
      { email: "a@example.test", role: "write" },
      { email: "b@example.test", role: "read" },
      { email: "became-member@example.test", role: "read" },
      { email: "A@example.test", role: "read" },
      { email: "bad", role: "read" },
      { email: "c@example.test", role: "owner" },
    ];
    const preview = await previewBulkInvitations(workspace.slug, { csv: rows.map((r) => `${r.email},${r.role}`).join("\n") });
    expect(preview.ok && preview.data.rows.map((r) => r.verdict)).toEqual(["ok", "ok", "ok", "duplicate", "invalid_email", "invalid_role"]);

    // Between preview and send, one of them joins.
    const joined = await createUser({ email: "became-member@example.test" });
    await prisma.membership.create({ data: { workspaceId: workspace.id, userId: joined.id, role: "read" } });

    const events = await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.sent" } });
    const result = await sendBulkInvitations(workspace.slug, { rows });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.sent).toEqual(["a@example.test", "b@example.test"]);
    expect(result.data.skipped.map((r) => [r.email, r.verdict])).toEqual([
      ["became-member@example.test", "member"],
      ["a@example.test", "duplicate"],
      ["bad", "invalid_email"],
      ["c@example.test", "invalid_role"],
    ]);
    const stored = await prisma.invitation.findMany({ where: { workspaceId: workspace.id }, orderBy: { email: "asc" } });
    expect(stored.map((i) => [i.email, i.role, i.invitedById])).toEqual([
      ["a@example.test", "write", members.admin.user.id],
      ["b@example.test", "read", members.admin.user.id],
    ]);
    expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.sent" } })).toBe(events + 2);
    expect(await mailsTo("a@example.test")).toHaveLength(1);
    expect(await mailsTo("b@example.test")).toHaveLength(1);
    expect(await mailsTo("became-member@example.test")).toHaveLength(0);
  });

  it("refuses when no row can be sent, changing nothing", async () => {
    const { workspace } = await bulkTeam();
    await expectRefusedUnchanged(workspace.id, () => sendBulkInvitations(workspace.slug, { rows: [{ email: "bad", role: "read" }, { email: "x@example.test", role: "owner" }] }), {
      code: "invalid_input",
      message: /None of these rows/,
    });
  });

  it("gives the free seats to the first rows and skips the rest as over the limit", async () => {
    const ws = await createWorkspace(["owner", "admin"], { plan: "growth" });
    await signInAs(ws.members.admin.user);
    const result = await sendBulkInvitations(ws.workspace.slug, { rows: [{ email: "first@example.test", role: "read" }, { email: "second@example.test", role: "read" }] });
    expect(result).toMatchObject({ ok: true, data: { sent: ["first@example.test"], skipped: [{ email: "second@example.test", verdict: "over_seat_limit" }] } });
  });

  it("counts the quota by rows: refused when the rows do not all fit, sent when they do", async () => {
    const { workspace } = await bulkTeam();
    const key = `invitations:workspace:${workspace.id}`;
    const rows = [{ email: "q1@example.test", role: "read" }, { email: "q2@example.test", role: "read" }];
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.invitationsPerWorkspace.limit - 1 }, () => ({ key })) });
    await expectRefusedUnchanged(workspace.id, () => sendBulkInvitations(workspace.slug, { rows }), { code: "rate_limited" });
    await prisma.rateLimitHit.delete({ where: { id: (await prisma.rateLimitHit.findFirstOrThrow({ where: { key } })).id } });
    expect(await sendBulkInvitations(workspace.slug, { rows })).toMatchObject({ ok: true, data: { sent: ["q1@example.test", "q2@example.test"] } });
    expect(await prisma.rateLimitHit.count({ where: { key } })).toBe(LIMITS.invitationsPerWorkspace.limit);
  });

  it("closes an expired invitation to a row's address and invites it afresh", async () => {
    const { workspace } = await bulkTeam();
    const old = await seedInvitation(workspace.id, { email: "late@example.test", expiresAt: pastDate() });
    expect(await sendBulkInvitations(workspace.slug, { rows: [{ email: "late@example.test", role: "read" }] })).toMatchObject({ ok: true, data: { sent: ["late@example.test"] } });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: old.invitation.id } })).toMatchObject({ status: "revoked" });
  });
});
