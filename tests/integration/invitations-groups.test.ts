// Invitations that carry groups (docs/product.md#invitations): chosen when inviting, one
// by one or in bulk by name; applied in the acceptance's transaction; a group deleted
// while the invitation waits drops out of it; a group of another workspace never attaches.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { previewBulkInvitations, resendInvitation, sendBulkInvitations, sendInvitation } from "@/lib/invitations/actions";
import { acceptInvitation, joinWithNewAccount } from "@/lib/invitations/join-actions";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { actAs } from "../support/request";
import { invitationSnapshot, isolateOutbox, lastTokenTo, mailsTo } from "../support/invitations";
import { lookupInvitation } from "@/lib/invitations/join";

isolateOutbox();

let n = 0;
const address = () => `grouped-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;

async function teamWithGroups() {
  const ws = await createWorkspace(["owner", "admin"]);
  const support = await prisma.group.create({ data: { workspaceId: ws.workspace.id, name: "Support", nameKey: "support" } });
  const sales = await prisma.group.create({ data: { workspaceId: ws.workspace.id, name: "Sales", nameKey: "sales" } });
  await signInAs(ws.members.admin.user);
  return { ...ws, support, sales };
}

const groupsOfMember = async (workspaceId: string, email: string) => {
  const m = await prisma.membership.findFirstOrThrow({ where: { workspaceId, user: { email } }, select: { groups: { select: { group: { select: { name: true } } } } } });
  return m.groups.map((g) => g.group.name).sort();
};

const newAccount = { firstName: "Gia", lastName: "Grouped", password: "Analytical1" };

describe("sending an invitation with groups", () => {
  it("stores the groups and names them in the audit event", async () => {
    const t = await teamWithGroups();
    const email = address();
    expect(await sendInvitation(t.workspace.slug, { email, role: "write", groupIds: [t.support.id, t.sales.id] })).toMatchObject({ ok: true });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email }, include: { groups: true } });
    expect(invitation.groups.map((g) => g.groupId).sort()).toEqual([t.support.id, t.sales.id].sort());
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.sent", targetId: invitation.id } });
    expect(event.after).toMatchObject({ groups: ["Sales", "Support"] });
  });

  it("tells the invitee their groups, in the email and on the join page", async () => {
    const t = await teamWithGroups();
    const email = address();
    await sendInvitation(t.workspace.slug, { email, role: "write", groupIds: [t.support.id, t.sales.id] });
    const [mail] = await mailsTo(email);
    expect(mail?.text).toContain("You will join the groups: Sales, Support.");
    expect(mail?.html).toContain("<strong>Sales, Support</strong>");
    const shown = await lookupInvitation(await lastTokenTo(email), "198.51.100.77");
    expect(shown).toMatchObject({ state: "valid", invitation: { groups: ["Sales", "Support"] } });
  });

  it("refuses a group of another workspace, and sends nothing", async () => {
    const t = await teamWithGroups();
    const other = await createWorkspace(["owner"]);
    const foreign = await prisma.group.create({ data: { workspaceId: other.workspace.id, name: "Theirs", nameKey: "theirs" } });
    const before = await invitationSnapshot(t.workspace.id);
    const result = await sendInvitation(t.workspace.slug, { email: address(), role: "write", groupIds: [t.support.id, foreign.id] });
    expect(result).toMatchObject({ ok: false, code: "not_found", fieldErrors: { groupIds: [expect.stringMatching(/no longer exists/)] } });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
    expect(await prisma.invitationGroup.count({ where: { groupId: foreign.id } })).toBe(0);
  });

  it("refuses more than 20 groups before touching anything", async () => {
    const t = await teamWithGroups();
    const result = await sendInvitation(t.workspace.slug, { email: address(), role: "write", groupIds: Array.from({ length: 21 }, (_, i) => `g${i}`) });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
  });
});

describe("accepting an invitation with groups", () => {
  it("adds a new account to the invitation's groups in the same step", async () => {
    const t = await teamWithGroups();
    const email = address();
    await sendInvitation(t.workspace.slug, { email, role: "read", groupIds: [t.support.id] });
    actAs(null);
    expect(await joinWithNewAccount({ token: await lastTokenTo(email), ...newAccount })).toMatchObject({ ok: true });
    expect(await groupsOfMember(t.workspace.id, email)).toEqual(["Support"]);
    const accepted = await prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", workspaceId: t.workspace.id } });
    expect(accepted.after).toMatchObject({ role: "read", groups: ["Support"] });
  });

  it("adds an existing account that accepts while signed in", async () => {
    const t = await teamWithGroups();
    const person = await createUser();
    await prisma.user.update({ where: { id: person.id }, data: { emailVerifiedAt: new Date() } });
    await sendInvitation(t.workspace.slug, { email: person.email, role: "write", groupIds: [t.support.id, t.sales.id] });
    const token = await lastTokenTo(person.email);
    await signInAs(person);
    expect(await acceptInvitation({ token })).toMatchObject({ ok: true });
    expect(await groupsOfMember(t.workspace.id, person.email)).toEqual(["Sales", "Support"]);
  });

  it("drops a group deleted while the invitation waited, and keeps the others", async () => {
    const t = await teamWithGroups();
    const email = address();
    await sendInvitation(t.workspace.slug, { email, role: "read", groupIds: [t.support.id, t.sales.id] });
    await prisma.group.delete({ where: { id: t.sales.id } });
    actAs(null);
    expect(await joinWithNewAccount({ token: await lastTokenTo(email), ...newAccount })).toMatchObject({ ok: true });
    expect(await groupsOfMember(t.workspace.id, email)).toEqual(["Support"]);
  });

  it("keeps the groups through a resend", async () => {
    const t = await teamWithGroups();
    const email = address();
    await sendInvitation(t.workspace.slug, { email, role: "read", groupIds: [t.sales.id] });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { email } });
    expect(await resendInvitation(t.workspace.slug, { invitationId: invitation.id })).toMatchObject({ ok: true });
    actAs(null);
    expect(await joinWithNewAccount({ token: await lastTokenTo(email), ...newAccount })).toMatchObject({ ok: true });
    expect(await groupsOfMember(t.workspace.id, email)).toEqual(["Sales"]);
  });
});

describe("bulk invitations with groups", () => {
  it("previews unknown group names as refused, and sends the known ones with their groups", async () => {
    const t = await teamWithGroups();
    const [a, b, c] = [address(), address(), address()];
    const csv = `email,role,groups\n${a},write,support|SALES\n${b},read,Marketing\n${c},read`;
    const preview = await previewBulkInvitations(t.workspace.slug, { csv });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.data.rows.map((r) => [r.email, r.verdict])).toEqual([
      [a, "ok"],
      [b, "unknown_group"],
      [c, "ok"],
    ]);
    expect(preview.data.rows[1]!.unknownGroups).toEqual(["Marketing"]);
    const rows = preview.data.rows.filter((r) => r.verdict === "ok").map(({ email, role, groups }) => ({ email, role, groups }));
    expect(await sendBulkInvitations(t.workspace.slug, { rows })).toMatchObject({ ok: true });
    const sent = await prisma.invitation.findFirstOrThrow({ where: { email: a }, include: { groups: { include: { group: true } } } });
    expect(sent.groups.map((g) => g.group.name).sort()).toEqual(["Sales", "Support"]);
    expect(await prisma.invitationGroup.count({ where: { invitation: { email: c } } })).toBe(0);
  });

  it("judges the names again when sending: a group deleted after the preview skips its row", async () => {
    const t = await teamWithGroups();
    const [a, b] = [address(), address()];
    await prisma.group.delete({ where: { id: t.sales.id } });
    const result = await sendBulkInvitations(t.workspace.slug, { rows: [{ email: a, role: "write", groups: ["Sales"] }, { email: b, role: "write", groups: [] }] });
    expect(result).toMatchObject({ ok: true, data: { skipped: [{ email: a, verdict: "unknown_group" }] } });
    expect(await prisma.invitation.count({ where: { email: a } })).toBe(0);
    expect(await prisma.invitation.count({ where: { email: b } })).toBe(1);
  });
});
