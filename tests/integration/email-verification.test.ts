// Proving an address (docs/product.md#accounts): sign-up mails a one-time link valid 24
// hours; its page only displays, the button's POST verifies; "Resend" on the banner is
// limited. Unverified addresses see no invitations (tests/integration/invitations-mine.test.ts).
import { describe, expect, it, vi, afterEach } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { resendVerificationEmail, verifyEmail } from "@/lib/account/verification-actions";
import { lookupAccountLink } from "@/lib/auth/account-links";
import { LIMITS } from "@/lib/rate-limit";
import { actAs } from "../support/request";
import { createUser, signInAs } from "../support/factories";
import { isolateOutbox, mailsTo } from "../support/invitations";

isolateOutbox();

let n = 0;
const person = () => ({ firstName: "Ada", lastName: "Lovelace", email: `verify-${++n}@example.test`, password: "Analytical1" });

/** The token of the newest verification mail to `email`. */
async function verifyTokenTo(email: string) {
  const link = (await mailsTo(email))[0]?.links?.verify;
  const token = link?.split("/verify-email/")[1];
  if (!token) throw new Error(`No verification link in the mail to ${email}`);
  return token;
}

afterEach(() => {
  vi.useRealTimers();
});

describe("sign-up and the verification link", () => {
  it("creates an unverified user and mails a one-time link to the address; only its SHA-256 is stored", async () => {
    const p = person();
    actAs(null, "198.51.100.60");
    expect(await signUp(p)).toMatchObject({ ok: true });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: p.email } });
    expect(user.emailVerifiedAt).toBeNull();
    const mails = await mailsTo(p.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Verify your email address for Roster");
    const token = await verifyTokenTo(p.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.accountToken.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ purpose: "verify_email", usedAt: null });
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect(stored[0]!.expiresAt.getTime() - Date.now()).toBeGreaterThan(24 * 60 * 60_000 - 60_000);
    expect(await prisma.auditEvent.count({ where: { action: "auth.verification_sent", targetId: user.id } })).toBe(1);
  });

  it("the page's GET uses nothing up; the POST verifies, once, audited", async () => {
    const p = person();
    actAs(null, "198.51.100.61");
    await signUp(p);
    const token = await verifyTokenTo(p.email);
    expect(await lookupAccountLink(token, "verify_email")).toEqual({ state: "valid", email: p.email });
    expect(await lookupAccountLink(token, "verify_email")).toEqual({ state: "valid", email: p.email });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: p.email } })).emailVerifiedAt).toBeNull();

    // Signed out, or signed in as someone else: refused, and the link stays unused.
    actAs(null, "198.51.100.62");
    expect(await verifyEmail({ token })).toMatchObject({ ok: false, code: "unauthenticated" });
    await signInAs(await createUser());
    expect(await verifyEmail({ token })).toMatchObject({ ok: false, code: "forbidden", message: expect.stringContaining(`sign in as ${p.email}`) });
    expect(await lookupAccountLink(token, "verify_email")).toEqual({ state: "valid", email: p.email });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: p.email } })).emailVerifiedAt).toBeNull();

    await signInAs(await prisma.user.findUniqueOrThrow({ where: { email: p.email } }));
    expect(await verifyEmail({ token })).toEqual({ ok: true, data: { email: p.email } });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: p.email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: "auth.email_verified", targetId: user.id } })).toBe(1);

    expect(await verifyEmail({ token })).toMatchObject({ ok: false, code: "gone", message: expect.stringContaining("already used") });
    expect(await lookupAccountLink(token, "verify_email")).toMatchObject({ state: "used" });
    expect(await prisma.auditEvent.count({ where: { action: "auth.email_verified", targetId: user.id } })).toBe(1);
  });

  it("expires after 24 hours", async () => {
    const p = person();
    actAs(null, "198.51.100.63");
    await signUp(p);
    const token = await verifyTokenTo(p.email);
    await signInAs(await prisma.user.findUniqueOrThrow({ where: { email: p.email } }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 24 * 60 * 60_000 + 1000);
    expect(await lookupAccountLink(token, "verify_email")).toMatchObject({ state: "expired" });
    expect(await verifyEmail({ token })).toMatchObject({ ok: false, code: "gone", message: expect.stringContaining("expired") });
    expect((await prisma.user.findUniqueOrThrow({ where: { email: p.email } })).emailVerifiedAt).toBeNull();
  });

  it("refuses unknown and malformed tokens", async () => {
    await signInAs(await createUser());
    expect(await verifyEmail({ token: "x".repeat(43) })).toMatchObject({ ok: false, code: "gone" });
    expect(await verifyEmail({ token: "not a token" })).toMatchObject({ ok: false, code: "gone" });
  });
});

describe("Resend (the unverified-address banner)", () => {
  it("mails a fresh link, and the older one stops working", async () => {
    const p = person();
    actAs(null, "198.51.100.65");
    await signUp(p);
    const first = await verifyTokenTo(p.email);
    await signInAs(await prisma.user.findUniqueOrThrow({ where: { email: p.email } }));
    expect(await resendVerificationEmail({})).toEqual({ ok: true, data: { email: p.email, alreadyVerified: false, mailFailed: false } });
    const second = await verifyTokenTo(p.email);
    expect(second).not.toBe(first);
    expect(await verifyEmail({ token: first })).toMatchObject({ ok: false, code: "gone" });
    expect(await verifyEmail({ token: second })).toMatchObject({ ok: true });
  });

  it(`is limited to ${LIMITS.verificationMailsPerUser.limit} an hour per user`, async () => {
    const user = await createUser();
    await signInAs(user);
    for (let i = 0; i < LIMITS.verificationMailsPerUser.limit; i++) expect(await resendVerificationEmail({})).toMatchObject({ ok: true });
    expect(await resendVerificationEmail({})).toMatchObject({ ok: false, code: "rate_limited" });
    expect(await mailsTo(user.email)).toHaveLength(LIMITS.verificationMailsPerUser.limit);
  });

  it("sends nothing to an address already verified", async () => {
    const user = await createUser();
    await prisma.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    await signInAs(user);
    expect(await resendVerificationEmail({})).toMatchObject({ ok: true, data: { alreadyVerified: true } });
    expect(await mailsTo(user.email)).toHaveLength(0);
  });
});
