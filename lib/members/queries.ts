import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { can, mayActOnMember, type Role } from "@/lib/authz/permissions";
import { isRecordId } from "@/lib/resources/schemas";
import { parseSort, type MemberListParams } from "./schemas";
import { likeLiteral } from "@/lib/core/like";

const MEMBER_FIELDS = { id: true, role: true, createdAt: true, lastActiveAt: true, userId: true } as const;

/** `role: null`: support staff, who read the team without being in it (lib/authz/viewer.ts). */
type Viewer = { workspaceId: string; userId: string; role: Role | null };

/**
 * Each word of the search must appear in the name or the email. `searchName` and
 * `searchEmail` are lower-cased copies kept by database triggers, so this and the sort
 * below run on one workspace's index of Membership without joining User.
 */
function searchWhere(q: string): Prisma.MembershipWhereInput[] {
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map(likeLiteral)
    .map((term) => ({ OR: [{ searchName: { contains: term } }, { searchEmail: { contains: term } }] }));
}

function orderBy(sort: string): Prisma.MembershipOrderByWithRelationInput[] {
  const { field, desc } = parseSort(sort);
  const dir = desc ? "desc" : "asc";
  const byField: Record<typeof field, Prisma.MembershipOrderByWithRelationInput[]> = {
    name: [{ searchName: dir }],
    email: [{ searchEmail: dir }],
    role: [{ role: dir }, { searchName: "asc" }],
    joined: [{ createdAt: dir }],
    active: [{ lastActiveAt: { sort: dir, nulls: "last" } }],
  };
  // The id makes the order total, so pages never overlap or skip a member; it follows
  // the direction so the whole order can be read from one index, forwards or backwards.
  return [...byField[field], { id: field === "role" ? "asc" : dir }];
}

/**
 * Whether the viewer sees who has two-factor authentication on (the 2FA column and its
 * filter): those who manage the team, so owners and admins can chase the rest. Support
 * staff (role null) and other roles do not; for them the row carries nothing about 2FA.
 */
export function seesTwoFactor(viewer: Pick<Viewer, "role">): boolean {
  return can(viewer.role, "members:manage");
}

/**
 * A search (or the 2FA filter) counts its matches only this far, or as far as the page
 * being read if that is further: past it the page says "more than". A single common
 * letter matches nearly everyone, and counting all of them cost more than the rest of the
 * page (docs/decisions/014-member-counts-and-trigram-search.md).
 */
export const MATCH_COUNT_CAP = 1000;

type Total = { total: number; capped: boolean };

/**
 * How many members the view holds. Unfiltered or by role, from the counts the database
 * keeps per workspace and role (MemberCount, maintained by triggers on Membership), so
 * 10,000 members are never counted row by row. A search is counted with a cap: the trigram
 * indexes make a selective search cheap to count in full, and a common one stops at the cap.
 */
async function countMembers(viewer: Viewer, params: MemberListParams, where: Prisma.MembershipWhereInput, filtered: boolean): Promise<Total> {
  if (!filtered) {
    const kept = await prisma.memberCount.findMany({
      where: { workspaceId: viewer.workspaceId, ...(params.role ? { role: params.role } : {}) },
      select: { members: true },
    });
    return { total: kept.reduce((sum, c) => sum + c.members, 0), capped: false };
  }
  const cap = Math.max(MATCH_COUNT_CAP, params.page * params.size);
  const counted = await prisma.membership.count({ where, take: cap + 1 });
  return counted > cap ? { total: cap, capped: true } : { total: counted, capped: false };
}

const ROW_FIELDS = { ...MEMBER_FIELDS, user: { select: { firstName: true, lastName: true, email: true, totpEnabledAt: true } } } as const;

/**
 * From this many rows skipped, a page is read by a deferred join: its ids from an
 * index-only walk of Membership (cheap even at page 200, where reading whole rows would
 * fetch all 4,975 skipped ones too), then only those rows. Nearer the top, where skipping
 * costs little, the rows are read at once: one statement fewer on the common views.
 */
const DEFERRED_JOIN_FROM = 500;

/** The page's memberships, with their users, in the list's order. */
async function pageOfMembers(where: Prisma.MembershipWhereInput, params: MemberListParams) {
  const skip = (params.page - 1) * params.size;
  const order = orderBy(params.sort);
  if (skip < DEFERRED_JOIN_FROM) return prisma.membership.findMany({ where, orderBy: order, skip, take: params.size, select: ROW_FIELDS });
  const page = await prisma.membership.findMany({ where, orderBy: order, skip, take: params.size, select: { id: true } });
  const ids = page.map((m) => m.id);
  const found = await prisma.membership.findMany({ where: { id: { in: ids } }, select: ROW_FIELDS });
  const byId = new Map(found.map((m) => [m.id, m]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the members list, scoped to the viewer's (already checked) workspace.
 * `total` is exact unless `capped`, when there are more than `total` matches.
 */
export async function listMembers(viewer: Viewer, params: MemberListParams) {
  const twoFactor = seesTwoFactor(viewer);
  const twoFactorOff = twoFactor && params.twofa === "off";
  const search = searchWhere(params.q);
  const where: Prisma.MembershipWhereInput = {
    workspaceId: viewer.workspaceId,
    ...(params.role ? { role: params.role } : {}),
    // Ignored for anyone who may not see the column: the filter would tell them who lacks 2FA.
    // It joins User, so this one view leaves the index-only walk below; it is for managers only.
    ...(twoFactorOff ? { user: { totpEnabledAt: null } } : {}),
    AND: search,
  };
  const [{ total, capped }, rows] = await Promise.all([
    countMembers(viewer, params, where, search.length > 0 || twoFactorOff),
    pageOfMembers(where, params),
  ]);
  const manager = can(viewer.role, "members:manage");
  const actor = viewer.role ? { role: viewer.role, userId: viewer.userId } : null;
  return {
    total,
    capped,
    rows: rows.map((m) => ({
      id: m.id,
      firstName: m.user.firstName,
      lastName: m.user.lastName,
      email: m.user.email,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
      lastActiveAt: m.lastActiveAt?.toISOString() ?? null,
      isYou: m.userId === viewer.userId,
      canManage: manager && actor !== null && mayActOnMember(actor, { role: m.role, userId: m.userId }),
      // Only on or off, and only for those who may see it: the key is absent otherwise, so
      // nothing about another member's 2FA reaches their browser.
      ...(twoFactor ? { twoFactorOn: m.user.totpEnabledAt !== null } : {}),
    })),
  };
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>["rows"][number];

/** One member of the viewer's workspace, or null (a member id from another workspace is null too). */
export async function getMember(viewer: Viewer, memberId: string) {
  if (!isRecordId(memberId)) return null;
  return prisma.membership.findFirst({
    where: { id: memberId, workspaceId: viewer.workspaceId },
    select: { ...MEMBER_FIELDS, user: { select: { firstName: true, lastName: true, email: true, lastSignInAt: true, lastSignInIp: true, createdAt: true } } },
  });
}

/** Members the owner can hand the workspace to: everyone but the owner. */
export function listTransferCandidates(viewer: Viewer) {
  return prisma.membership.findMany({
    where: { workspaceId: viewer.workspaceId, role: { not: "owner" } },
    orderBy: [{ searchName: "asc" }, { id: "asc" }],
    select: { id: true, role: true, user: { select: { firstName: true, lastName: true, email: true } } },
    take: 1000,
  });
}
