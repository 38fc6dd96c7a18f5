import "server-only";
import type { Db } from "@/lib/db";
import { recordAudit, type Audit } from "@/lib/audit/record";
import { revokeKeysOfAccount } from "@/lib/auth/api-key-revocation";
import { normalizeEmail } from "@/lib/auth/schemas";
import { endAllSessions } from "../sessions";
import { clearTwoFactor } from "./store";

// For `npm run two-factor -- reset <email>` (scripts/two-factor.ts): a person who lost both
// their authenticator and their recovery codes. No page can do this; whoever runs the
// command controls the instance, and must first make sure who is asking (it is exactly
// what an attacker with the password would ask for). Recorded as an instance event by
// the system, in the transaction of the change.

export type TwoFactorReset = { outcome: "reset" | "not_on"; email: string; sessionsEnded?: number } | { outcome: "unknown_email"; email: string };

/** Turns 2FA off for the account with this email and signs it out everywhere, so the next sign-in is with the password only. */
export async function resetTwoFactor(db: Db, email: string): Promise<TwoFactorReset> {
  const address = normalizeEmail(email);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: address }, select: { id: true, email: true, totpEnabledAt: true, totpPendingSecret: true } });
    if (!user) return { outcome: "unknown_email", email: address };
    if (!user.totpEnabledAt && !user.totpPendingSecret) return { outcome: "not_on", email: user.email };
    await clearTwoFactor(tx, user.id);
    const sessionsEnded = await endAllSessions(tx, user.id);
    // Keys made by whoever else held the account would outlive the reset otherwise.
    const system: Audit = (event) => recordAudit(tx, { workspaceId: null, ...event, actor: { type: "system" } });
    const apiKeysRevoked = await revokeKeysOfAccount(tx, { userId: user.id, owner: user.email, reason: "two_factor_reset" }, system);
    await recordAudit(tx, {
      workspaceId: null,
      action: "account.two_factor_disabled",
      actor: { type: "system" },
      target: { type: "user", id: user.id, label: user.email },
      after: { by: "operator", sessionsEnded, ...(apiKeysRevoked ? { apiKeysRevoked } : {}) },
    });
    return { outcome: "reset", email: user.email, sessionsEnded };
  });
}
