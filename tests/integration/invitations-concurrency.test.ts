// Invitations under concurrency: parallel invites must not take one seat twice or invite
// one address twice, and two accepts of one link must not both join. The guard's
// workspace lock and lockInvitation serialise these; each test asserts what both calls
// returned and what the database holds after.
import { expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createSession } from "@/lib/auth/sessions";
import { sendInvitation } from "@/lib/invitations/actions";
import { DEAD_LINK_MESSAGES } from "@/lib/invitations/join";
import { acceptInvitation, joinWithNewAccount } from "@/lib/invitations/join-actions";
import { as, createUser, createWorkspace } from "../support/factories";
import { isolateOutbox, mailsTo, seedInvitation } from "../support/invitations";
import { ROUNDS, describeRaces, oneWinner } from "../support/races";

isolateOutbox();

const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });

describeRaces("concurrent invitations", () => {
  it("two admins inviting the same address at once: one invitation, the other refused as a duplicate", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin"]);
      const email = `same-${workspace.slug}@example.test`;
      const inviters = [members.owner.user, members.admin.user] as const;
      const roles = ["read", "write"] as const;
      const [s1, s2] = [await session(inviters[0].id), await session(inviters[1].id)];
      const results = await Promise.all([
        as(s1, () => sendInvitation(workspace.slug, { email, role: roles[0] })),
        as(s2, () => sendInvitation(workspace.slug, { email: email.toUpperCase(), role: roles[1] })),
      ]);

      const { winner, loser } = oneWinner(results);
      expect(results[winner]).toEqual({ ok: true, data: { sent: [email], mailFailed: [] } });
      expect(results[loser]).toEqual({
        ok: false,
        code: "conflict",
        message: `${email} already has a pending invitation. Resend it from Pending invitations instead.`,
        fieldErrors: { email: ["Already has a pending invitation."] },
      });
      expect(await prisma.invitation.findMany({ where: { workspaceId: workspace.id } })).toMatchObject([
        { email, role: roles[winner], status: "pending", invitedById: inviters[winner].id },
      ]);
      expect(await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "invitation.sent" } })).toMatchObject([
        { actorId: inviters[winner].id, targetLabel: email },
      ]);
      expect(await mailsTo(email)).toHaveLength(1);
    }
  });

  it("two invitations racing for the last seat: exactly one gets it, the other is refused for seats", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // Growth has 3 seats; the owner and the admin hold two.
      const { workspace, members } = await createWorkspace(["owner", "admin"], { plan: "growth" });
      const emails = [`first-${workspace.slug}@example.test`, `second-${workspace.slug}@example.test`] as const;
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const results = await Promise.all([
        as(s1, () => sendInvitation(workspace.slug, { email: emails[0], role: "read" })),
        as(s2, () => sendInvitation(workspace.slug, { email: emails[1], role: "read" })),
      ]);

      const { winner, loser } = oneWinner(results);
      expect(results[winner]).toEqual({ ok: true, data: { sent: [emails[winner]], mailFailed: [] } });
      expect(results[loser]).toEqual({
        ok: false,
        code: "seat_limit",
        message: "The Growth plan has 3 seats; 3 are in use (2 members, 1 pending invitation). Revoke an invitation, remove a member or change the plan on the billing page.",
      });
      expect(await prisma.invitation.findMany({ where: { workspaceId: workspace.id } })).toMatchObject([{ email: emails[winner], status: "pending" }]);
      expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.sent" } })).toBe(1);
      expect([(await mailsTo(emails[winner])).length, (await mailsTo(emails[loser])).length]).toEqual([1, 0]);
    }
  });
});

describeRaces("concurrent accepts", () => {
  it("the same person accepting one link in two tabs at once: both land in the workspace, one membership, one event", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace } = await createWorkspace(["owner"]);
      const user = await createUser();
      const { invitation, token } = await seedInvitation(workspace.id, { email: user.email, role: "write" });
      const [t1, t2] = [await session(user.id), await session(user.id)];
      const results = await Promise.all([as(t1, () => acceptInvitation({ token })), as(t2, () => acceptInvitation({ token }))]);

      expect(results).toEqual([
        { ok: true, data: { redirectTo: `/w/${workspace.slug}`, twoFactorSetupFirst: false } },
        { ok: true, data: { redirectTo: `/w/${workspace.slug}`, twoFactorSetupFirst: false } },
      ]);
      expect(await prisma.membership.findMany({ where: { workspaceId: workspace.id, userId: user.id } })).toMatchObject([{ role: "write" }]);
      expect(await prisma.membership.count({ where: { workspaceId: workspace.id } })).toBe(2);
      expect(await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "invitation.accepted" } })).toMatchObject([
        { actorId: user.id, targetId: user.id, after: { role: "write" } },
      ]);
      expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "accepted", acceptedById: user.id });
    }
  });

  it("creating an account from one link twice at once: one user, one membership, the other told the link was used", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace } = await createWorkspace(["owner"]);
      const email = `newcomer-${workspace.slug}@example.test`;
      const { invitation, token } = await seedInvitation(workspace.id, { email, role: "read" });
      const lastNames = ["One", "Two"] as const;
      const results = await Promise.all([
        as(null, () => joinWithNewAccount({ token, firstName: "Ada", lastName: lastNames[0], password: "Analytical1" })),
        as(null, () => joinWithNewAccount({ token, firstName: "Ada", lastName: lastNames[1], password: "Analytical2" })),
      ]);

      const { winner, loser } = oneWinner(results);
      expect(results[winner]).toEqual({ ok: true, data: { redirectTo: `/w/${workspace.slug}`, twoFactorSetupFirst: false } });
      expect(results[loser]).toEqual({ ok: false, code: "gone", message: DEAD_LINK_MESSAGES.used });
      const users = await prisma.user.findMany({ where: { email } });
      expect(users).toMatchObject([{ firstName: "Ada", lastName: lastNames[winner] }]);
      const user = users[0]!;
      expect(user.emailVerifiedAt).not.toBeNull();
      expect(await prisma.membership.findMany({ where: { workspaceId: workspace.id }, orderBy: { createdAt: "asc" } })).toMatchObject([
        { role: "owner" },
        { userId: user.id, role: "read" },
      ]);
      expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "accepted", acceptedById: user.id });
      expect(await prisma.auditEvent.findMany({ where: { action: "auth.signed_up", actorEmail: email } })).toMatchObject([{ targetId: user.id }]);
      expect(await prisma.auditEvent.findMany({ where: { workspaceId: workspace.id, action: "invitation.accepted" } })).toMatchObject([{ actorId: user.id }]);
    }
  });
});
