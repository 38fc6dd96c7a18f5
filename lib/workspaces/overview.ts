import "server-only";
import { prisma } from "@/lib/db";

/** The numbers on a workspace's overview page, scoped by the caller's checked membership. */
export async function workspaceOverview(membership: { workspaceId: string }) {
  const members = await prisma.membership.count({ where: { workspaceId: membership.workspaceId } });
  return { members };
}
