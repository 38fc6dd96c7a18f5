// Taking an account back ends its API keys, in every workspace: a key acts as its account
// like a session does, and would otherwise outlive every step of the recovery (found by
// the security review of the Team API; lib/auth/api-key-revocation.ts).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { createApiKey } from "@/lib/api-keys/actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { requestPasswordReset, resetPassword } from "@/lib/account/reset-actions";
import { resetTwoFactor } from "@/lib/auth/two-factor/reset";
import { actAs } from "../support/request";
import { createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, mailsTo, seedInvitation } from "../support/invitations";
import { makeApiKey } from "../support/api-keys";
import { api } from "../support/api";

isolateOutbox();

/** Someone signs up with another person's address (never verified) and makes a key that never expires in the workspace sign-up gave them. */
async function squatterWithKey(email: string) {
  actAs(null, "198.51.100.10");
  expect(await signUp({ firstName: "Sam", lastName: "Squatter", email, password: "Squatter-Pass-9" })).toMatchObject({ ok: true });
  const squatter = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { workspace: true } } } });
  const squatted = squatter.memberships[0]!.workspace;
  await signInAs(squatter);
  const created = await createApiKey(squatted.slug, { name: "backdoor", expiresIn: "never" });
  if (!created.ok) throw new Error(created.message);
  actAs(null, "198.51.100.11");
  expect((await api("GET", "/members", { key: created.data.secret })).status).toBe(200);
  return { squatter, squatted, secret: created.data.secret };
}

async function revocations(workspaceId: string, reason: string) {
  const events = await prisma.auditEvent.findMany({ where: { workspaceId, action: "api_key.revoked" } });
  return events.filter((e) => (e.after as { reason?: string } | null)?.reason === reason).length;
}

describe("an account taken back loses its API keys", () => {
  it("by an invitation link to the unverified address: the squatter's key answers 401 and creates nothing", async () => {
    const email = "key-victim-a@example.test";
    const { squatted, secret } = await squatterWithKey(email);
    const team = await createWorkspace(["owner", "admin"]);
    const { token } = await seedInvitation(team.workspace.id, { email, role: "write", invitedById: team.members.admin.user.id });
    actAs(null, "198.51.100.12");
    expect(await joinWithNewAccount({ token, firstName: "Vic", lastName: "Tim", password: "Harbour-Quill-77" })).toMatchObject({ ok: true });

    actAs(null, "198.51.100.13");
    expect((await api("GET", "/members", { key: secret })).status).toBe(401);
    expect((await api("POST", "/invitations", { key: secret, body: { email: "accomplice@evil.test", role: "admin" } })).status).toBe(401);
    expect(await prisma.invitation.count({ where: { workspaceId: squatted.id, email: "accomplice@evil.test" } })).toBe(0);
    expect(await revocations(squatted.id, "account_reclaimed")).toBe(1);
  });

  it("by a password reset of the unverified address", async () => {
    const email = "key-victim-b@example.test";
    const { squatted, secret } = await squatterWithKey(email);
    actAs(null, "198.51.100.14");
    expect(await requestPasswordReset({ email })).toMatchObject({ ok: true });
    const link = (await mailsTo(email)).map((m) => m.links?.reset).find(Boolean)!;
    expect(await resetPassword({ token: link.split("/reset-password/")[1]!, password: "Harbour-Quill-79" })).toMatchObject({ ok: true });
    expect((await api("GET", "/audit-events", { key: secret })).status).toBe(401);
    expect(await revocations(squatted.id, "password_reset")).toBe(1);
  });

  it("by a password reset of a verified account, in every workspace, and by the operator's two-factor reset", async () => {
    const a = await createWorkspace(["owner", "admin"]);
    const b = await createWorkspace(["owner"]);
    const person = a.members.admin.user;
    await prisma.membership.create({ data: { workspaceId: b.workspace.id, userId: person.id, role: "admin" } });
    const inA = await makeApiKey(a.workspace.id, person.id);
    const inB = await makeApiKey(b.workspace.id, person.id);
    const colleagues = await makeApiKey(a.workspace.id, a.members.owner.user.id);

    actAs(null, "198.51.100.15");
    expect(await requestPasswordReset({ email: person.email })).toMatchObject({ ok: true });
    const link = (await mailsTo(person.email)).map((m) => m.links?.reset).find(Boolean)!;
    expect(await resetPassword({ token: link.split("/reset-password/")[1]!, password: "Harbour-Quill-81" })).toMatchObject({ ok: true });
    expect((await api("GET", "/members", { key: inA.secret })).status).toBe(401);
    expect((await api("GET", "/members", { key: inB.secret })).status).toBe(401);
    expect((await api("GET", "/members", { key: colleagues.secret })).status).toBe(200);
    expect([await revocations(a.workspace.id, "password_reset"), await revocations(b.workspace.id, "password_reset")]).toEqual([1, 1]);

    const later = await makeApiKey(b.workspace.id, person.id);
    await prisma.user.update({ where: { id: person.id }, data: { totpEnabledAt: new Date() } });
    expect(await resetTwoFactor(prisma, person.email)).toMatchObject({ outcome: "reset" });
    expect((await api("GET", "/members", { key: later.secret })).status).toBe(401);
    expect(await revocations(b.workspace.id, "two_factor_reset")).toBe(1);
  });
});
