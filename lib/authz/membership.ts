import "server-only";
import { prisma, type Tx } from "@/lib/db";
import type { Membership, Workspace } from "@/lib/generated/prisma/client";

/** A membership with its workspace, as the request's lookup (lib/auth/who.ts) and the guard's re-read under the lock give it. */
export type MembershipWithWorkspace = Membership & { workspace: Workspace };

/**
 * Serialises every team-changing transaction of one workspace: the "exactly one owner",
 * "no self-edit", seat and duplicate-invitation invariants are then re-checked against
 * data no concurrent transaction can change underneath (docs/architecture.md#the-one-write-path).
 */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
}

const LAST_ACTIVE_EVERY_MS = 5 * 60_000;

/**
 * A write: stamps "last active" (shown on the members page) when a member opens a
 * workspace page, at most once every few minutes per member so that reading pages
 * does not turn into a write per request.
 */
export async function touchLastActive(membership: { id: string; lastActiveAt: Date | null }) {
  if (membership.lastActiveAt && Date.now() - membership.lastActiveAt.getTime() < LAST_ACTIVE_EVERY_MS) return;
  await prisma.membership.updateMany({ where: { id: membership.id }, data: { lastActiveAt: new Date() } });
}
