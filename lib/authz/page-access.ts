import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireSession } from "@/lib/auth/current";
import { can, type Permission } from "./permissions";
import { findMembershipBySlug, touchLastActive } from "./membership";

// The page's counterpart of the guard: who is asking, and are they a member. The layout
// and the page of one request both ask; `cache` is keyed by the slug alone, so they
// share one lookup (and one last-active stamp) whatever permission each then checks.
const currentMember = cache(async (slug: string) => {
  const session = await requireSession();
  const membership = await findMembershipBySlug(session.user.id, slug);
  if (!membership) notFound();
  await touchLastActive(membership);
  return { ...session, membership, workspace: membership.workspace };
});

/**
 * For workspace pages: the signed-in user and their membership in `slug`. Signed out →
 * /login (returning here); not a member → 404, the same answer as for a workspace that
 * does not exist, so nothing leaks. With `permission`, a member without it also gets 404.
 */
export async function requireWorkspaceMember(slug: string, permission?: Permission) {
  const current = await currentMember(slug);
  if (permission && !can(current.membership.role, permission)) notFound();
  return current;
}
