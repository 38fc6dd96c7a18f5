// Signing in to an account with two-factor authentication: a right password opens a
// challenge (no session); the code, or a recovery code, turns it into one session.
// Wrong codes count like wrong passwords, and a code is taken once (RFC 6238 §5.2).
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { verifyCredentials, type SignInLimits } from "@/lib/auth/sign-in";
import { verifySecondFactorSignIn } from "@/lib/auth/two-factor/sign-in";
import { CHALLENGE_EXPIRED } from "@/lib/auth/two-factor/challenge";
import { totpCode } from "@/lib/auth/two-factor/totp";
import { resolveSession } from "@/lib/auth/sessions";
import { hashSecretToken } from "@/lib/secret-tokens";
import { hashPassword } from "@/lib/auth/passwords";
import { TEST_PASSWORD } from "../support/factories";
import { actAs } from "../support/request";
import { withSealingKey, userWithTotp } from "../support/two-factor";

withSealingKey();
afterEach(() => actAs(null));

const meta = (ip = "192.0.2.10") => ({ ip, userAgent: "vitest" });

/** The password step; the challenge it answers with. */
async function challengeFor(email: string, ip?: string) {
  const first = await verifyCredentials({ email, password: TEST_PASSWORD, ...meta(ip) });
  if (first.ok || first.code !== "two_factor_required") throw new Error(`expected a challenge, got ${JSON.stringify(first)}`);
  return first.challenge;
}

const second = (challenge: string, code: string, ip?: string, limits?: SignInLimits) =>
  verifySecondFactorSignIn({ challenge, code, ...meta(ip) }, limits ? { limits, sleep: async () => {} } : {});

const sessions = (userId: string) => prisma.session.count({ where: { userId } });
const events = (action: string, actorId: string) => prisma.auditEvent.findMany({ where: { action, actorId }, orderBy: { createdAt: "asc" } });

describe("sign-in with two-factor authentication", () => {
  it("opens no session after the password, only a challenge kept as a hash, and one session after the code", async () => {
    const { user, secret } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    expect(await sessions(user.id)).toBe(0);
    expect(await events("auth.signed_in", user.id)).toHaveLength(0);
    const row = await prisma.twoFactorChallenge.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).toBe(hashSecretToken(challenge));
    expect(row.tokenHash).not.toContain(challenge);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);

    const result = await second(challenge, totpCode(secret));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((await resolveSession(result.sessionId))?.user.id).toBe(user.id);
    const [signedIn] = await events("auth.signed_in", user.id);
    expect(signedIn?.after).toEqual({ secondFactor: "authenticator" });
    // The challenge is used up: a second try with it (even with a fresh code) opens nothing.
    expect(await second(challenge, totpCode(secret, Date.now() + 30_000))).toEqual({ ok: false, code: "two_factor_expired", message: CHALLENGE_EXPIRED });
    expect(await sessions(user.id)).toBe(1);
  });

  it("refuses a code already used, within its window, and records the failure", async () => {
    const { user, secret } = await userWithTotp();
    const code = totpCode(secret);
    expect((await second(await challengeFor(user.email), code)).ok).toBe(true);
    const replay = await second(await challengeFor(user.email), code);
    expect(replay).toMatchObject({ ok: false, code: "wrong_code" });
    expect(await sessions(user.id)).toBe(1);
    expect(await events("auth.two_factor_failed", user.id)).toHaveLength(1);
  });

  it("keeps the challenge open after a wrong code, so the person can type it again", async () => {
    const { user, secret } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    expect(await second(challenge, "000000" === totpCode(secret) ? "111111" : "000000")).toMatchObject({ ok: false, code: "wrong_code" });
    expect(await second(challenge, "not-a-code")).toMatchObject({ ok: false, code: "wrong_code" });
    expect((await second(challenge, totpCode(secret))).ok).toBe(true);
  });

  it("signs in with a recovery code once; the same code fails the second time", async () => {
    const { user, recoveryCodes } = await userWithTotp();
    const code = recoveryCodes[3]!;
    const first = await second(await challengeFor(user.email), code.toUpperCase());
    expect(first.ok).toBe(true);
    const [used] = await events("auth.recovery_code_used", user.id);
    expect(used?.after).toEqual({ recoveryCodesLeft: 9 });
    expect((await events("auth.signed_in", user.id))[0]?.after).toEqual({ secondFactor: "recovery_code" });
    expect(await second(await challengeFor(user.email), code)).toMatchObject({ ok: false, code: "wrong_code" });
    expect(await sessions(user.id)).toBe(1);
  });

  it("of 8 sign-ins presenting one recovery code at once, exactly one gets a session", async () => {
    const { user, recoveryCodes } = await userWithTotp();
    const challenges = [];
    for (let i = 0; i < 8; i++) challenges.push(await challengeFor(user.email));
    const results = await Promise.all(challenges.map((c) => second(c, recoveryCodes[0]!)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessions(user.id)).toBe(1);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(1);
  });

  it("refuses an expired challenge, and one opened before the password changed", async () => {
    const { user, secret } = await userWithTotp();
    const stale = await challengeFor(user.email);
    await prisma.twoFactorChallenge.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await second(stale, totpCode(secret))).toMatchObject({ code: "two_factor_expired" });

    const before = await challengeFor(user.email);
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("Another-Password-2") } });
    expect(await second(before, totpCode(secret))).toMatchObject({ code: "two_factor_expired" });
    expect(await second("not-a-token", totpCode(secret))).toMatchObject({ code: "two_factor_expired" });
    expect(await sessions(user.id)).toBe(0);
  });

  it("refuses a challenge once 2FA was turned off in between", async () => {
    const { user, secret } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: null } });
    expect(await second(challenge, totpCode(secret))).toMatchObject({ code: "two_factor_expired" });
  });
});

describe("wrong second-factor codes are limited", () => {
  const limits: SignInLimits = {
    signInFailures: { limit: 1_000, windowMs: 15 * 60_000, slowAfter: 1_000 },
    signInFailuresPerIp: { limit: 1_000, windowMs: 15 * 60_000, slowAfter: 1_000 },
    twoFactorFailures: { limit: 3, windowMs: 15 * 60_000 },
  };

  it("per account, from any address: past the limit even the right code is refused", async () => {
    const { user, secret } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    for (const ip of ["192.0.2.21", "192.0.2.22", "192.0.2.23"]) expect(await second(challenge, "12345x", ip, limits)).toMatchObject({ code: "wrong_code" });
    const refused = await second(challenge, totpCode(secret), "192.0.2.24", limits);
    expect(refused).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await sessions(user.id)).toBe(0);
  });

  it("on the sign-in counters too: wrong codes count against the email from that address", async () => {
    const { user, secret } = await userWithTotp();
    const strict: SignInLimits = { ...limits, signInFailures: { limit: 2, windowMs: 15 * 60_000, slowAfter: 1_000 } };
    const challenge = await challengeFor(user.email, "192.0.2.30");
    await second(challenge, "111111" === totpCode(secret) ? "222222" : "111111", "192.0.2.30", strict);
    await second(challenge, "abc", "192.0.2.30", strict);
    expect(await second(challenge, totpCode(secret), "192.0.2.30", strict)).toMatchObject({ code: "rate_limited" });
  });

  it("counts 12 concurrent wrong codes atomically: exactly 3 are checked, the rest refused", async () => {
    const { user } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => second(challenge, "zzzzzzzzzz", `192.0.2.${40 + i}`, limits)));
    expect(results.filter((r) => !r.ok && r.code === "wrong_code")).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.code === "rate_limited")).toHaveLength(9);
    expect(await events("auth.two_factor_failed", user.id)).toHaveLength(3);
  });

  it("a right code clears the account's count", async () => {
    const { user, secret } = await userWithTotp();
    const challenge = await challengeFor(user.email);
    await second(challenge, "zzzzzzzzzz", undefined, limits);
    await second(challenge, "zzzzzzzzzz", undefined, limits);
    expect((await second(challenge, totpCode(secret), undefined, limits)).ok).toBe(true);
    const next = await challengeFor(user.email);
    await second(next, "zzzzzzzzzz", undefined, limits);
    await second(next, "zzzzzzzzzz", undefined, limits);
    expect((await second(next, totpCode(secret, Date.now() + 30_000), undefined, limits)).ok).toBe(true);
  });
});
