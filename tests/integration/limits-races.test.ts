// Limits under concurrency (PostgreSQL only, see tests/support/races.ts): an attempt is
// counted before its password is checked, and the transfer's password is checked
// before the workspace lock is taken.
import { expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { lockWorkspace } from "@/lib/authz/membership";
import { transferOwnership } from "@/lib/members/actions";
import { LIMITS } from "@/lib/rate-limit";
import { TEST_PASSWORD, createUser, createWorkspace, signInAs } from "../support/factories";
import { describeRaces } from "../support/races";

describeRaces("sign-in limits under concurrency", () => {
  it("40 concurrent wrong passwords for one email from one IP: at most the limit are checked, the rest refused", async () => {
    const user = await createUser({ email: "concurrent-target@example.test" });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        verifyCredentials({ email: "concurrent-target@example.test", password: `Wrong-${i}Aa`, ip: "198.51.100.210", userAgent: "vitest" }, { sleep: async () => {} }),
      ),
    );
    const checked = results.filter((r) => !r.ok && r.code === "invalid_credentials").length;
    const refused = results.filter((r) => !r.ok && r.code === "rate_limited").length;
    expect(checked).toBe(LIMITS.signInFailures.limit);
    expect(refused).toBe(40 - LIMITS.signInFailures.limit);
    // Each checked password is one audited failure: no more were checked than counted.
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", actorId: user.id } })).toBe(LIMITS.signInFailures.limit);
    expect(await prisma.rateLimitHit.count({ where: { key: "signin-fail:email-ip:198.51.100.210:concurrent-target@example.test" } })).toBe(LIMITS.signInFailures.limit);
  });

  it("a right password racing wrong ones is not counted as a failure", async () => {
    const user = await createUser({ email: "concurrent-owner@example.test" });
    const attempt = (password: string) => verifyCredentials({ email: user.email, password, ip: "198.51.100.211", userAgent: "vitest" }, { sleep: async () => {} });
    const results = await Promise.all([attempt(TEST_PASSWORD), ...Array.from({ length: 5 }, (_, i) => attempt(`Wrong-${i}Bb`))]);
    expect(results[0]).toMatchObject({ ok: true, userId: user.id });
    expect(results.slice(1).every((r) => !r.ok)).toBe(true);
    expect(await prisma.rateLimitHit.count({ where: { key: `signin-fail:email-ip:198.51.100.211:${user.email}` } })).toBeLessThanOrEqual(5);
  });
});

describeRaces("transfer ownership's password and the workspace lock", () => {
  it("a wrong password is answered while another request holds the workspace lock: it is checked before the lock", async () => {
    const { workspace, members } = await createWorkspace(["owner", "write"]);
    await signInAs(members.owner.user);
    let locked!: () => void;
    let release!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    const released = new Promise<void>((r) => (release = r));
    const holder = prisma.$transaction(
      async (tx) => {
        await lockWorkspace(tx, workspace.id);
        locked();
        await released;
      },
      { timeout: 30_000 },
    );
    await isLocked;
    const outcome = await Promise.race([
      transferOwnership(workspace.slug, { memberId: members.write.membershipId, password: "Not-my-password1", confirmName: workspace.name }),
      new Promise((r) => setTimeout(() => r("still waiting for the workspace lock"), 5_000)),
    ]);
    release();
    await holder;
    expect(outcome).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { password: ["That password is not correct."] } });
  });
});
