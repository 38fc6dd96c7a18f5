// Limits that must hold whatever the outcome of the attempt they count (issue 9 §2):
// sign-ups refused and rolled back still count, the ownership transfer's password is
// throttled on the sign-in counters, and old counted rows are pruned.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { transferOwnership } from "@/lib/members/actions";
import { LIMITS, RETENTION, pruneExpired } from "@/lib/rate-limit";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createUser, createWorkspace, signInAs, teamSnapshot } from "../support/factories";

describe("sign-up limit per IP", () => {
  it("counts every attempt, also those refused and rolled back (an address already taken)", async () => {
    await createUser({ email: "taken-for-limits@example.test" });
    actAs(null, "198.51.100.150");
    const codes: string[] = [];
    for (let i = 0; i < LIMITS.signUpsPerIp.limit + 5; i++) {
      const result = await signUp({ firstName: "Sam", lastName: "Squat", email: "taken-for-limits@example.test", password: "Squatting-on-Hill-42" });
      codes.push(result.ok ? "ok" : result.code);
    }
    expect(await prisma.rateLimitHit.count({ where: { key: "signup:ip:198.51.100.150" } })).toBe(LIMITS.signUpsPerIp.limit);
    expect(codes).toEqual([...Array(LIMITS.signUpsPerIp.limit).fill("conflict"), ...Array(5).fill("rate_limited")]);
    // The limit is the network's: even a good sign-up from it is refused now, saying why.
    const fresh = await signUp({ firstName: "Ann", lastName: "New", email: "fresh-after-limit@example.test", password: "Brand-new-Hill-43" });
    expect(fresh).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in \d+ minutes\.$/) });
    expect(await prisma.user.count({ where: { email: "fresh-after-limit@example.test" } })).toBe(0);
  });
});

describe("transfer ownership's password", () => {
  it("is refused once the sign-in failures for the owner's email from this IP reach the limit, even when right, and counts on the same keys", async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    const owner = members.owner.user;
    await signInAs(owner);
    actAs((await prisma.session.findFirstOrThrow({ where: { userId: owner.id } })).id, "198.51.100.160");
    const key = `signin-fail:email-ip:198.51.100.160:${owner.email}`;
    // Nine failures already (at /login, say); then one wrong transfer password makes ten.
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: LIMITS.signInFailures.limit - 1 }, () => ({ key })) });
    const input = { memberId: members.write.membershipId, confirmName: workspace.name };
    expect(await transferOwnership(workspace.slug, { ...input, password: "Not-my-password1" })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { password: ["That password is not correct."] },
    });
    expect(await prisma.rateLimitHit.count({ where: { key } })).toBe(LIMITS.signInFailures.limit);

    const before = await teamSnapshot(workspace.id);
    const right = await transferOwnership(workspace.slug, { ...input, password: TEST_PASSWORD });
    expect(right).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many wrong passwords\. Try again in \d+ minutes\.$/) });
    expect(await teamSnapshot(workspace.id)).toEqual(before);
    // The same counter guards /login from that address.
    expect(await verifyCredentials({ email: owner.email, password: TEST_PASSWORD, ip: "198.51.100.160", userAgent: "vitest" }, { sleep: async () => {} })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
  });

  it("when right, clears the failures it reserved and transfers", async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    await signInAs(members.owner.user);
    const result = await transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: TEST_PASSWORD, confirmName: workspace.name });
    expect(result).toMatchObject({ ok: true });
    expect(await prisma.rateLimitHit.count({ where: { key: { contains: members.owner.user.email } } })).toBe(0);
  });
});

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

describe("pruning", () => {
  it("every failed sign-in deletes expired rate-limit rows and anonymous failed sign-ins (not named accounts', not recent ones)", async () => {
    const now = Date.now();
    // Past the retention (README: 24 hours for counted attempts, 30 days for anonymous failures).
    const old = new Date(now - 2 * DAY);
    await prisma.rateLimitHit.deleteMany({});
    await prisma.rateLimitHit.createMany({ data: [{ key: "prune:old", createdAt: old }, { key: "prune:old", createdAt: old }, { key: "prune:recent" }] });
    const user = await createUser();
    const oldFailure = new Date(now - 40 * DAY);
    const failed = (data: object) => prisma.auditEvent.create({ data: { workspaceId: null, action: "auth.sign_in_failed", ...data } as never });
    const anonymousOld = await failed({ actorType: "anonymous", actorEmail: "gone@example.test", createdAt: oldFailure });
    const anonymousRecent = await failed({ actorType: "anonymous", actorEmail: "recent@example.test", createdAt: new Date(now - DAY) });
    const namedOld = await failed({ actorType: "user", actorId: user.id, actorEmail: user.email, createdAt: oldFailure });

    expect(await verifyCredentials({ email: "nobody-prune@example.test", password: "Wrong-passw0rd", ip: "198.51.100.170", userAgent: "vitest" }, { sleep: async () => {} })).toMatchObject({ ok: false });

    expect(await prisma.rateLimitHit.count({ where: { key: "prune:old" } })).toBe(0);
    expect(await prisma.rateLimitHit.count({ where: { key: "prune:recent" } })).toBe(1);
    const left = new Set((await prisma.auditEvent.findMany({ where: { id: { in: [anonymousOld.id, anonymousRecent.id, namedOld.id] } } })).map((e) => e.id));
    expect(left).toEqual(new Set([anonymousRecent.id, namedOld.id]));
  });

  it("keeps the retention the README documents", () => {
    expect(RETENTION).toMatchObject({ rateLimitHitsMs: DAY, anonymousSignInFailuresMs: 30 * DAY });
  });

  it("deletes at most one batch of each per call, oldest first", async () => {
    const now = Date.now();
    await prisma.rateLimitHit.deleteMany({});
    await prisma.rateLimitHit.createMany({ data: Array.from({ length: 5 }, () => ({ key: "prune:batch", createdAt: new Date(now - 2 * DAY) })) });
    await prisma.auditEvent.deleteMany({ where: { workspaceId: null, action: "auth.sign_in_failed", actorType: "anonymous" } });
    for (let i = 0; i < 5; i++) {
      await prisma.auditEvent.create({ data: { workspaceId: null, action: "auth.sign_in_failed", actorType: "anonymous", actorEmail: `b${i}@example.test`, createdAt: new Date(now - 40 * DAY - i * HOUR) } });
    }
    await pruneExpired(prisma, { batch: 2 });
    expect(await prisma.rateLimitHit.count({ where: { key: "prune:batch" } })).toBe(3);
    const anonymous = () => prisma.auditEvent.findMany({ where: { workspaceId: null, actorType: "anonymous" }, orderBy: { createdAt: "asc" }, select: { actorEmail: true } });
    // The two oldest (b4, b3) went first.
    expect((await anonymous()).map((e) => e.actorEmail)).toEqual(["b2@example.test", "b1@example.test", "b0@example.test"]);
    await pruneExpired(prisma, { batch: 2 });
    await pruneExpired(prisma, { batch: 2 });
    expect(await prisma.rateLimitHit.count({ where: { key: "prune:batch" } })).toBe(0);
    expect(await anonymous()).toEqual([]);
  });
});
