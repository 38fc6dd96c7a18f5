// Security review: what the squatter keeps after the address owner reclaims the account
// (lib/auth/reclaim.ts). The account's workspaces "become the link holder's", but the
// invitations the squatter sent from them stay live: the squatter's accomplice joins the
// workspace now owned by the victim, as admin, after the takeover.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { signUp } from "@/lib/account/actions";
import { sendInvitation } from "@/lib/invitations/actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { actAs } from "../support/request";
import { createWorkspace, signInAs } from "../support/factories";
import { isolateOutbox, lastTokenTo, seedInvitation } from "../support/invitations";

isolateOutbox();

describe("review: reclaim leaves the squatter's invitations live", () => {
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
});
