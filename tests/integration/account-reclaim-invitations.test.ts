// What the squatter keeps after the address owner takes the account (lib/auth/reclaim.ts,
// a password reset): the account's workspaces become the owner's, so the invitations the
// squatter sent from them must die with the takeover — otherwise an accomplice joins the
// owner's workspace as admin afterwards.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { sendInvitation } from "@/lib/invitations/actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { requestPasswordReset, resetPassword } from "@/lib/account/reset-actions";
import { actAs } from "../support/request";
import { createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, lastTokenTo, mailsTo, seedInvitation } from "../support/invitations";

isolateOutbox();

describe("taking over an unverified account", () => {
  it("revokes the pending invitations the squatter sent from the reclaimed account", async () => {
    const email = "leftover-victim@example.test";
    actAs(null, "198.51.100.230");
    expect(await signUp({ firstName: "Sam", lastName: "Squatter", email, password: "Squatter-Pass-9" })).toMatchObject({ ok: true });
    const squatter = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { workspace: true } } } });
    const squatted = squatter.memberships[0]!.workspace;

    // The squatter, unverified, invites an accomplice as admin of the workspace that will become the victim's.
    await signInAs(squatter);
    expect(await sendInvitation(squatted.slug, { email: "accomplice@evil.test", role: "admin" })).toMatchObject({ ok: true });
    const accompliceToken = await lastTokenTo("accomplice@evil.test");

    // The real owner of the address is invited elsewhere and reclaims the account.
    const team = await createWorkspace(["owner", "admin"]);
    const { token } = await seedInvitation(team.workspace.id, { email, role: "write", invitedById: team.members.admin.user.id });
    actAs(null, "198.51.100.231");
    expect(await joinWithNewAccount({ token, firstName: "Vic", lastName: "Tim", password: "Harbour-Quill-77" })).toMatchObject({ ok: true });

    // After the takeover, the accomplice's link still opens the victim's workspace as admin.
    actAs(null, "198.51.100.232");
    const joined = await joinWithNewAccount({ token: accompliceToken, firstName: "Acc", lastName: "Omplice", password: "Velvet-Anchor-58" });
    expect(joined).toMatchObject({ ok: false, code: "gone" });
  });

  it("by a password reset also revokes what the account invited while unverified, audited", async () => {
    const email = "reset-victim@example.test";
    actAs(null, "198.51.100.240");
    expect(await signUp({ firstName: "Sam", lastName: "Squatter", email, password: "Squatter-Pass-9" })).toMatchObject({ ok: true });
    const squatter = await prisma.user.findUniqueOrThrow({ where: { email }, include: { memberships: { include: { workspace: true } } } });
    await signInAs(squatter);
    expect(await sendInvitation(squatter.memberships[0]!.workspace.slug, { email: "accomplice2@evil.test", role: "admin" })).toMatchObject({ ok: true });
    const accompliceToken = await lastTokenTo("accomplice2@evil.test");

    actAs(null, "198.51.100.241");
    expect(await requestPasswordReset({ email })).toMatchObject({ ok: true });
    const reset = (await mailsTo(email)).map((m) => m.links?.reset).find(Boolean)!.split("/reset-password/")[1]!;
    expect(await resetPassword({ token: reset, password: "Harbour-Quill-79" })).toMatchObject({ ok: true });

    expect(await prisma.invitation.findFirstOrThrow({ where: { email: "accomplice2@evil.test" } })).toMatchObject({ status: "revoked" });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.revoked", targetLabel: "accomplice2@evil.test" } });
    expect(event).toMatchObject({ workspaceId: squatter.memberships[0]!.workspace.id, after: { reason: "inviter_account_reclaimed" } });
    actAs(null, "198.51.100.242");
    expect(await joinWithNewAccount({ token: accompliceToken, firstName: "Acc", lastName: "Omplice", password: "Velvet-Anchor-58" })).toMatchObject({ ok: false, code: "gone" });
  });
});
