// Sessions end after SESSION_IDLE_DAYS without a request or SESSION_MAX_DAYS after sign-in
// (lib/auth/sessions.ts resolveSession), checked against the row on every request.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createSession, resolveSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { setSessionLifetimeForTests } from "@/lib/auth/session-lifetime";
import { updateProfile } from "@/lib/account/actions";
import { actAs } from "../support/request";
import { createUser } from "../support/factories";

const DAY = 24 * 60 * 60_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function sessionWith(times: { createdAt?: Date; lastSeenAt?: Date }) {
  const user = await createUser();
  const id = await createSession(prisma, user.id, { ip: null, userAgent: null });
  await prisma.session.update({ where: { id }, data: times });
  return { user, id };
}

afterEach(() => {
  setSessionLifetimeForTests(undefined);
  actAs(null);
});

describe("idle and absolute expiry (defaults: 7 days idle, 30 in all)", () => {
  it("keeps a session used 6 days ago, and ends one idle for more than 7 days on the very next request, removing its row", async () => {
    const used = await sessionWith({ createdAt: ago(20), lastSeenAt: ago(6) });
    expect((await resolveSession(used.id))?.user.id).toBe(used.user.id);
    const { id } = await sessionWith({ createdAt: ago(10), lastSeenAt: ago(7.01) });
    expect(await resolveSession(id)).toBeNull();
    expect(await prisma.session.count({ where: { id } })).toBe(0);
  });

  it("ends a session 30 days after sign-in although it was used a minute ago", async () => {
    const { id } = await sessionWith({ createdAt: ago(30.01), lastSeenAt: new Date(Date.now() - 60_000) });
    expect(await resolveSession(id)).toBeNull();
  });

  it("drops the user's ended rows at their next sign-in (a browser that never comes back leaves no row for ever), and keeps live ones", async () => {
    const { user, id: idle } = await sessionWith({ createdAt: ago(10), lastSeenAt: ago(8) });
    const old = await createSession(prisma, user.id, { ip: null, userAgent: null });
    await prisma.session.update({ where: { id: old }, data: { createdAt: ago(31), lastSeenAt: ago(1) } });
    const live = await createSession(prisma, user.id, { ip: null, userAgent: null });
    const stranger = await sessionWith({ createdAt: ago(10), lastSeenAt: ago(8) });
    const fresh = await createSession(prisma, user.id, { ip: null, userAgent: null });
    const left = (await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id).sort();
    expect(left).toEqual([live, fresh].sort());
    expect(left).not.toContain(idle);
    // Another user's rows wait for that user's own next sign-in.
    expect(await prisma.session.count({ where: { id: stranger.id } })).toBe(1);
  });

  it("refuses a guarded action from an idle session", async () => {
    const { id } = await sessionWith({ lastSeenAt: ago(8) });
    actAs(id);
    expect(await updateProfile({ firstName: "Idle", lastName: "User" })).toMatchObject({ ok: false, code: "unauthenticated" });
  });

  it("follows the configured limits", async () => {
    setSessionLifetimeForTests({ idleDays: 1, maxDays: 2 });
    const idle = await sessionWith({ lastSeenAt: ago(1.01) });
    const old = await sessionWith({ createdAt: ago(2.01), lastSeenAt: new Date() });
    const fresh = await sessionWith({ createdAt: ago(1.5), lastSeenAt: ago(0.5) });
    expect(await resolveSession(idle.id)).toBeNull();
    expect(await resolveSession(old.id)).toBeNull();
    expect(await resolveSession(fresh.id)).not.toBeNull();
  });

  it("gives a new row the maximum lifetime, and the token at least as long", async () => {
    setSessionLifetimeForTests({ idleDays: 3, maxDays: 12 });
    const { id } = await sessionWith({});
    const row = await prisma.session.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(12 * DAY - 5_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThan(12 * DAY + 5_000);
    expect(SESSION_MAX_AGE_SECONDS).toBe(30 * 24 * 60 * 60);
  });
});
