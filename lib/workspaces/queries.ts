import { cache } from "react";
import { notFound } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireSession } from "@/lib/auth/current";
import { can, type Permission } from "@/lib/authz/permissions";
import { findMembershipBySlug, touchMembership } from "./membership";

/** Every workspace the user belongs to, with their role in each (the switcher). */
export function listUserWorkspaces(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
}

/**
 * For workspace pages: the signed-in user and their membership in `slug`. Signed out →
 * /login (returning here); not a member → 404, the same answer as for a workspace that
 * does not exist, so nothing leaks. With `permission`, a member without it also gets 404.
 */
export const requireWorkspaceMember = cache(async (slug: string, permission?: Permission) => {
  const session = await requireSession();
  const membership = await findMembershipBySlug(session.user.id, slug);
  if (!membership) notFound();
  if (permission && !can(membership.role, permission)) notFound();
  await touchMembership(membership);
  return { ...session, membership, workspace: membership.workspace };
});
