import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SUPPORT_PAGE_SIZE, type SupportWorkspaceListParams } from "./schemas";
import { likeLiteral } from "@/lib/core/like";

// The support page's read: every workspace of the instance, not one workspace's data, so
// it is scoped by nothing but the search. Callers check support staff first
// (requireSupportStaff in lib/authz/page-access.ts).

function searchWhere(q: string): Prisma.WorkspaceWhereInput {
  if (!q) return {};
  const text = likeLiteral(q);
  return { OR: [{ name: { contains: text, mode: "insensitive" } }, { slug: { contains: text.toLowerCase() } }] };
}

/**
 * One page of workspaces by slug (unique and lower-case, so a one-column keyset on its
 * index, in the order of the names), `after` or `before` the cursor's slug. Keyset rather
 * than offset: page 200 costs what page 1 does, and a workspace created meanwhile never
 * shifts a row onto two pages.
 */
export async function listWorkspacesForSupport(params: SupportWorkspaceListParams) {
  const search = searchWhere(params.q);
  const backwards = !params.after && params.before !== undefined;
  const cursor = params.after ? { slug: { gt: params.after } } : backwards ? { slug: { lt: params.before } } : {};
  const [total, found] = await Promise.all([
    prisma.workspace.count({ where: search }),
    prisma.workspace.findMany({
      where: { AND: [search, cursor] },
      orderBy: { slug: backwards ? "desc" : "asc" },
      // One more than a page: whether there is a next page (or, backwards, a previous one).
      take: SUPPORT_PAGE_SIZE + 1,
      select: { id: true, name: true, slug: true, createdAt: true, _count: { select: { memberships: true } } },
    }),
  ]);
  const more = found.length > SUPPORT_PAGE_SIZE;
  const page = found.slice(0, SUPPORT_PAGE_SIZE);
  if (backwards) page.reverse();
  const first = page[0]?.slug;
  const last = page.at(-1)?.slug;
  // The side the page came from: is anything there? One indexed look each way at most.
  const exists = (slug: Prisma.StringFilter) => prisma.workspace.findFirst({ where: { AND: [search, { slug }] }, select: { id: true } }).then(Boolean);
  const hasPrevious = backwards ? more : first !== undefined && params.after !== undefined && (await exists({ lt: first }));
  const hasNext = backwards ? last !== undefined && (await exists({ gt: last })) : more;
  return {
    total,
    rows: page.map((w) => ({ id: w.id, name: w.name, slug: w.slug, members: w._count.memberships, createdAt: w.createdAt.toISOString() })),
    previousCursor: hasPrevious ? first : undefined,
    nextCursor: hasNext ? last : undefined,
  };
}

export type SupportWorkspaceRow = Awaited<ReturnType<typeof listWorkspacesForSupport>>["rows"][number];
