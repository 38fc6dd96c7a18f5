// A sign-in whose password check passed with the OLD password must not open a session
// once the password was replaced (reclaim, reset, change password) and every session
// ended. The check runs outside any transaction and the argon2 verify (tens of ms) is the
// window; the session's transaction therefore re-checks the hash (lib/auth/sign-in.ts).
// Here the window is held open by pausing verifyPassword, exactly where a real concurrent
// request would interleave.
import { describe, expect, it, vi } from "vitest";

const gate = vi.hoisted(() => ({ hold: null as null | { reached: () => void; release: Promise<void> } }));
vi.mock("@/lib/auth/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/passwords")>();
  return {
    ...real,
    async verifyPassword(hash: string, password: string) {
      const result = await real.verifyPassword(hash, password);
      const h = gate.hold;
      if (h) {
        gate.hold = null;
        h.reached();
        await h.release;
      }
      return result;
    },
  };
});

import { signUp } from "@/lib/account/actions";
import { resetPassword, requestPasswordReset } from "@/lib/account/reset-actions";
import { joinWithNewAccount } from "@/lib/invitations/join-actions";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { resolveSession } from "@/lib/auth/sessions";
import { actAs } from "../support/request";
import { TEST_PASSWORD, createUser, createWorkspace } from "../support/factories";
import { isolateOutbox, mailsTo, seedInvitation } from "../support/invitations";

isolateOutbox();

function pauseNextPasswordCheck() {
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((r) => (reached = r));
  const releaseP = new Promise<void>((r) => (release = r));
  gate.hold = { reached, release: releaseP };
  return { reached: reachedP, release };
}

describe("sign-in with the old password racing a password replacement", () => {
  it("a squatter signing in while the address owner reclaims the account keeps no session", async () => {
    const email = "race-victim@example.test";
    const SQUATTER = "Squatter-Pass-9";
    actAs(null, "198.51.100.210");
    expect(await signUp({ firstName: "Sam", lastName: "Squatter", email, password: SQUATTER })).toMatchObject({ ok: true });
    const team = await createWorkspace(["owner", "admin"]);
    const { token } = await seedInvitation(team.workspace.id, { email, role: "admin", invitedById: team.members.admin.user.id });

    // The squatter's sign-in passes the hash check with the squatter's password...
    const gateA = pauseNextPasswordCheck();
    const squatterSignIn = verifyCredentials({ email, password: SQUATTER, ip: "198.51.100.211", userAgent: "squatter" });
    await gateA.reached;
    // ...the owner reclaims the account meanwhile ("every session of the account ends")...
    actAs(null, "198.51.100.212");
    expect(await joinWithNewAccount({ token, firstName: "Vic", lastName: "Tim", password: "Harbour-Quill-77" })).toMatchObject({ ok: true });
    gateA.release();
    const result = await squatterSignIn;

    // ...and the squatter must not hold a live session on the reclaimed (now verified, admin) account.
    if (result.ok) expect(await resolveSession(result.sessionId)).toBeNull();
    expect(result.ok).toBe(false);
  });

  it("a sign-in with the old password racing a password reset keeps no session", async () => {
    const user = await createUser({ email: "race-reset@example.test" });
    actAs(null, "198.51.100.220");
    expect(await requestPasswordReset({ email: user.email })).toMatchObject({ ok: true });
    const token = (await mailsTo(user.email))[0]?.links?.reset?.split("/reset-password/")[1];

    const gateA = pauseNextPasswordCheck();
    const attacker = verifyCredentials({ email: user.email, password: TEST_PASSWORD, ip: "198.51.100.221", userAgent: "attacker" });
    await gateA.reached;
    expect(await resetPassword({ token: token!, password: "Harbour-Quill-78" })).toMatchObject({ ok: true });
    gateA.release();
    const result = await attacker;
    if (result.ok) expect(await resolveSession(result.sessionId)).toBeNull();
    expect(result.ok).toBe(false);
  });
});
