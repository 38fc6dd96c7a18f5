import "server-only";
import { prisma, type Db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fullName } from "@/lib/format";
import type { TwoFactorBlocker } from "./schemas";
import { hasTwoFactor } from "@/lib/auth/two-factor/store";

/** Every workspace the user belongs to, with their role in each (the switcher). */
export function listUserWorkspaces(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
}

/**
 * The workspace's members whose account has no two-factor authentication (`totpEnabledAt`
 * not set): the first `limit` by name, and how many there are in all. Only the fields the
 * settings page shows, never whole user rows (they hold the sealed TOTP secret).
 */
export async function listMembersWithoutTwoFactor(workspaceId: string, limit = 50) {
  const where: Prisma.MembershipWhereInput = { workspaceId, user: { totpEnabledAt: null } };
  const [total, rows] = await Promise.all([
    prisma.membership.count({ where }),
    prisma.membership.findMany({
      where,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      take: limit,
      select: { id: true, role: true, user: { select: { firstName: true, lastName: true, email: true } } },
    }),
  ]);
  return { total, members: rows.map((m) => ({ id: m.id, name: fullName(m.user), email: m.user.email, role: m.role })) };
}

/**
 * Why `userId` may not switch the workspace's 2FA requirement on, or null if they may: they
 * must have 2FA on themselves, and so must the owner (who could not open the workspace
 * otherwise). The action passes its transaction, so this is read under the workspace lock.
 */
export async function findTwoFactorBlocker(workspaceId: string, userId: string, db: Db | Tx = prisma): Promise<TwoFactorBlocker | null> {
  if (!(await hasTwoFactor(db, userId))) return { who: "you" };
  const owner = await db.membership.findFirst({
    where: { workspaceId, role: "owner" },
    select: { user: { select: { firstName: true, lastName: true, totpEnabledAt: true } } },
  });
  if (owner && !owner.user.totpEnabledAt) return { who: "owner", ownerName: fullName(owner.user).trim() };
  return null;
}
