// "Forgot password" (docs/product.md#accounts): the same answer for any address, a
// one-time link valid 1 hour that a newer link replaces, the sign-up password rules,
// every session ended, the address verified, and limits per email and per IP.
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { requestPasswordReset, resetPassword } from "@/lib/account/reset-actions";
import { verifyEmail } from "@/lib/account/verification-actions";
import { RESET_REQUESTED_MESSAGE } from "@/lib/account/schemas";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { verifyPassword } from "@/lib/auth/passwords";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { LIMITS } from "@/lib/rate-limit";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createUser, signInAs } from "../support/factories";
import { isolateOutbox, mailsTo } from "../support/invitations";

isolateOutbox();

let ipCounter = 0;
/** A fresh IP per request, so the per-IP limit only matters where a test means it to. */
const freshIp = () => `198.51.100.${100 + ++ipCounter}`;
const NEW_PASSWORD = "Tidal-Lantern-42";

async function resetTokenTo(email: string) {
  const token = (await mailsTo(email))[0]?.links?.reset?.split("/reset-password/")[1];
  if (!token) throw new Error(`No reset link in the mail to ${email}`);
  return token;
}

async function requestFor(email: string, ip = freshIp()) {
  actAs(null, ip);
  return requestPasswordReset({ email });
}

afterEach(() => {
  vi.useRealTimers();
});

describe("asking for a reset link", () => {
  it("answers an unknown and a known address the same, and mails only the account", async () => {
    const user = await createUser();
    const known = await requestFor(user.email);
    const unknown = await requestFor("nobody-here@example.test");
    expect(known).toEqual({ ok: true, data: { message: RESET_REQUESTED_MESSAGE } });
    expect(unknown).toEqual(known);
    expect(await mailsTo(user.email)).toHaveLength(1);
    expect(await mailsTo("nobody-here@example.test")).toHaveLength(0);
    const mail = (await mailsTo(user.email))[0]!;
    expect(mail.subject).toBe("Reset your Roster password");
    expect(mail.links?.reset).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
    // Both are recorded, anonymously; only the known one names an account.
    const events = await prisma.auditEvent.findMany({ where: { action: "auth.password_reset_requested", actorEmail: { in: [user.email, "nobody-here@example.test"] } } });
    expect(events.map((e) => [e.actorType, e.actorEmail, e.targetId]).sort()).toEqual([
      ["anonymous", "nobody-here@example.test", null],
      ["anonymous", user.email, user.id],
    ]);
  });

  it(`is limited per email (${LIMITS.passwordResetsPerEmail.limit} an hour), for unknown addresses too; a refused request still counts for its IP`, async () => {
    const user = await createUser();
    for (const email of [user.email, "ghost@example.test"]) {
      for (let i = 0; i < LIMITS.passwordResetsPerEmail.limit; i++) expect(await requestFor(email)).toMatchObject({ ok: true });
      expect(await requestFor(email, "192.0.2.78")).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringContaining("Too many password reset requests") });
    }
    expect(await mailsTo(user.email)).toHaveLength(LIMITS.passwordResetsPerEmail.limit);
    expect(await prisma.rateLimitHit.count({ where: { key: "reset:ip:192.0.2.78" } })).toBe(2);
  });

  it(`is limited per IP (${LIMITS.passwordResetsPerIp.limit} an hour), whatever the addresses`, async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < LIMITS.passwordResetsPerIp.limit; i++) expect(await requestFor(`spray-${i}@example.test`, ip)).toMatchObject({ ok: true });
    expect(await requestFor("spray-last@example.test", ip)).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await requestFor("spray-last@example.test", freshIp())).toMatchObject({ ok: true });
  });
});

describe("using the reset link", () => {
  it("sets the new password, verifies the address, ends every session, and is single use", async () => {
    const user = await createUser();
    const sessions = [
      await createSession(prisma, user.id, { ip: "203.0.113.1", userAgent: "laptop" }),
      await createSession(prisma, user.id, { ip: "203.0.113.2", userAgent: "phone" }),
    ];
    const other = await createUser();
    const othersSession = await createSession(prisma, other.id, { ip: "203.0.113.3", userAgent: "other" });
    await requestFor(user.email);
    const token = await resetTokenTo(user.email);
    expect(await lookupAccountLink(token, "reset_password")).toEqual({ state: "valid", email: user.email });

    actAs(null, freshIp());
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toEqual({ ok: true, data: { redirectTo: "/w" } });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, TEST_PASSWORD)).toBe(false);
    expect(after.emailVerifiedAt).not.toBeNull();
    for (const id of sessions) expect(await resolveSession(id)).toBeNull();
    expect(await resolveSession(othersSession)).not.toBeNull();
    expect(await prisma.auditEvent.findFirst({ where: { action: "auth.password_reset", targetId: user.id } })).toMatchObject({ after: { sessionsEnded: 2, emailVerified: true } });

    expect(await resetPassword({ token, password: "Another-Lantern-43" })).toMatchObject({ ok: false, code: "gone", message: expect.stringContaining("already used") });
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("lets the owner in from a network whose failures for the email reached the limit (a shared office address, say)", async () => {
    const user = await createUser();
    const noWait = { sleep: async () => {} };
    const office = freshIp();
    for (let i = 0; i < LIMITS.signInFailures.limit; i++) {
      await verifyCredentials({ email: user.email, password: `Wrong-${i}`, ip: office, userAgent: "stranger" }, noWait);
    }
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD, ip: office, userAgent: "owner" }, noWait)).toMatchObject({ ok: false, code: "rate_limited" });
    await requestFor(user.email);
    actAs(null, office);
    expect(await resetPassword({ token: await resetTokenTo(user.email), password: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await verifyCredentials({ email: user.email, password: NEW_PASSWORD, ip: office, userAgent: "owner" }, noWait)).toMatchObject({ ok: true });
    expect(await prisma.rateLimitHit.count({ where: { key: { startsWith: "signin-fail:", endsWith: user.email } } })).toBe(0);
  });

  it("expires after 1 hour", async () => {
    const user = await createUser();
    await requestFor(user.email);
    const token = await resetTokenTo(user.email);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 60 * 60_000 + 1000);
    expect(await lookupAccountLink(token, "reset_password")).toMatchObject({ state: "expired" });
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ ok: false, code: "gone", message: expect.stringContaining("expired") });
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("is replaced by a newer link", async () => {
    const user = await createUser();
    await requestFor(user.email);
    const older = await resetTokenTo(user.email);
    await requestFor(user.email);
    const newer = await resetTokenTo(user.email);
    expect(newer).not.toBe(older);
    actAs(null, freshIp());
    expect(await resetPassword({ token: older, password: NEW_PASSWORD })).toMatchObject({ ok: false, code: "gone" });
    expect(await resetPassword({ token: newer, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("follows the sign-up rules and refuses a guessable password, using nothing up", async () => {
    const user = await createUser({ firstName: "Grace", lastName: "Hopper" });
    await requestFor(user.email);
    const token = await resetTokenTo(user.email);
    actAs(null, freshIp());
    const short = await resetPassword({ token, password: "Ab1" });
    expect(short).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!short.ok && short.fieldErrors?.password?.join(" ")).toContain("at least 8 characters");
    const common = await resetPassword({ token, password: "Password1234" });
    expect(common).toMatchObject({ ok: false, code: "invalid_input" });
    expect(!common.ok && common.fieldErrors?.password?.[0]).toMatch(/too easy to guess.*commonly used password/);
    expect(await resetPassword({ token, password: "GraceHopper1" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await lookupAccountLink(token, "reset_password")).toMatchObject({ state: "valid" });
    expect(await resetPassword({ token, password: NEW_PASSWORD })).toMatchObject({ ok: true });
  });

  it("a reset link does not verify an address through the verification action, nor the other way round", async () => {
    const user = await createUser();
    await requestFor(user.email);
    const token = await resetTokenTo(user.email);
    await signInAs(user);
    expect(await verifyEmail({ token })).toMatchObject({ ok: false, code: "gone" });
    expect(await lookupAccountLink(token, "verify_email")).toMatchObject({ state: "unknown" });
  });
});
