import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { requireSession, requireSessionIn } from "@/lib/auth/current";
import { readRequestContext } from "@/lib/auth/request-context";
import type { SessionUser } from "@/lib/auth/sessions";
import { recordAudit, userActor } from "@/lib/audit/record";
import { can, viewerCan, type Permission } from "./permissions";
import { touchLastActive } from "./membership";
import { meetsTwoFactorRequirement, twoFactorSetupPath } from "./two-factor-requirement";
import { viewerFor, viewerOf } from "./viewer";

// The page's counterpart of the guard: who is asking, and may they look. The layout and
// the page of one request both ask; `cache` is keyed by the slug alone, so they share one
// lookup (and one last-active stamp) whatever permission each then checks.
const currentViewer = cache(async (slug: string) => {
  const found = await requireSessionIn(slug);
  const viewer = viewerOf(found);
  if (!viewer) notFound();
  const session = { sessionId: found.sessionId, user: found.user };
  // A member without two-factor authentication in a workspace that requires it sees none of it until they set it up.
  if (viewer.kind === "member" && !meetsTwoFactorRequirement(session.user, viewer.workspace)) redirect(twoFactorSetupPath(slug));
  // Support staff are not members: there is no "last active" of theirs to stamp.
  if (viewer.kind === "member") await touchLastActive(viewer.membership);
  return { ...session, viewer, workspace: viewer.workspace };
});

/**
 * For workspace pages: the signed-in user and their membership in `slug`. Signed out →
 * /login (returning here); not a member → 404, the same answer as for a workspace that
 * does not exist, so nothing leaks. With `permission`, a member without it also gets 404.
 * Support staff who are not members get 404 here too: only the pages that call
 * `requireWorkspaceViewer` are open to them.
 */
export async function requireWorkspaceMember(slug: string, permission?: Permission) {
  const { viewer, ...current } = await currentViewer(slug);
  if (viewer.kind !== "member") notFound();
  if (permission && !can(viewer.role, permission)) notFound();
  return { ...current, membership: viewer.membership };
}

/** The workspace pages support staff may open, as their `support.viewed` events name them. */
export type SupportPage = "members" | "member" | "audit";

/**
 * For the pages support staff may open (the members list, a member's page, the audit
 * page): a member with `permission`, or support staff when `permission` is one of theirs
 * (SUPPORT_PERMISSIONS); anyone else gets 404. A support staff visit is recorded in the
 * workspace's audit log as `support.viewed`, naming `page`, so the workspace can see who
 * looked. The caller renders for `viewer` (`viewerCan`), never assuming a membership.
 */
export async function requireWorkspaceViewer(slug: string, permission: Permission, page: SupportPage) {
  const current = await currentViewer(slug);
  const viewer = viewerFor(current.viewer, current.user, permission);
  if (!viewerCan(viewer, permission)) notFound();
  if (viewer.kind === "support") await recordSupportView(current.user, current.workspace.id, page);
  return { ...current, viewer };
}

/**
 * For the workspace layout only: a member or support staff, with no permission checked
 * and nothing recorded. The layout frames every page of the workspace, so the page under
 * it decides who may see it (and records the visit).
 */
export async function requireWorkspaceFrame(slug: string) {
  return currentViewer(slug);
}

/** For /support: signed-in support staff; anyone else gets 404, like a page that does not exist. */
export async function requireSupportStaff() {
  const session = await requireSession();
  if (!session.user.supportStaff) notFound();
  return session;
}

// One set per request (React's `cache`): a page view records one event however many
// times the page and the components under it ask for the viewer.
const viewsRecorded = cache(() => new Set<string>());

async function recordSupportView(user: SessionUser, workspaceId: string, page: SupportPage) {
  const seen = viewsRecorded();
  const key = `${workspaceId}:${page}`;
  if (seen.has(key)) return;
  // Taken before the write, so a second call racing this one records nothing.
  seen.add(key);
  // The path the proxy saw (proxy.ts sets it on every request, over anything the client sent).
  const path = ((await headers()).get("x-roster-path") ?? "").slice(0, 500);
  const request = await readRequestContext();
  await recordAudit(prisma, {
    workspaceId,
    action: "support.viewed",
    actor: userActor(user),
    after: { page, path },
    ip: request.ip,
    userAgent: request.userAgent,
  });
}
