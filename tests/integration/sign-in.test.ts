import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GENERIC_SIGN_IN_ERROR, verifyCredentials } from "@/lib/auth/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { LIMITS } from "@/lib/rate-limit";
import { TEST_PASSWORD, createUser } from "../support/factories";

const meta = (ip: string) => ({ ip, userAgent: "vitest" });

describe("sign-in", () => {
  it("opens a session for the right password, whatever the email's case, and audits it", async () => {
    const user = await createUser({ email: "grace@example.test" });
    const result = await verifyCredentials({ email: " Grace@Example.TEST", password: TEST_PASSWORD, ...meta("192.0.2.1") });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await resolveSession(result.sessionId))?.user.id).toBe(user.id);
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(updated.lastSignInIp).toBe("192.0.2.1");
    expect(await prisma.auditEvent.count({ where: { action: "auth.signed_in", actorId: user.id } })).toBe(1);
  });

  it("answers a wrong password and an unknown email with the same generic message", async () => {
    const known = await createUser({ email: "known@example.test" });
    const wrong = await verifyCredentials({ email: "known@example.test", password: "Wrong-password1", ...meta("192.0.2.2") });
    const unknown = await verifyCredentials({ email: "nobody@example.test", password: "Wrong-password1", ...meta("192.0.2.2") });
    expect(wrong).toEqual({ ok: false, code: "invalid_credentials", message: GENERIC_SIGN_IN_ERROR });
    expect(unknown).toEqual(wrong);
    expect(await prisma.auditEvent.count({ where: { action: "auth.sign_in_failed" } })).toBeGreaterThanOrEqual(2);
    expect(await prisma.session.count({ where: { userId: known.id } })).toBe(0);
  });

  it("refuses an email after repeated failures, even with the right password, and says for how long", async () => {
    await createUser({ email: "target@example.test" });
    const origSlow = LIMITS.signInFailures.slowAfter;
    // The growing delay is exercised by the e2e suite; skip it here to keep this fast.
    (LIMITS.signInFailures as { slowAfter: number }).slowAfter = 1_000;
    try {
      for (let i = 0; i < LIMITS.signInFailures.limit; i++) {
        const r = await verifyCredentials({ email: "target@example.test", password: `Wrong-${i}A`, ...meta(`192.0.2.${10 + i}`) });
        expect(r.ok).toBe(false);
      }
      const locked = await verifyCredentials({ email: "target@example.test", password: TEST_PASSWORD, ...meta("192.0.2.99") });
      expect(locked).toMatchObject({ ok: false, code: "rate_limited" });
      expect(!locked.ok && locked.message).toMatch(/Too many failed sign-in attempts\. Try again in \d+ minutes?\./);
    } finally {
      (LIMITS.signInFailures as { slowAfter: number }).slowAfter = origSlow;
    }
  });

  it("slows down repeated failures before refusing them", async () => {
    await createUser({ email: "slow@example.test" });
    // Two failures past the threshold: the next attempt waits 250 ms × 2.
    for (let i = 0; i < LIMITS.signInFailures.slowAfter + 2; i++) {
      await verifyCredentials({ email: "slow@example.test", password: "Wrong-passw0rd", ...meta("192.0.2.50") });
    }
    const started = Date.now();
    await verifyCredentials({ email: "slow@example.test", password: "Wrong-passw0rd", ...meta("192.0.2.50") });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
  });
});

describe("sessions", () => {
  it("stop working as soon as their row is deleted", async () => {
    await createUser({ email: "revoked@example.test" });
    const r = await verifyCredentials({ email: "revoked@example.test", password: TEST_PASSWORD, ...meta("192.0.2.3") });
    if (!r.ok) throw new Error("sign-in failed");
    expect(await resolveSession(r.sessionId)).not.toBeNull();
    await prisma.session.delete({ where: { id: r.sessionId } });
    expect(await resolveSession(r.sessionId)).toBeNull();
  });

  it("stop working once expired", async () => {
    await createUser({ email: "expired@example.test" });
    const r = await verifyCredentials({ email: "expired@example.test", password: TEST_PASSWORD, ...meta("192.0.2.4") });
    if (!r.ok) throw new Error("sign-in failed");
    await prisma.session.update({ where: { id: r.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession(r.sessionId)).toBeNull();
  });
});
