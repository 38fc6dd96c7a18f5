// The one statement behind every request (lib/auth/who.ts) must read exactly what Prisma's
// own reads give: a column added to Workspace or Membership later, or a date read as text,
// fails here rather than somewhere in a page.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { lookupWho } from "@/lib/auth/who";
import { resolveSessionIn } from "@/lib/auth/sessions";
import { createSession } from "@/lib/auth/sessions";
import { createUser, createWorkspace } from "../support/factories";

describe("who is asking, in one statement", () => {
  it("reads the session, the user, the workspace and the membership as Prisma does", async () => {
    const team = await createWorkspace(["owner", "write"]);
    const user = team.members.write.user;
    await prisma.membership.update({ where: { id: team.members.write.membershipId }, data: { lastActiveAt: new Date("2026-11-30T10:11:12.345Z") } });
    await prisma.user.update({ where: { id: user.id }, data: { totpEnabledAt: new Date("2026-12-01T00:00:00.001Z"), emailVerifiedAt: new Date("2026-10-01T08:00:00Z") } });
    const sessionId = await createSession(prisma, user.id, { ip: "192.0.2.1", userAgent: "vitest" });

    const who = await lookupWho(sessionId, team.workspace.slug);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { id: true, createdAt: true, expiresAt: true, lastSeenAt: true } });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const membership = await prisma.membership.findUniqueOrThrow({ where: { id: team.members.write.membershipId }, include: { workspace: true } });

    expect(who?.session).toEqual(session);
    expect(who?.user).toEqual({
      id: row.id,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      emailVerifiedAt: row.emailVerifiedAt,
      lastSignInAt: row.lastSignInAt,
      createdAt: row.createdAt,
      totpEnabledAt: row.totpEnabledAt,
      supportStaff: false,
    });
    expect(who?.membership).toEqual(membership);
    expect(who?.workspace).toEqual(membership.workspace);
    expect(who?.membership?.lastActiveAt?.toISOString()).toBe("2026-11-30T10:11:12.345Z");
  });

  it("finds the workspace without a membership (support staff read it), none for an unknown slug, nothing for an unknown session", async () => {
    const team = await createWorkspace(["owner"]);
    const outsider = await createUser();
    const sessionId = await createSession(prisma, outsider.id, { ip: null, userAgent: null });
    const elsewhere = await lookupWho(sessionId, team.workspace.slug);
    expect(elsewhere?.membership).toBeNull();
    expect(elsewhere?.workspace?.id).toBe(team.workspace.id);
    expect((await lookupWho(sessionId, "no-such-workspace"))?.workspace).toBeNull();
    expect((await lookupWho(sessionId, null))?.user.id).toBe(outsider.id);
    expect(await lookupWho("no-such-session", team.workspace.slug)).toBeNull();
    // A slug is data, never SQL.
    expect((await lookupWho(sessionId, `x' OR '1'='1`))?.workspace).toBeNull();
  });

  it("ends an ended session on the request that finds it, as before", async () => {
    const user = await createUser();
    const sessionId = await createSession(prisma, user.id, { ip: null, userAgent: null });
    await prisma.session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await resolveSessionIn(sessionId, null)).toBeNull();
    expect(await prisma.session.count({ where: { id: sessionId } })).toBe(0);
  });
});
