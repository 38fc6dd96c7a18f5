// The members list reads its totals from MemberCount, which database triggers keep per
// workspace and role (migration member_counts_and_trigram_search;
// docs/decisions/014-member-counts-and-trigram-search.md). If a trigger is lost or wrong,
// the list says "of 12 members" to a team of 13: every write that adds, removes or re-roles
// a membership is run here, and after each the kept counts must equal a real count.
import { describe, expect, it } from "vitest";
import { hash } from "@node-rs/argon2";
import { prisma } from "@/lib/db";
import { ROLES } from "@/lib/authz/permissions";
import { createSession } from "@/lib/auth/sessions";
import { listMembers } from "@/lib/members/queries";
import { memberListParamsSchema } from "@/lib/members/schemas";
import { changeMemberRole, leaveWorkspace, removeMember, transferOwnership } from "@/lib/members/actions";
import { acceptInvitation } from "@/lib/invitations/join-actions";
import { createWorkspace as createWorkspaceAction } from "@/lib/workspaces/actions";
import { TEST_PASSWORD, as, createUser, createWorkspace, signInAs } from "../support/factories";
import { seedInvitation } from "../support/invitations";
import { ROUNDS, describeRaces } from "../support/races";

/** The kept counts of a workspace, zeros left out, next to what counting its memberships gives. */
async function countsOf(workspaceId: string) {
  const kept = await prisma.memberCount.findMany({ where: { workspaceId }, orderBy: { role: "asc" } });
  const real = await prisma.membership.groupBy({ by: ["role"], where: { workspaceId }, _count: { _all: true }, orderBy: { role: "asc" } });
  return {
    kept: Object.fromEntries(kept.filter((c) => c.members !== 0).map((c) => [c.role, c.members])),
    real: Object.fromEntries(real.map((r) => [r.role, r._count._all])),
  };
}

/** The kept counts equal a real count, and the list's totals (unfiltered and per role) say the same. */
async function expectCountsTrue(workspaceId: string, expected: Partial<Record<(typeof ROLES)[number], number>>) {
  const { kept, real } = await countsOf(workspaceId);
  expect(real).toEqual(expected);
  expect(kept).toEqual(real);
  const viewer = { workspaceId, userId: "nobody", role: "owner" as const };
  const all = await listMembers(viewer, memberListParamsSchema.parse({}));
  expect(all).toMatchObject({ total: Object.values(expected).reduce((a, b) => a + b, 0), capped: false });
  for (const role of ROLES) {
    expect((await listMembers(viewer, memberListParamsSchema.parse({ role }))).total).toBe(expected[role] ?? 0);
  }
}

const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });
const cheapHash = hash(TEST_PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });

describe("kept member counts", () => {
  it("count every membership created, one at a time or many in one statement", async () => {
    const { workspace } = await createWorkspace(["owner", "admin", "write", "read", "billing"]);
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 1, read: 1, billing: 1 });
    const users = await Promise.all([1, 2, 3, 4].map(() => createUser()));
    await prisma.membership.createMany({ data: users.map((u, i) => ({ workspaceId: workspace.id, userId: u.id, role: i < 3 ? "read" : "write" })) });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 2, read: 4, billing: 1 });
  });

  it("start at the owner when a workspace is created through its action", async () => {
    const user = await createUser();
    await signInAs(user);
    const created = await createWorkspaceAction({ name: "Counted" });
    expect(created).toMatchObject({ ok: true });
    const workspace = await prisma.workspace.findFirstOrThrow({ where: { memberships: { some: { userId: user.id } } } });
    await expectCountsTrue(workspace.id, { owner: 1 });
  });

  it("follow an accepted invitation, a role change, a removal, leaving and an ownership transfer", async () => {
    const { workspace, members } = await createWorkspace(["owner", "admin", "write", "read"]);
    const owner = await session(members.owner.user.id);

    const invitee = await createUser();
    const { token } = await seedInvitation(workspace.id, { email: invitee.email, role: "billing", invitedById: members.owner.user.id });
    await signInAs(invitee);
    expect(await acceptInvitation({ token })).toMatchObject({ ok: true });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 1, read: 1, billing: 1 });

    expect(await as(owner, () => changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" }))).toMatchObject({ ok: true });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 2, billing: 1 });

    // A change to the same role changes nothing, and neither does the last-active stamp.
    expect(await as(owner, () => changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" }))).toMatchObject({ ok: true });
    await prisma.membership.update({ where: { id: members.read.membershipId }, data: { lastActiveAt: new Date() } });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 2, billing: 1 });

    expect(await as(owner, () => removeMember(workspace.slug, { memberId: members.write.membershipId }))).toMatchObject({ ok: true });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 1, billing: 1 });

    expect(await as(await session(invitee.id), () => leaveWorkspace(workspace.slug, {}))).toMatchObject({ ok: true });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 1 });

    await prisma.user.update({ where: { id: members.owner.user.id }, data: { passwordHash: await cheapHash } });
    const transferred = await as(owner, () => transferOwnership(workspace.slug, { memberId: members.read.membershipId, password: TEST_PASSWORD, confirmName: workspace.name }));
    expect(transferred).toMatchObject({ ok: true });
    await expectCountsTrue(workspace.id, { owner: 1, admin: 2 });
  });

  it("follow a membership moved to another workspace, and a deleted user", async () => {
    const a = await createWorkspace(["owner", "write", "read"]);
    const b = await createWorkspace(["owner"]);
    await prisma.membership.update({ where: { id: a.members.write.membershipId }, data: { workspaceId: b.workspace.id, role: "admin" } });
    await expectCountsTrue(a.workspace.id, { owner: 1, read: 1 });
    await expectCountsTrue(b.workspace.id, { owner: 1, admin: 1 });
    await prisma.user.delete({ where: { id: a.members.read.user.id } });
    await expectCountsTrue(a.workspace.id, { owner: 1 });
  });

  it("go with a deleted workspace, leaving other workspaces' counts alone", async () => {
    const doomed = await createWorkspace(["owner", "admin", "write", "read", "billing"]);
    const neighbour = await createWorkspace(["owner", "read"]);
    // A user in both: the cascade removes only the doomed workspace's membership.
    await prisma.membership.create({ data: { workspaceId: neighbour.workspace.id, userId: doomed.members.write.user.id, role: "write" } });
    await prisma.workspace.delete({ where: { id: doomed.workspace.id } });
    expect(await prisma.memberCount.count({ where: { workspaceId: doomed.workspace.id } })).toBe(0);
    await expectCountsTrue(neighbour.workspace.id, { owner: 1, read: 1, write: 1 });
  });
});

describeRaces("kept member counts under concurrent changes", () => {
  it("two joins, a removal, a role change and a leave at once leave the counts true", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "write", "read", "billing"]);
      const [owner, admin, leaver] = [await session(members.owner.user.id), await session(members.admin.user.id), await session(members.billing.user.id)];
      const joiners = await Promise.all([1, 2].map(() => createUser()));
      const tokens = await Promise.all(joiners.map(async (u) => (await seedInvitation(workspace.id, { email: u.email, role: "read", invitedById: members.owner.user.id })).token));
      const joinerSessions = await Promise.all(joiners.map((u) => session(u.id)));
      const results = await Promise.all([
        as(joinerSessions[0]!, () => acceptInvitation({ token: tokens[0]! })),
        as(joinerSessions[1]!, () => acceptInvitation({ token: tokens[1]! })),
        as(owner, () => removeMember(workspace.slug, { memberId: members.write.membershipId })),
        as(admin, () => changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" })),
        as(leaver, () => leaveWorkspace(workspace.slug, {})),
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true]);
      await expectCountsTrue(workspace.id, { owner: 1, admin: 1, write: 1, read: 2 });
    }
  });

  it("memberships added to two workspaces at once in many statements each stay counted", async () => {
    const a = await createWorkspace(["owner"]);
    const b = await createWorkspace(["owner"]);
    const users = await Promise.all(Array.from({ length: 20 }, () => createUser()));
    await Promise.all(
      users.map((u, i) => prisma.membership.create({ data: { workspaceId: i % 2 ? a.workspace.id : b.workspace.id, userId: u.id, role: i % 4 < 2 ? "read" : "write" } })),
    );
    await expectCountsTrue(a.workspace.id, { owner: 1, read: 5, write: 5 });
    await expectCountsTrue(b.workspace.id, { owner: 1, read: 5, write: 5 });
  });
});
