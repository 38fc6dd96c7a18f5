// The squatted address (docs/decisions/010-reclaim-unverified-account-by-invitation.md):
// someone signs up with another person's address; that person, invited later, creates
// their account from the invitation link anyway. The unverified account becomes theirs.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { lookupInvitation } from "@/lib/invitations/join";
import { GENERIC_SIGN_IN_ERROR, verifyCredentials } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/passwords";
import { resolveSession } from "@/lib/auth/sessions";
import { actAs } from "../support/request";
import { createWorkspace, signInAs } from "../support/factories";
import { invitationSnapshot, isolateOutbox, seedInvitation } from "../support/invitations";

isolateOutbox();

const OWNER_PASSWORD = "Harbour-Quill-77";
const SQUATTER_PASSWORD = "Squatter-Pass-9";

async function squattedAndInvited(tag: string) {
  const email = `victim-${tag}@example.test`;
  actAs(null, "198.51.100.200");
  expect(await signUp({ firstName: "Sam", lastName: "Squatter", email, password: SQUATTER_PASSWORD })).toMatchObject({ ok: true });
  const squatter = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { workspace: true } } } });
  const squatterSessions = [await signInAs(squatter), await signInAs(squatter)];
  const team = await createWorkspace(["owner", "admin"]);
  const { invitation, token } = await seedInvitation(team.workspace.id, { email, role: "write", invitedById: team.members.admin.user.id });
  return { email, squatter, squatterSessions, team, invitation, token };
}

describe("an invitation link takes over an unverified account for its address", () => {
  it("replaces password and names, ends the squatter's sessions, verifies, joins and audits; the old password stops working", async () => {
    const t = await squattedAndInvited("a");
    actAs(null, "198.51.100.201");
    expect(await lookupInvitation(t.token, "198.51.100.201")).toMatchObject({ state: "valid", account: "unverified" });

    const result = await joinWithNewAccount({ token: t.token, firstName: "Vic", lastName: "Tim", password: OWNER_PASSWORD });
    expect(result).toEqual({ ok: true, data: { redirectTo: `/w/${t.team.workspace.slug}`, twoFactorSetupFirst: false } });

    const user = await prisma.user.findUniqueOrThrow({ where: { email: t.email } });
    expect(user.id).toBe(t.squatter.id);
    expect(user).toMatchObject({ firstName: "Vic", lastName: "Tim" });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await verifyPassword(user.passwordHash, OWNER_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, SQUATTER_PASSWORD)).toBe(false);
    for (const id of t.squatterSessions) expect(await resolveSession(id)).toBeNull();
    // The squatter's verification link dies with the takeover.
    expect(await prisma.accountToken.count({ where: { userId: user.id, usedAt: null } })).toBe(0);

    expect(await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: t.team.workspace.id, userId: user.id } } })).toMatchObject({ role: "write" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: t.invitation.id } })).toMatchObject({ status: "accepted", acceptedById: user.id });

    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.account_reclaimed", targetId: user.id } });
    expect(event).toMatchObject({
      ip: "198.51.100.201",
      before: { firstName: "Sam", lastName: "Squatter", emailVerified: false },
      after: {
        firstName: "Vic",
        lastName: "Tim",
        emailVerified: true,
        sessionsEnded: 2,
        invitationId: t.invitation.id,
        // What came with the account: the workspace the squatter created, now the link holder's.
        workspaces: [{ slug: t.squatter.memberships[0]!.workspace.slug, role: "owner" }],
      },
    });

    expect(await verifyCredentials({ email: t.email, password: SQUATTER_PASSWORD, ip: "198.51.100.202", userAgent: "vitest" })).toEqual({
      ok: false,
      code: "invalid_credentials",
      message: GENERIC_SIGN_IN_ERROR,
    });
    expect(await verifyCredentials({ email: t.email, password: OWNER_PASSWORD, ip: "198.51.100.203", userAgent: "vitest" })).toMatchObject({ ok: true });
  });

  it("does not take over a verified account, and a refused password changes nothing", async () => {
    const t = await squattedAndInvited("b");
    actAs(null, "198.51.100.204");
    const before = await invitationSnapshot(t.team.workspace.id);
    const weak = await joinWithNewAccount({ token: t.token, firstName: "Vic", lastName: "Tim", password: "Password1234" });
    expect(weak).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!weak.ok && weak.fieldErrors?.password?.[0]).toMatch(/too easy to guess/);
    expect(await invitationSnapshot(t.team.workspace.id)).toEqual(before);
    expect(await resolveSession(t.squatterSessions[0]!)).not.toBeNull();

    await prisma.user.update({ where: { id: t.squatter.id }, data: { emailVerifiedAt: new Date() } });
    const taken = await joinWithNewAccount({ token: t.token, firstName: "Vic", lastName: "Tim", password: OWNER_PASSWORD });
    expect(taken).toMatchObject({ ok: false, code: "conflict" });
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: t.squatter.id } })).passwordHash, SQUATTER_PASSWORD)).toBe(true);
  });
});
