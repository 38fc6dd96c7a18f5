import "server-only";
import type { Db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { normalizeEmail } from "@/lib/auth/schemas";

// Granting and revoking support staff (User.supportStaff), for `npm run support-staff`
// (scripts/support-staff.ts). No page or action can do this: whoever runs the command
// already controls the instance. Each change is an instance event (no workspace) by the
// system, in the transaction of the change (docs/product.md#support-staff).

type StaffUser = { id: string; email: string; firstName: string; lastName: string };

export type SupportStaffChange =
  | { outcome: "granted" | "revoked"; user: StaffUser }
  /** Granted twice, or revoked from someone who does not have it: nothing changed, nothing recorded. */
  | { outcome: "already"; user: StaffUser }
  | { outcome: "unknown_email"; email: string }
  /**
   * Anyone can sign up with any address, so an account whose address was never verified
   * may not be its owner's: it gets no access to every workspace until it is verified.
   */
  | { outcome: "unverified"; user: StaffUser };

async function setSupportStaff(db: Db, email: string, supportStaff: boolean): Promise<SupportStaffChange> {
  const address = normalizeEmail(email);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { email: address }, select: { id: true, email: true, firstName: true, lastName: true, emailVerifiedAt: true } });
    if (!user) return { outcome: "unknown_email", email: address };
    const { emailVerifiedAt, ...staff } = user;
    if (supportStaff && !emailVerifiedAt) return { outcome: "unverified", user: staff };
    // Conditional, so two commands racing record one change: the second finds nothing to update.
    const { count } = await tx.user.updateMany({ where: { id: user.id, supportStaff: !supportStaff }, data: { supportStaff } });
    if (count === 0) return { outcome: "already", user: staff };
    await recordAudit(tx, {
      workspaceId: null,
      action: supportStaff ? "support.granted" : "support.revoked",
      actor: { type: "system" },
      target: { type: "user", id: user.id, label: user.email },
      before: { supportStaff: !supportStaff },
      after: { supportStaff },
    });
    return { outcome: supportStaff ? "granted" : "revoked", user: staff };
  });
}

/** Makes the account with this email support staff, from its next request on. */
export function grantSupportStaff(db: Db, email: string) {
  return setSupportStaff(db, email, true);
}

/** Takes support access away; the account's next request to a workspace it is not in gets 404. */
export function revokeSupportStaff(db: Db, email: string) {
  return setSupportStaff(db, email, false);
}

/** Everyone who is support staff now, by email. */
export function listSupportStaff(db: Db) {
  return db.user.findMany({
    where: { supportStaff: true },
    orderBy: { email: "asc" },
    select: { id: true, email: true, firstName: true, lastName: true, lastSignInAt: true },
  });
}
