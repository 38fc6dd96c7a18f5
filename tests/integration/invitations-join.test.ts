// The join page and its two actions (docs/product.md#join-page): what a link shows in each
// state, who may accept it, creating an account from it, and the per-IP limit on guessing
// links.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sendInvitation } from "@/lib/invitations/actions";
import { acceptInvitation, joinWithNewAccount } from "@/lib/invitations/join-actions";
import { lookupInvitation } from "@/lib/invitations/join";
import { generateInvitationToken } from "@/lib/invitations/tokens";
import { verifyPassword } from "@/lib/auth/passwords";
import { LIMITS } from "@/lib/rate-limit";
import { createSession } from "@/lib/auth/sessions";
import { actAs } from "../support/request";
import { createUser, createWorkspace, signInAs } from "../support/factories";
import { invitationSnapshot, isolateOutbox, lastTokenTo, pastDate, seedInvitation } from "../support/invitations";

isolateOutbox();

let ipCounter = 0;
/** A fresh IP per test, so the per-IP failure count of one test never spills into another. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function invitedTeam(email = `invitee-${Math.random().toString(36).slice(2, 10)}@example.test`, role: "admin" | "write" | "read" | "billing" = "write") {
  const ws = await createWorkspace(["owner", "admin"]);
  const { invitation, token } = await seedInvitation(ws.workspace.id, { email, role, invitedById: ws.members.admin.user.id });
  return { ...ws, invitation, token, email };
}

/** Signs `user` in from a fresh IP. */
async function signedIn(user: { id: string }) {
  const ip = freshIp();
  actAs(await createSession(prisma, user.id, { ip, userAgent: "vitest" }), ip);
  return ip;
}

const newAccount = { firstName: "Ada", lastName: "Lovelace", password: "Analytical1" };

describe("lookupInvitation (the join page's GET)", () => {
  it("shows a valid link: inviter, workspace, invited email, role, and whether a (verified) account exists", async () => {
    const t = await invitedTeam();
    const ip = freshIp();
    expect(await lookupInvitation(t.token, ip)).toEqual({
      state: "valid",
      account: "none",
      invitation: {
        email: t.email,
        role: "write",
        expiresAt: t.invitation.expiresAt,
        inviterName: `${t.members.admin.user.firstName} ${t.members.admin.user.lastName}`,
        groups: [],
        workspace: { name: t.workspace.name, slug: t.workspace.slug, requireTwoFactor: false },
      },
    });
    const user = await createUser({ email: t.email });
    expect(await lookupInvitation(t.token, ip)).toMatchObject({ state: "valid", account: "unverified" });
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    expect(await lookupInvitation(t.token, ip)).toMatchObject({ state: "valid", account: "verified" });
  });

  it("shows an unknown link without any workspace data, well formed or not", async () => {
    await invitedTeam();
    const ip = freshIp();
    expect(await lookupInvitation(generateInvitationToken().token, ip)).toEqual({ state: "unknown" });
    expect(await lookupInvitation("not-a-token", ip)).toEqual({ state: "unknown" });
  });

  it.each([
    ["revoked", { status: "revoked" as const }],
    ["used", { status: "accepted" as const }],
    ["expired", { expiresAt: pastDate() }],
  ])("says a %s link is dead, naming only the workspace", async (state, data) => {
    const ws = await createWorkspace(["owner"]);
    const { token } = await seedInvitation(ws.workspace.id, { email: `dead-${state}@example.test`, ...data });
    expect(await lookupInvitation(token, freshIp())).toEqual({ state, workspaceName: ws.workspace.name });
  });

  it("changes nothing (a mail scanner opening the link uses nothing up)", async () => {
    const t = await invitedTeam();
    const before = await invitationSnapshot(t.workspace.id);
    await lookupInvitation(t.token, freshIp());
    await lookupInvitation(t.token, freshIp());
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });
});

describe("acceptInvitation (signed in)", () => {
  it("joins a user whose email matches with the invited role, once, and lands in the workspace", async () => {
    const ws = await createWorkspace(["owner", "admin"]);
    await signInAs(ws.members.admin.user);
    expect(await sendInvitation(ws.workspace.slug, { email: "  Grace.Hopper@Example.TEST", role: "billing" })).toMatchObject({ ok: true });
    const token = await lastTokenTo("grace.hopper@example.test");
    const grace = await createUser({ email: "grace.hopper@example.test" });
    expect(grace.emailVerifiedAt).toBeNull();
    await signedIn(grace);

    const result = await acceptInvitation({ token });
    expect(result).toEqual({ ok: true, data: { redirectTo: `/w/${ws.workspace.slug}`, twoFactorSetupFirst: false } });
    expect(await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: ws.workspace.id, userId: grace.id } } })).toMatchObject({ role: "billing" });
    const invitation = await prisma.invitation.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, email: "grace.hopper@example.test" } });
    expect(invitation).toMatchObject({ status: "accepted", acceptedById: grace.id });
    expect(invitation.acceptedAt).toBeInstanceOf(Date);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: grace.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await prisma.auditEvent.findMany({ where: { workspaceId: ws.workspace.id, action: "invitation.accepted" } })).toMatchObject([{ actorId: grace.id, targetId: grace.id }]);
    expect(await lookupInvitation(token, freshIp())).toMatchObject({ state: "used" });
  });

  it("in a workspace that requires two-factor authentication, sends a joiner without it to set it up first", async () => {
    const t = await invitedTeam();
    await prisma.workspace.update({ where: { id: t.workspace.id }, data: { requireTwoFactor: true } });
    await signedIn(await createUser({ email: t.email }));
    expect(await acceptInvitation({ token: t.token })).toEqual({
      ok: true,
      data: { redirectTo: `/account?required=${t.workspace.slug}#two-factor`, twoFactorSetupFirst: true },
    });

    const other = await invitedTeam();
    await prisma.workspace.update({ where: { id: other.workspace.id }, data: { requireTwoFactor: true } });
    const withTwoFactor = await createUser({ email: other.email });
    await prisma.user.update({ where: { id: withTwoFactor.id }, data: { totpEnabledAt: new Date() } });
    await signedIn(withTwoFactor);
    expect(await acceptInvitation({ token: other.token })).toEqual({ ok: true, data: { redirectTo: `/w/${other.workspace.slug}`, twoFactorSetupFirst: false } });
  });

  it("refuses another signed-in email, naming the invited one, and changes nothing", async () => {
    const t = await invitedTeam("invited@example.test");
    const other = await createUser({ email: "someone.else@example.test" });
    await signedIn(other);
    const before = await invitationSnapshot(t.workspace.id);
    const result = await acceptInvitation({ token: t.token });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
    expect(!result.ok && result.message).toContain("invited@example.test");
    expect(!result.ok && result.message).toContain("someone.else@example.test");
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("for someone already a member: uses up the invitation, never changes their role, and lands", async () => {
    const t = await invitedTeam(undefined, "read");
    const admin = await prisma.user.update({ where: { id: t.members.admin.user.id }, data: { email: t.email } });
    await signedIn(admin);
    const result = await acceptInvitation({ token: t.token });
    expect(result).toEqual({ ok: true, data: { redirectTo: `/w/${t.workspace.slug}`, twoFactorSetupFirst: false } });
    expect(await prisma.membership.findUniqueOrThrow({ where: { id: t.members.admin.membershipId } })).toMatchObject({ role: "admin" });
    expect(await prisma.membership.count({ where: { workspaceId: t.workspace.id } })).toBe(2);
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: t.invitation.id } })).toMatchObject({ status: "accepted", acceptedById: admin.id });
  });

  it.each([
    ["expired", { expiresAt: pastDate() }, /expired/],
    ["revoked", { status: "revoked" as const }, /revoked/],
    ["used", { status: "accepted" as const }, /already used/],
  ])("refuses an %s link as gone, changing nothing", async (_state, data, message) => {
    const ws = await createWorkspace(["owner"]);
    const user = await createUser();
    const { token } = await seedInvitation(ws.workspace.id, { email: user.email, ...data });
    await signedIn(user);
    const before = await invitationSnapshot(ws.workspace.id);
    const result = await acceptInvitation({ token });
    expect(result).toMatchObject({ ok: false, code: "gone", message: expect.stringMatching(message) });
    expect(await invitationSnapshot(ws.workspace.id)).toEqual(before);
  });

  it("refuses an unknown link as gone", async () => {
    await signedIn(await createUser());
    expect(await acceptInvitation({ token: generateInvitationToken().token })).toMatchObject({ ok: false, code: "gone", message: expect.stringMatching(/not valid/) });
  });

  it("refuses when signed out", async () => {
    const t = await invitedTeam();
    actAs(null, freshIp());
    const before = await invitationSnapshot(t.workspace.id);
    expect(await acceptInvitation({ token: t.token })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("in a second tab, after the first accepted: lands in the workspace, with still one membership and one event", async () => {
    const t = await invitedTeam();
    const user = await createUser({ email: t.email });
    await signedIn(user);
    expect(await acceptInvitation({ token: t.token })).toMatchObject({ ok: true });
    expect(await acceptInvitation({ token: t.token })).toEqual({ ok: true, data: { redirectTo: `/w/${t.workspace.slug}`, twoFactorSetupFirst: false } });
    expect(await prisma.membership.count({ where: { workspaceId: t.workspace.id, userId: user.id } })).toBe(1);
    expect(await prisma.auditEvent.count({ where: { workspaceId: t.workspace.id, action: "invitation.accepted" } })).toBe(1);
  });
});

describe("joinWithNewAccount (signed out, no account)", () => {
  it("creates a verified account, joins with the invited role, and writes both events", async () => {
    const t = await invitedTeam(undefined, "read");
    actAs(null, freshIp());
    const result = await joinWithNewAccount({ token: t.token, ...newAccount });
    expect(result).toEqual({ ok: true, data: { redirectTo: `/w/${t.workspace.slug}`, twoFactorSetupFirst: false } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: t.email } });
    expect(user).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(user.passwordHash, newAccount.password)).toBe(true);
    expect(await prisma.membership.findUnique({ where: { workspaceId_userId: { workspaceId: t.workspace.id, userId: user.id } } })).toMatchObject({ role: "read" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: t.invitation.id } })).toMatchObject({ status: "accepted", acceptedById: user.id });
    expect((await prisma.auditEvent.findMany({ where: { actorId: user.id } })).map((e) => e.action).sort()).toEqual(["auth.signed_up", "invitation.accepted"]);
  });

  it.each([
    ["too short", "Abcdef1", "at least 8 characters"],
    ["no lower-case letter", "ABCDEFGH1", "a lower-case letter"],
    ["no upper-case letter", "abcdefgh1", "an upper-case letter"],
    ["too long", `Aa${"x".repeat(127)}`, "at most 128"],
  ])("refuses a password with %s on the server, creating nothing", async (_case, password, rule) => {
    const t = await invitedTeam();
    actAs(null, freshIp());
    const before = await invitationSnapshot(t.workspace.id);
    const result = await joinWithNewAccount({ token: t.token, ...newAccount, password });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!result.ok && result.fieldErrors?.password?.join(" ")).toContain(rule);
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it.each([
    ["first name", { firstName: "  " }],
    ["last name", { lastName: "" }],
  ])("refuses a missing %s, creating nothing", async (_case, override) => {
    const t = await invitedTeam();
    actAs(null, freshIp());
    const before = await invitationSnapshot(t.workspace.id);
    expect(await joinWithNewAccount({ token: t.token, ...newAccount, ...override })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it("refuses when a verified account already exists for the invited email, creating nothing", async () => {
    const t = await invitedTeam();
    const user = await createUser({ email: t.email });
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    actAs(null, freshIp());
    const before = await invitationSnapshot(t.workspace.id);
    const result = await joinWithNewAccount({ token: t.token, ...newAccount });
    expect(result).toMatchObject({ ok: false, code: "conflict", message: expect.stringContaining(`An account for ${t.email} already exists`) });
    expect(await invitationSnapshot(t.workspace.id)).toEqual(before);
  });

  it.each([
    ["expired", { expiresAt: pastDate() }],
    ["revoked", { status: "revoked" as const }],
    ["used", { status: "accepted" as const }],
  ])("refuses an %s link as gone, creating nothing", async (_state, data) => {
    const ws = await createWorkspace(["owner"]);
    const { token } = await seedInvitation(ws.workspace.id, { email: `dead-${_state}-${ws.workspace.slug}@example.test`, ...data });
    actAs(null, freshIp());
    const before = await invitationSnapshot(ws.workspace.id);
    expect(await joinWithNewAccount({ token, ...newAccount })).toMatchObject({ ok: false, code: "gone" });
    expect(await invitationSnapshot(ws.workspace.id)).toEqual(before);
  });
});

describe("guessing links (brute force)", () => {
  it(`after ${LIMITS.joinFailuresPerIp.limit} unknown links from one IP, even a valid link is refused from it, but works from another`, async () => {
    const t = await invitedTeam();
    const user = await createUser({ email: t.email });
    const guesser = freshIp();
    actAs(await createSession(prisma, user.id, { ip: guesser, userAgent: "vitest" }), guesser);
    for (let i = 0; i < LIMITS.joinFailuresPerIp.limit; i++) {
      const token = generateInvitationToken().token;
      // Both the page and the actions count a miss.
      const result = i % 2 ? await lookupInvitation(token, guesser) : await acceptInvitation({ token });
      expect(result).toMatchObject(i % 2 ? { state: "unknown" } : { ok: false, code: "gone" });
    }
    expect(await lookupInvitation(t.token, guesser)).toMatchObject({ state: "rate_limited", retryAfterSeconds: expect.any(Number) });
    const refused = await acceptInvitation({ token: t.token });
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/Too many invalid invitation links/) });
    actAs(null, guesser);
    expect(await joinWithNewAccount({ token: t.token, ...newAccount })).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await prisma.invitation.findUniqueOrThrow({ where: { id: t.invitation.id } })).toMatchObject({ status: "pending" });

    const elsewhere = freshIp();
    expect(await lookupInvitation(t.token, elsewhere)).toMatchObject({ state: "valid" });
    actAs(await createSession(prisma, user.id, { ip: elsewhere, userAgent: "vitest" }), elsewhere);
    expect(await acceptInvitation({ token: t.token })).toMatchObject({ ok: true });
  });

  it("one short of the limit, the valid link still works from that IP", async () => {
    const t = await invitedTeam();
    const ip = freshIp();
    for (let i = 0; i < LIMITS.joinFailuresPerIp.limit - 1; i++) await lookupInvitation(generateInvitationToken().token, ip);
    expect(await lookupInvitation(t.token, ip)).toMatchObject({ state: "valid" });
  });
});
