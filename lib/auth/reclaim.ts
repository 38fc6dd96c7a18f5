import "server-only";
import type { Tx } from "@/lib/db";
import { userActor, type Audit } from "@/lib/audit/record";
import { dropAccountLinks } from "./account-links";
import { hashPassword } from "./passwords";
import { endAllSessions } from "./sessions";
import { clearTwoFactor } from "./two-factor/store";
import { revokeKeysOfAccount } from "@/lib/auth/api-key-revocation";

type Unverified = { id: string; email: string; firstName: string; lastName: string; emailVerifiedAt: Date | null };

/**
 * The holder of a valid invitation link to an address whose account was never verified
 * takes that account over (docs/decisions/010-reclaim-unverified-account-by-invitation.md):
 * anyone can sign up with any address, and only the owner of the inbox holds the link.
 * Password and names are replaced, every session of the account ends (the squatter's
 * included), its unused account links and any two-factor setup die, and the address becomes verified. The
 * account keeps its memberships — the workspaces it owns become the link holder's —
 * and the audit event lists them so the new holder can review what came with it.
 */
export async function reclaimUnverifiedAccount(
  tx: Tx,
  account: Unverified,
  input: { firstName: string; lastName: string; password: string },
  audit: Audit,
  via: { invitationId: string },
) {
  if (account.emailVerifiedAt) throw new Error("Only an unverified account can be reclaimed.");
  const memberships = await tx.membership.findMany({ where: { userId: account.id }, select: { role: true, workspace: { select: { slug: true } } } });
  // The password first, then the sessions: a sign-in that checked the old password waits
  // on this row and is refused (lib/auth/sign-in.ts), and none created before survives.
  const user = await tx.user.update({
    where: { id: account.id },
    data: { firstName: input.firstName, lastName: input.lastName, passwordHash: await hashPassword(input.password), emailVerifiedAt: new Date() },
  });
  const sessionsEnded = await endAllSessions(tx, account.id);
  await dropAccountLinks(tx, account.id);
  // Whoever signed the address up may have set up two-factor with their own app: it goes with them.
  await clearTwoFactor(tx, account.id);
  // And so do their API keys: a key is not a session, and would still act as this account.
  const keysRevoked = await revokeKeysOfAccount(tx, { userId: account.id, owner: user.email, reason: "account_reclaimed" }, audit);
  await audit({
    action: "auth.account_reclaimed",
    actor: userActor(user),
    target: { type: "user", id: user.id, label: user.email },
    before: { firstName: account.firstName, lastName: account.lastName, emailVerified: false },
    after: {
      firstName: user.firstName,
      lastName: user.lastName,
      emailVerified: true,
      sessionsEnded,
      ...(keysRevoked ? { apiKeysRevoked: keysRevoked } : {}),
      invitationId: via.invitationId,
      workspaces: memberships.map((m) => ({ slug: m.workspace.slug, role: m.role })),
    },
  });
  return user;
}
