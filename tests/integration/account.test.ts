// /account: profile, change password and the sessions list, called as actions
// (lib/account/actions.ts) through the guard, like the page calls them.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { changePassword, revokeOtherSessions, revokeSession, updateProfile } from "@/lib/account/actions";
import { listAccountSessions } from "@/lib/account/queries";
import { verifyPassword } from "@/lib/auth/passwords";
import { createSession, resolveSession, sessionHandle } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { LIMITS } from "@/lib/rate-limit";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createUser, signInAs } from "../support/factories";

const NEW_PASSWORD = "Brand-New-Secret-9";
const CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";
const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0";

/** A user signed in on this browser and on `others` more. */
async function userWithBrowsers(others = 2) {
  const user = await createUser();
  const elsewhere: string[] = [];
  for (let i = 0; i < others; i++) elsewhere.push(await createSession(prisma, user.id, { ip: `198.51.100.${i + 1}`, userAgent: FIREFOX_LINUX }));
  const here = await signInAs(user);
  return { user, here, elsewhere };
}

const events = (actorId: string, action: string) => prisma.auditEvent.findMany({ where: { actorId, action } });
const sessionIds = async (userId: string) => (await prisma.session.findMany({ where: { userId }, select: { id: true } })).map((s) => s.id).sort();

afterEach(() => actAs(null));

describe("profile", () => {
  it("saves a trimmed first and last name and audits before and after", async () => {
    const { user } = await userWithBrowsers(0);
    const result = await updateProfile({ firstName: "  Ada ", lastName: "Lovelace " });
    expect(result).toEqual({ ok: true, data: { firstName: "Ada", lastName: "Lovelace" } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: "Ada", lastName: "Lovelace" });
    const [event] = await events(user.id, "account.profile_updated");
    expect(event).toMatchObject({
      targetId: user.id,
      before: { firstName: user.firstName, lastName: user.lastName },
      after: { firstName: "Ada", lastName: "Lovelace" },
      ip: "203.0.113.7",
    });
  });

  it("refuses an empty or overlong name with field errors, changing nothing", async () => {
    const { user } = await userWithBrowsers(0);
    const empty = await updateProfile({ firstName: "   ", lastName: "Lovelace" });
    expect(empty).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { firstName: ["Enter your first name."] } });
    const long = await updateProfile({ firstName: "Ada", lastName: "x".repeat(51) });
    expect(long).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { lastName: [expect.stringContaining("at most 50")] } });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ firstName: user.firstName, lastName: user.lastName });
    expect(await events(user.id, "account.profile_updated")).toHaveLength(0);
  });

  it("records nothing when the name is the same, and refuses a signed-out caller", async () => {
    const { user } = await userWithBrowsers(0);
    expect(await updateProfile({ firstName: user.firstName, lastName: user.lastName })).toMatchObject({ ok: true });
    expect(await events(user.id, "account.profile_updated")).toHaveLength(0);
    actAs(null);
    expect(await updateProfile({ firstName: "Eve", lastName: "Intruder" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("change password", () => {
  it("needs the current password: a wrong one is refused on its field, and nothing changes", async () => {
    const { user, here, elsewhere } = await userWithBrowsers(2);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const result = await changePassword({ currentPassword: "Not-the-password-1", newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { currentPassword: ["That password is not correct."] } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before.passwordHash);
    expect(await sessionIds(user.id)).toEqual([here, ...elsewhere].sort());
    expect(await events(user.id, "account.password_changed")).toHaveLength(0);
  });

  it("follows the sign-up rules for the new password", async () => {
    const { user } = await userWithBrowsers(0);
    const weak = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" });
    expect(weak).toMatchObject({ ok: false, code: "invalid_input" });
    expect(weak.ok ? [] : weak.fieldErrors?.newPassword).toEqual(
      expect.arrayContaining(["Password needs: at least 8 characters.", "Password needs: an upper-case letter."]),
    );
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
  });

  it("sets the new password, ends every other session of the user but keeps this one, and audits it", async () => {
    const { user, here, elsewhere } = await userWithBrowsers(2);
    const stranger = await createUser();
    const strangers = await createSession(prisma, stranger.id, { ip: null, userAgent: null });
    actAs(here);

    const result = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true, data: { otherSessionsEnded: 2 } });
    const { passwordHash } = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(passwordHash, TEST_PASSWORD)).toBe(false);
    expect(await sessionIds(user.id)).toEqual([here]);
    for (const id of elsewhere) expect(await resolveSession(id)).toBeNull();
    expect((await resolveSession(here))?.user.id).toBe(user.id);
    expect(await resolveSession(strangers)).not.toBeNull();
    const [event] = await events(user.id, "account.password_changed");
    expect(event).toMatchObject({ targetId: user.id, after: { otherSessionsEnded: 2 } });
    expect(JSON.stringify(event)).not.toContain(NEW_PASSWORD);
  });

  // The check runs on the sign-in counters (lib/auth/current-password.ts): the failures
  // below are seeded as if made at /login, to skip the growing per-email delay.
  const failuresFromHere = (email: string, count: number) =>
    prisma.rateLimitHit.createMany({ data: Array.from({ length: count }, () => ({ key: `signin-fail:email-ip:203.0.113.7:${email}` })) });

  it(`is throttled like sign-in: at ${LIMITS.signInFailures.limit} wrong passwords from one address even the right one is refused for a while`, async () => {
    const { user } = await userWithBrowsers(1);
    await failuresFromHere(user.email, LIMITS.signInFailures.limit - 1);
    expect(await changePassword({ currentPassword: "Wrong-guess-1", newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, code: "invalid_input" });
    const blocked = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(blocked).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/^Too many wrong passwords\. Try again in \d+ minutes\.$/) });
    expect(blocked.ok ? 0 : blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);

    // The counter is the sign-in form's: /login from this address is refused too.
    expect(await verifyCredentials({ email: user.email, password: TEST_PASSWORD, ip: "203.0.113.7", userAgent: "vitest" }, { sleep: async () => {} })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
  });

  it("refuses a guessable new password on the server, with the strength check's advice, and changes nothing", async () => {
    const { user } = await userWithBrowsers(1);
    const result = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "Password1234" });
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { newPassword: [expect.stringMatching(/^This password is too easy to guess\./)] } });
    expect(await verifyPassword((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
  });

  it("clears the count on the right password", async () => {
    const { user } = await userWithBrowsers(0);
    await failuresFromHere(user.email, LIMITS.signInFailures.limit - 2);
    expect(await changePassword({ currentPassword: "Wrong-guess-1", newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ ok: true });
    expect(await prisma.rateLimitHit.count({ where: { key: { contains: user.email } } })).toBe(0);
  });

  it("refuses a signed-out caller before checking anything", async () => {
    actAs(null);
    expect(await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("sessions", () => {
  it("lists only the user's own live sessions, with device, IP and times, this browser first and marked", async () => {
    const user = await createUser();
    const mac = await createSession(prisma, user.id, { ip: "192.0.2.10", userAgent: CHROME_MAC });
    const stale = await createSession(prisma, user.id, { ip: "192.0.2.11", userAgent: FIREFOX_LINUX });
    await prisma.session.update({ where: { id: stale }, data: { lastSeenAt: new Date(Date.now() - 8 * 24 * 60 * 60_000) } });
    const here = await signInAs(user);
    const stranger = await createUser();
    await createSession(prisma, stranger.id, { ip: "192.0.2.66", userAgent: CHROME_MAC });

    const sessions = await listAccountSessions(user.id, here);
    expect(sessions.map((s) => s.handle)).toEqual([sessionHandle(here), sessionHandle(mac)]);
    // The page is given handles, never the ids inside the cookies.
    expect(JSON.stringify(sessions)).not.toContain(here);
    expect(sessions[0]).toMatchObject({ current: true, device: "Unknown browser", ip: "203.0.113.7" });
    expect(sessions[1]).toMatchObject({ current: false, device: "Chrome on macOS", ip: "192.0.2.10", createdAt: expect.any(Date), lastSeenAt: expect.any(Date) });
  });

  it("revokes one other session of the user, which is then signed out, and audits it", async () => {
    const { user, here, elsewhere } = await userWithBrowsers(2);
    expect(await revokeSession({ handle: sessionHandle(elsewhere[0]) })).toEqual({ ok: true, data: null });
    expect(await resolveSession(elsewhere[0])).toBeNull();
    expect(await sessionIds(user.id)).toEqual([here, elsewhere[1]].sort());
    const [event] = await events(user.id, "account.session_revoked");
    expect(event).toMatchObject({ targetType: "session", targetLabel: "Firefox on Linux", before: { ip: "198.51.100.1" } });
    expect(event.targetId).toBe(sessionHandle(elsewhere[0]));
  });

  it("refuses to revoke another user's session id, which stays signed in, and records nothing", async () => {
    const victim = await createUser();
    const victimSession = await createSession(prisma, victim.id, { ip: "192.0.2.50", userAgent: CHROME_MAC });
    const { user } = await userWithBrowsers(1);

    expect(await revokeSession({ handle: sessionHandle(victimSession) })).toMatchObject({ ok: false, code: "not_found" });
    expect((await resolveSession(victimSession))?.user.id).toBe(victim.id);
    expect(await revokeOtherSessions({})).toMatchObject({ ok: true, data: { ended: 1 } });
    expect((await resolveSession(victimSession))?.user.id).toBe(victim.id);
    expect(await events(user.id, "account.session_revoked")).toHaveLength(0);
  });

  it("refuses an unknown id, a malformed one, this browser's own id, and a signed-out caller", async () => {
    const { user, here } = await userWithBrowsers(1);
    expect(await revokeSession({ handle: "no-such-session" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await revokeSession({ handle: "" })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await revokeSession({ handle: "x".repeat(65) })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await revokeSession({ handle: sessionHandle(here) })).toMatchObject({ ok: false, code: "invalid_input" });
    expect(await resolveSession(here)).not.toBeNull();
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2);
    actAs(null);
    expect(await revokeSession({ handle: sessionHandle(here) })).toMatchObject({ ok: false, code: "unauthenticated" });
    expect(await revokeOtherSessions({})).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("signs out everywhere else: every other session of the user ends, this one stays, and it is audited", async () => {
    const { user, here, elsewhere } = await userWithBrowsers(3);
    expect(await revokeOtherSessions({})).toEqual({ ok: true, data: { ended: 3 } });
    expect(await sessionIds(user.id)).toEqual([here]);
    for (const id of elsewhere) expect(await resolveSession(id)).toBeNull();
    const [event] = await events(user.id, "account.other_sessions_revoked");
    expect(event).toMatchObject({ after: { sessionsEnded: 3 } });
  });

  it("a revoked browser's next action is refused as signed out", async () => {
    const { elsewhere } = await userWithBrowsers(1);
    await revokeOtherSessions({});
    actAs(elsewhere[0]);
    expect(await updateProfile({ firstName: "Still", lastName: "Here" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});
