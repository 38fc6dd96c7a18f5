// "You have 2 invitations" (docs/product.md#join-page): a signed-in person acting on
// invitations addressed to them, without the link. Only a verified address may join this
// way; anyone else can have a fresh link mailed to the address, which proves it.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { acceptMyInvitation, emailMyInvitationLinks } from "@/lib/invitations/my-actions";
import { LIMITS } from "@/lib/rate-limit";
import { lookupInvitation } from "@/lib/invitations/join";
import { countInvitationsForUser, listInvitationsForUser } from "@/lib/invitations/queries";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { invitationSnapshot, isolateOutbox, lastTokenTo, mailsTo, pastDate, seedInvitation } from "../support/invitations";

isolateOutbox();

async function invitedPerson({ verified }: { verified: boolean }) {
  const ws = await createWorkspace(["owner", "admin"]);
  const person = await createUser();
  if (verified) await prisma.user.update({ where: { id: person.id }, data: { emailVerifiedAt: new Date() } });
  const { invitation, token } = await seedInvitation(ws.workspace.id, { email: person.email, role: "read", invitedById: ws.members.admin.user.id });
  await signInAs(person);
  return { ...ws, person, invitation, token };
}

describe("invitations for the signed-in person", () => {
  it("lists only live invitations to their verified address", async () => {
    const t = await invitedPerson({ verified: true });
    await seedInvitation(t.workspace.id, { email: t.person.email, status: "revoked" });
    await seedInvitation(t.workspace.id, { email: t.person.email, expiresAt: pastDate() });
    await seedInvitation(t.workspace.id, { email: "someone.else@example.test" });
    const person = await prisma.user.findUniqueOrThrow({ where: { id: t.person.id } });
    expect((await listInvitationsForUser(person)).map((i) => i.id)).toEqual([t.invitation.id]);
    expect(await countInvitationsForUser(person)).toBe(1);
  });

  it("lists and counts nothing for an unverified address: anyone can sign up with any address", async () => {
    const t = await invitedPerson({ verified: false });
    expect(await listInvitationsForUser(t.person)).toEqual([]);
    expect(await countInvitationsForUser(t.person)).toBe(0);
  });

  it("an unverified account cannot join without the link, and nothing changes", async () => {
    const t = await invitedPerson({ verified: false });
    const before = await invitationSnapshot(t.workspace.id);
    const result = await acceptMyInvitation({ invitationId: t.invitation.id });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("a verified account joins with the invited role, in one event", async () => {
    const t = await invitedPerson({ verified: true });
    expect(await acceptMyInvitation({ invitationId: t.invitation.id })).toEqual({ ok: true, data: { redirectTo: `/w/${t.workspace.slug}`, twoFactorSetupFirst: false } });
    expect(await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: t.workspace.id, userId: t.person.id } } })).toMatchObject({ role: "read" });
    expect(await prisma.invitation.findUnique({ where: { id: t.invitation.id } })).toMatchObject({ status: "accepted", acceptedById: t.person.id });
    expect(await prisma.auditEvent.count({ where: { workspaceId: t.workspace.id, action: "invitation.accepted" } })).toBe(1);
    expect(await acceptMyInvitation({ invitationId: t.invitation.id })).toMatchObject({ ok: false, code: "gone" });
  });

  it("nobody acts on an invitation to another address, even verified and knowing its id", async () => {
    const t = await invitedPerson({ verified: true });
    const intruder = await createUser();
    await prisma.user.update({ where: { id: intruder.id }, data: { emailVerifiedAt: new Date() } });
    await signInAs(intruder);
    const before = await invitationSnapshot(t.workspace.id);
    expect(await acceptMyInvitation({ invitationId: t.invitation.id })).toMatchObject({ ok: false, code: "not_found" });
    expect(await emailMyInvitationLinks({})).toMatchObject({ ok: false, code: "not_found" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("an unverified account cannot have links mailed (it could keep killing the links an admin sent to someone else's address), and nothing changes", async () => {
    const t = await invitedPerson({ verified: false });
    const before = await invitationSnapshot(t.workspace.id);
    expect(await emailMyInvitationLinks({})).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining("not verified") });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
    expect((await lookupInvitation(t.token, "192.0.2.51")).state).toBe("valid");
  });

  it("'email me the links' mails a verified address a fresh link; the old one dies and the expiry stays", async () => {
    const t = await invitedPerson({ verified: true });
    const result = await emailMyInvitationLinks({});
    expect(result).toMatchObject({ ok: true, data: { sent: [t.person.email], mailFailed: [] } });
    expect(JSON.stringify(result)).not.toMatch(/[A-Za-z0-9_-]{43}/);
    const fresh = await lastTokenTo(t.person.email);
    expect(fresh).not.toBe(t.token);
    expect((await lookupInvitation(t.token, "192.0.2.50")).state).toBe("unknown");
    expect((await lookupInvitation(fresh, "192.0.2.50")).state).toBe("valid");
    expect((await prisma.invitation.findUniqueOrThrow({ where: { id: t.invitation.id } })).expiresAt).toEqual(t.invitation.expiresAt);
    expect(await mailsTo(t.person.email)).toHaveLength(1);
    expect(await prisma.auditEvent.count({ where: { workspaceId: t.workspace.id, action: "invitation.resent" } })).toBe(1);
  });

  it("an expired invitation is neither joined nor renewed by the invitee", async () => {
    const t = await invitedPerson({ verified: true });
    await prisma.invitation.update({ where: { id: t.invitation.id }, data: { expiresAt: pastDate() } });
    expect(await acceptMyInvitation({ invitationId: t.invitation.id })).toMatchObject({ ok: false, code: "gone" });
    expect(await emailMyInvitationLinks({})).toMatchObject({ ok: false, code: "not_found" });
  });

  it("new links are limited per invitation, so an inbox cannot be flooded", async () => {
    const t = await invitedPerson({ verified: true });
    for (let i = 0; i < LIMITS.invitationLinksPerInvitee.limit; i++) expect(await emailMyInvitationLinks({})).toMatchObject({ ok: true });
    const before = await invitationSnapshot(t.workspace.id);
    expect(await emailMyInvitationLinks({})).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("joining is refused, with nothing changed, when the team has outgrown its plan", async () => {
    const t = await invitedPerson({ verified: true });
    // 2 members + this invitation = 3 seats; on Starter (1 seat) the team is over its plan.
    await prisma.workspace.update({ where: { id: t.workspace.id }, data: { plan: "starter" } });
    const before = await invitationSnapshot(t.workspace.id);
    expect(await acceptMyInvitation({ invitationId: t.invitation.id })).toMatchObject({ ok: false, code: "seat_limit" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });
});
