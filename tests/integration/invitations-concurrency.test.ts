// Invitations under concurrency (SPEC §4, §9: dust #27364 parallel invites taking one
// seat, rdyrct #154 two accepts of one link both joining). The guard's workspace lock and
// lockInvitation serialise these; the races are real only on PostgreSQL (CI runs this
// file there too), on PGlite the calls queue on its one connection.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createSession } from "@/lib/auth/sessions";
import { sendInvitation } from "@/lib/invitations/actions";
import { acceptInvitation, joinWithNewAccount } from "@/lib/invitations/join-actions";
import { as, createUser, createWorkspace } from "../support/factories";
import { isolateOutbox, seedInvitation } from "../support/invitations";

isolateOutbox();

const ROUNDS = 3;
const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });
const ok = <T extends { ok: boolean }>(results: T[]) => results.filter((r) => r.ok);

describe("concurrent invitations", () => {
  it("two admins inviting the same address at once: one invitation, the other refused", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin"]);
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const results = await Promise.all([
        as(s1, () => sendInvitation(workspace.slug, { email: "same@example.test", role: "read" })),
        as(s2, () => sendInvitation(workspace.slug, { email: "SAME@example.test", role: "write" })),
      ]);
      expect(ok(results)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "conflict" });
      expect(await prisma.invitation.count({ where: { workspaceId: workspace.id } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.sent" } })).toBe(1);
    }
  });

  it("two invitations racing for the last seat: exactly one gets it", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin"], { plan: "growth" });
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const results = await Promise.all([
        as(s1, () => sendInvitation(workspace.slug, { email: "first@example.test", role: "read" })),
        as(s2, () => sendInvitation(workspace.slug, { email: "second@example.test", role: "read" })),
      ]);
      expect(ok(results)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "seat_limit" });
      expect(await prisma.invitation.count({ where: { workspaceId: workspace.id, status: "pending" } })).toBe(1);
    }
  });
});

describe("concurrent accepts", () => {
  it("the same person accepting one link in two tabs at once: one membership, one event, both land", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace } = await createWorkspace(["owner"]);
      const user = await createUser();
      const { invitation, token } = await seedInvitation(workspace.id, { email: user.email, role: "write" });
      const [t1, t2] = [await session(user.id), await session(user.id)];
      const results = await Promise.all([as(t1, () => acceptInvitation({ token })), as(t2, () => acceptInvitation({ token }))]);
      expect(results).toEqual([
        { ok: true, data: { redirectTo: `/w/${workspace.slug}` } },
        { ok: true, data: { redirectTo: `/w/${workspace.slug}` } },
      ]);
      expect(await prisma.membership.findMany({ where: { workspaceId: workspace.id, userId: user.id } })).toMatchObject([{ role: "write" }]);
      expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.accepted" } })).toBe(1);
      expect(await prisma.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "accepted", acceptedById: user.id });
    }
  });

  it("creating an account from one link twice at once: one user, one membership, the other refused cleanly", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace } = await createWorkspace(["owner"]);
      const email = `newcomer-${workspace.slug}@example.test`;
      const { token } = await seedInvitation(workspace.id, { email, role: "read" });
      const results = await Promise.all([
        as(null, () => joinWithNewAccount({ token, firstName: "Ada", lastName: "One", password: "Analytical1" })),
        as(null, () => joinWithNewAccount({ token, firstName: "Ada", lastName: "Two", password: "Analytical2" })),
      ]);
      expect(ok(results)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ code: "gone" });
      const users = await prisma.user.findMany({ where: { email } });
      expect(users).toHaveLength(1);
      expect(await prisma.membership.count({ where: { workspaceId: workspace.id, userId: users[0]!.id } })).toBe(1);
      expect(await prisma.membership.count({ where: { workspaceId: workspace.id } })).toBe(2);
      expect(await prisma.auditEvent.count({ where: { action: "auth.signed_up", targetId: users[0]!.id } })).toBe(1);
      expect(await prisma.auditEvent.count({ where: { workspaceId: workspace.id, action: "invitation.accepted" } })).toBe(1);
    }
  });
});
