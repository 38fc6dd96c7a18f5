import "server-only";

/**
 * "Created by", as lists and pages show it: the name as it was when the resource was made
 * (a snapshot, so it survives the person leaving), and whether they are still a member
 * here — if not, the page adds a "[Removed user]" marker. Nothing is deleted or orphaned.
 */
export const creatorSelect = (workspaceId: string) =>
  ({
    createdByName: true,
    createdBy: { select: { memberships: { where: { workspaceId }, select: { id: true }, take: 1 } } },
  }) as const;

export type Creator = { name: string; removed: boolean };

export function creatorOf(row: { createdByName: string; createdBy: { memberships: { id: string }[] } | null }): Creator {
  return { name: row.createdByName, removed: !row.createdBy || row.createdBy.memberships.length === 0 };
}
