import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { GENERIC_SIGN_IN_ERROR, MAX_DELAY_MS, verifyCredentials, type SignInOptions } from "@/lib/auth/sign-in";
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
});

const WINDOW_MS = 15 * 60_000;

/** Limits small enough to reach in a test; the side not under test set out of reach. */
function limitsOf(perEmail: { limit: number; slowAfter: number }, perIp = { limit: 1_000, slowAfter: 1_000 }) {
  return { signInFailures: { windowMs: WINDOW_MS, ...perEmail }, signInFailuresPerIp: { windowMs: WINDOW_MS, ...perIp } };
}

/** Stands in for the delay: records each wait instead of sleeping through it. */
function recordedSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** One sign-in attempt and the delay it was given (0 when none). */
async function attempt(email: string, password: string, ip: string, options: SignInOptions & { waits: number[] }) {
  const before = options.waits.length;
  const result = await verifyCredentials({ email, password, ...meta(ip) }, options);
  expect(options.waits.length - before, "at most one delay per attempt").toBeLessThanOrEqual(1);
  return { result, delayMs: options.waits[before] ?? 0 };
}

const failed = { ok: false, code: "invalid_credentials", message: GENERIC_SIGN_IN_ERROR };
const failuresOf = (where: { actorId?: string; actorEmail?: string }) => prisma.auditEvent.count({ where: { action: "auth.sign_in_failed", ...where } });

describe("sign-in throttling", () => {
  it("delays each failure for an email past the threshold twice as long as the one before, up to 4 seconds, and a success resets it", async () => {
    const user = await createUser({ email: "slow@example.test" });
    const clock = { ...recordedSleep(), limits: limitsOf({ limit: 20, slowAfter: 2 }) };
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      const { result, delayMs } = await attempt("slow@example.test", "Wrong-passw0rd", `198.51.100.${i}`, clock);
      expect(result).toEqual(failed);
      delays.push(delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000]);
    expect(await failuresOf({ actorId: user.id })).toBe(9);

    // The right password is delayed like any attempt, then signs in and clears the email's failures.
    const right = await attempt("slow@example.test", TEST_PASSWORD, "198.51.100.20", clock);
    expect(right).toMatchObject({ result: { ok: true, userId: user.id }, delayMs: 4000 });
    const after = await attempt("slow@example.test", "Wrong-passw0rd", "198.51.100.21", clock);
    expect(after).toEqual({ result: failed, delayMs: 0 });
  });

  it("refuses an email from one IP once it reaches the limit, even with the right password, says for how long, and records nothing more", async () => {
    const user = await createUser({ email: "target@example.test" });
    const clock = { ...recordedSleep(), limits: limitsOf({ limit: 3, slowAfter: 100 }) };
    for (let i = 0; i < 3; i++) {
      expect(await attempt("target@example.test", `Wrong-${i}A`, "198.51.100.30", clock)).toEqual({ result: failed, delayMs: 0 });
    }
    expect(await failuresOf({ actorId: user.id })).toBe(3);

    const locked = await attempt("Target@example.test", TEST_PASSWORD, "198.51.100.30", clock);
    expect(locked).toEqual({
      result: { ok: false, code: "rate_limited", retryAfterSeconds: expect.any(Number), message: "Too many failed sign-in attempts. Try again in 15 minutes, or use Forgot password? to choose a new password now." },
      delayMs: 0,
    });
    const retryAfter = !locked.result.ok && locked.result.code === "rate_limited" ? locked.result.retryAfterSeconds : 0;
    expect(retryAfter).toBeGreaterThan(WINDOW_MS / 1000 - 60);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    // A refusal is not a failed attempt: no event, no hit, no session.
    expect(await failuresOf({ actorId: user.id })).toBe(3);
    expect(await prisma.rateLimitHit.count({ where: { key: "signin-fail:email-ip:198.51.100.30:target@example.test" } })).toBe(3);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    // Another account from the same address is not affected.
    const other = await createUser({ email: "bystander@example.test" });
    expect(await attempt("bystander@example.test", TEST_PASSWORD, "198.51.100.30", clock)).toMatchObject({ result: { ok: true, userId: other.id }, delayMs: 0 });
  });

  it("cannot be used by a stranger to lock an account: 10 failures from one IP refuse that IP, the owner's right password from another IP still signs in (slowed, never refused)", async () => {
    const user = await createUser({ email: "owner-of-account@example.test" });
    const clock = recordedSleep();
    const attacker = "198.51.100.70";
    for (let i = 0; i < LIMITS.signInFailures.limit; i++) {
      expect((await attempt("owner-of-account@example.test", `Guess-${i}Aa`, attacker, clock)).result).toEqual(failed);
    }
    // The attacking IP is refused, with the right password too.
    expect((await attempt("owner-of-account@example.test", TEST_PASSWORD, attacker, clock)).result).toMatchObject({ ok: false, code: "rate_limited" });
    // The owner, elsewhere: a delay (bounded), then signed in.
    const owner = await attempt("owner-of-account@example.test", TEST_PASSWORD, "192.0.2.80", clock);
    expect(owner.result).toMatchObject({ ok: true, userId: user.id });
    expect(owner.delayMs).toBeGreaterThan(0);
    expect(owner.delayMs).toBeLessThanOrEqual(MAX_DELAY_MS);
    // Many more failures from many IPs are slowed, up to the bound, never refused.
    const delays: number[] = [];
    for (let i = 0; i < 15; i++) {
      const { result, delayMs } = await attempt("owner-of-account@example.test", `Guess-${i}Bb`, `198.51.101.${i}`, clock);
      expect(result).toEqual(failed);
      delays.push(delayMs);
    }
    expect(Math.max(...delays)).toBe(MAX_DELAY_MS);
    expect((await attempt("owner-of-account@example.test", TEST_PASSWORD, "192.0.2.81", clock)).result).toMatchObject({ ok: true, userId: user.id });
  });

  it("slows, then refuses, an IP that fails across many emails, and only that IP", async () => {
    const user = await createUser({ email: "shared-ip@example.test" });
    const clock = { ...recordedSleep(), limits: limitsOf({ limit: 1_000, slowAfter: 1_000 }, { limit: 4, slowAfter: 2 }) };
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { result, delayMs } = await attempt(`stranger-${i}@example.test`, "Wrong-passw0rd", "198.51.100.50", clock);
      expect(result).toEqual(failed);
      delays.push(delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 250]);
    for (let i = 0; i < 4; i++) expect(await failuresOf({ actorEmail: `stranger-${i}@example.test` })).toBe(1);
    expect(await prisma.auditEvent.findFirst({ where: { action: "auth.sign_in_failed", actorEmail: "stranger-0@example.test" } })).toMatchObject({
      actorType: "anonymous",
      actorId: null,
      ip: "198.51.100.50",
      userAgent: "vitest",
    });

    expect(await attempt("shared-ip@example.test", TEST_PASSWORD, "198.51.100.50", clock)).toMatchObject({
      result: { ok: false, code: "rate_limited", message: "Too many failed sign-in attempts. Try again in 15 minutes, or use Forgot password? to choose a new password now." },
      delayMs: 0,
    });
    expect(await attempt("shared-ip@example.test", TEST_PASSWORD, "198.51.100.51", clock)).toMatchObject({ result: { ok: true, userId: user.id }, delayMs: 0 });
  });

  it("uses the production limits unless told otherwise: an email is delayed once it has more than three failures", async () => {
    await createUser({ email: "defaults@example.test" });
    const clock = recordedSleep();
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = clock.waits.length;
      expect(await verifyCredentials({ email: "defaults@example.test", password: "Wrong-passw0rd", ...meta(`198.51.100.${60 + i}`) }, { sleep: clock.sleep })).toEqual(failed);
      delays.push(clock.waits[before] ?? 0);
    }
    expect(LIMITS.signInFailures.slowAfter).toBe(3);
    expect(delays).toEqual([0, 0, 0, 0, 250, 500]);
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
