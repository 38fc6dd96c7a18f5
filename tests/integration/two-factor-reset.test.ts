// `npm run two-factor -- reset <email>`: an operator turns 2FA off for a person who lost
// their app and every recovery code; the account is signed out everywhere and the change
// recorded by the system.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetTwoFactor } from "@/lib/auth/two-factor/reset";
import { verifyCredentials } from "@/lib/auth/sign-in";
import { TEST_PASSWORD, createUser, signInAs } from "../support/factories";
import { withSealingKey, userWithTotp } from "../support/two-factor";

withSealingKey();

describe("two-factor reset by an operator", () => {
  it("turns 2FA off, ends every session, records it, and lets the password alone sign in", async () => {
    const { user } = await userWithTotp({ email: "lost.phone@example.test" });
    await signInAs(user);
    const result = await resetTwoFactor(prisma, " Lost.Phone@Example.TEST ");
    expect(result).toEqual({ outcome: "reset", email: "lost.phone@example.test", sessionsEnded: 1 });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: "account.two_factor_disabled", targetId: user.id } });
    expect(event).toMatchObject({ actorType: "system", workspaceId: null });
    expect((await verifyCredentials({ email: user.email, password: TEST_PASSWORD, ip: "192.0.2.90", userAgent: "vitest" })).ok).toBe(true);
  });

  it("changes nothing for an account without 2FA or an unknown email", async () => {
    const plain = await createUser();
    expect(await resetTwoFactor(prisma, plain.email)).toEqual({ outcome: "not_on", email: plain.email });
    expect(await resetTwoFactor(prisma, "nobody@example.test")).toEqual({ outcome: "unknown_email", email: "nobody@example.test" });
    expect(await prisma.auditEvent.count({ where: { action: "account.two_factor_disabled", targetId: plain.id } })).toBe(0);
  });
});
