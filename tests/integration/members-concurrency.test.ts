// Team invariants under concurrency: exactly one owner, no acting on a membership that
// changed underneath. They are checked inside the transaction under the workspace lock;
// each test asserts what both calls returned (whichever ran first) and the team after.
import { expect, it } from "vitest";
import { hash } from "@node-rs/argon2";
import { prisma } from "@/lib/db";
import { changeMemberRole, removeMember, transferOwnership } from "@/lib/members/actions";
import { createSession } from "@/lib/auth/sessions";
import { TEST_PASSWORD, as, createWorkspace } from "../support/factories";
import { ROUNDS, describeRaces, oneWinner } from "../support/races";

const session = (userId: string) => createSession(prisma, userId, { ip: "203.0.113.9", userAgent: "vitest" });
const roleOf = async (membershipId: string) => (await prisma.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;
const eventsOf = (workspaceId: string, action: string) => prisma.auditEvent.findMany({ where: { workspaceId, action }, orderBy: { createdAt: "asc" } });

const cheapHash = hash(TEST_PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });

const NOT_A_MANAGER = { ok: false, code: "forbidden", message: "Team management is limited to owners and admins." };
const NOT_THE_OWNER = { ok: false, code: "forbidden", message: "Only the workspace owner can do this." };

describeRaces("concurrent team changes", () => {
  it("two admins demoting each other at once: the first wins, the second is no longer an admin", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
      await prisma.membership.update({ where: { id: members.write.membershipId }, data: { role: "admin" } });
      const admins = [members.admin, members.write] as const;
      const [s1, s2] = [await session(admins[0].user.id), await session(admins[1].user.id)];
      const results = await Promise.all([
        as(s1, () => changeMemberRole(workspace.slug, { memberId: admins[1].membershipId, role: "write" })),
        as(s2, () => changeMemberRole(workspace.slug, { memberId: admins[0].membershipId, role: "write" })),
      ]);

      const { winner, loser } = oneWinner(results);
      expect(results[winner]).toEqual({ ok: true, data: { role: "write" } });
      expect(results[loser]).toEqual(NOT_A_MANAGER);
      expect([await roleOf(admins[winner].membershipId), await roleOf(admins[loser].membershipId)]).toEqual(["admin", "write"]);
      expect(await eventsOf(workspace.id, "member.role_changed")).toMatchObject([
        { actorId: admins[winner].user.id, targetId: admins[loser].user.id, before: { role: "admin" }, after: { role: "write" } },
      ]);
    }
  });

  it("a removal racing a role change: the removal always lands, the change only if it came first, and the log says which", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "read"]);
      const [s1, s2] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const [removed, changed] = await Promise.all([
        as(s1, () => removeMember(workspace.slug, { memberId: members.read.membershipId })),
        as(s2, () => changeMemberRole(workspace.slug, { memberId: members.read.membershipId, role: "write" })),
      ]);

      expect(removed).toEqual({ ok: true, data: { removed: members.read.membershipId } });
      // Either order is correct; what each call returned must match what it found.
      const changeFirst = changed.ok;
      expect(changed).toEqual(changeFirst ? { ok: true, data: { role: "write" } } : { ok: false, code: "not_found", message: "That member is not in this workspace (any more)." });
      expect(await roleOf(members.read.membershipId)).toBeNull();
      expect(await eventsOf(workspace.id, "member.removed")).toMatchObject([
        { actorId: members.owner.user.id, targetId: members.read.user.id, before: { role: changeFirst ? "write" : "read" } },
      ]);
      expect(await eventsOf(workspace.id, "member.role_changed")).toMatchObject(
        changeFirst ? [{ actorId: members.admin.user.id, targetId: members.read.user.id, before: { role: "read" }, after: { role: "write" } }] : [],
      );
    }
  });

  it("two ownership transfers at once: one lands, the other is refused, never zero or two owners", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
      const targets = [members.admin, members.write] as const;
      const [t1, t2] = [await session(members.owner.user.id), await session(members.owner.user.id)];
      const results = await Promise.all([
        as(t1, () => transferOwnership(workspace.slug, { memberId: targets[0].membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
        as(t2, () => transferOwnership(workspace.slug, { memberId: targets[1].membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
      ]);

      const { winner, loser } = oneWinner(results);
      expect(results[winner]).toEqual({ ok: true, data: { owner: targets[winner].membershipId } });
      expect(results[loser]).toEqual(NOT_THE_OWNER);
      expect([await roleOf(members.owner.membershipId), await roleOf(targets[winner].membershipId), await roleOf(targets[loser].membershipId)]).toEqual([
        "admin",
        "owner",
        winner === 0 ? "write" : "admin",
      ]);
      expect(await eventsOf(workspace.id, "workspace.ownership_transferred")).toMatchObject([{ actorId: members.owner.user.id, targetId: targets[winner].user.id }]);
    }
  });

  it("a transfer racing an admin's demotion of the new owner: never zero or two owners, and each call's result matches the order", async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { workspace, members } = await createWorkspace(["owner", "admin", "write"]);
      // At the default cost the transfer's password check outlasts the whole demotion, which
      // then always lands first; at argon2id's lowest cost the two transactions overlap.
      await prisma.user.update({ where: { id: members.owner.user.id }, data: { passwordHash: await cheapHash } });
      const [o, a] = [await session(members.owner.user.id), await session(members.admin.user.id)];
      const [transferred, demoted] = await Promise.all([
        as(o, () => transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name })),
        as(a, () => changeMemberRole(workspace.slug, { memberId: members.write.membershipId, role: "read" })),
      ]);

      expect(transferred).toEqual({ ok: true, data: { owner: members.write.membershipId } });
      // The demotion lands only before the transfer; after it, its target is the owner.
      const demotionFirst = demoted.ok;
      expect(demoted).toEqual(
        demotionFirst
          ? { ok: true, data: { role: "read" } }
          : { ok: false, code: "forbidden", message: "The owner cannot be changed or removed. The owner can transfer ownership in settings." },
      );
      expect([await roleOf(members.owner.membershipId), await roleOf(members.admin.membershipId), await roleOf(members.write.membershipId)]).toEqual([
        "admin",
        "admin",
        "owner",
      ]);
      expect(await eventsOf(workspace.id, "workspace.ownership_transferred")).toMatchObject([
        { actorId: members.owner.user.id, targetId: members.write.user.id, before: { newOwnerRole: demotionFirst ? "read" : "write" } },
      ]);
      expect(await eventsOf(workspace.id, "member.role_changed")).toMatchObject(demotionFirst ? [{ actorId: members.admin.user.id, before: { role: "write" }, after: { role: "read" } }] : []);
    }
  });
});
