import "server-only";
import { prisma } from "@/lib/db";
import type { AuditEvent, Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_PAGE_SIZE, encodeCursor, type AuditCursor as Cursor, type AuditFilters } from "./filters";
import { likeLiteral } from "@/lib/core/like";

const PEOPLE_MATCHES = 200;

/** What an actor search matched. */
export type ActorMatch = {
  /** Users: members whose name or email contains the text, and the account with that exact email. */
  ids: string[];
  /** The text, lower-cased, compared with the email each event recorded (exact, never a pattern). */
  email: string;
  /** Whether the text names "System", as the page shows events Roster made itself. */
  system: boolean;
};

/** Current members whose name or email contains the text, and the account with exactly that email (someone who has left). */
async function peopleMatching(workspaceId: string, term: string): Promise<string[]> {
  const pattern = likeLiteral(term);
  const [members, exact] = await Promise.all([
    prisma.membership.findMany({
      where: { workspaceId, OR: [{ searchName: { contains: pattern } }, { searchEmail: { contains: pattern } }] },
      select: { userId: true },
      // In a fixed order, so the page and its export, which each resolve the search, cut the same 200.
      orderBy: { userId: "asc" },
      take: PEOPLE_MATCHES,
    }),
    prisma.user.findUnique({ where: { email: term }, select: { id: true } }),
  ]);
  return [...new Set([...members.map((m) => m.userId), ...(exact ? [exact.id] : [])])];
}

/**
 * The actor search: a name or email, matched against the workspace's members (their
 * trigger-kept lower-case copies, on the workspace's index) and, for people who have left,
 * an exact email among all accounts. Gives user ids for `actorId IN (…)`, which the
 * (workspaceId, actorId, createdAt, id) index serves; the text itself for the email events
 * recorded: an anonymous actor's typed email, and the snapshot of someone whose account or
 * address has changed since, found by equality on the (workspaceId, actorEmail, createdAt, id)
 * index (a `%…%` over a million snapshots would read them all); and whether it names "System".
 */
export async function resolveActorSearch(workspaceId: string, actor: string): Promise<ActorMatch> {
  const term = actor.toLowerCase();
  return { ids: await peopleMatching(workspaceId, term), email: term, system: term.length >= 3 && "system".startsWith(term) };
}

/** What the two text searches matched, resolved once per request and used by both readers (here and sql.ts). */
export type SearchMatches = {
  actor: ActorMatch | null;
  /** The users the "Target member" text names: events about their membership, on the (workspaceId, targetType, targetId, …) index. */
  target: string[] | null;
};

export async function resolveSearches(workspaceId: string, f: AuditFilters): Promise<SearchMatches> {
  const [actor, target] = await Promise.all([f.actor ? resolveActorSearch(workspaceId, f.actor) : null, f.target ? peopleMatching(workspaceId, f.target.toLowerCase()) : null]);
  return { actor, target };
}

/** The filters as a Prisma condition, always inside `workspaceId`. */
export async function auditWhere(workspaceId: string, f: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actions.length) and.push({ action: { in: f.actions } });
  if (f.since || f.until) and.push({ createdAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lt: f.until } : {}) } });
  const { actor: match, target } = await resolveSearches(workspaceId, f);
  if (match) {
    and.push({
      OR: [
        ...(match.ids.length ? [{ actorId: { in: match.ids } }] : []),
        { actorEmail: match.email },
        ...(match.system ? [{ actorType: "system" }] : []),
      ],
    });
  }
  if (target) and.push({ targetType: "member", targetId: { in: target } });
  // A member's activity: what they did, and what was done to their membership.
  if (f.member) and.push({ OR: [{ actorId: f.member }, { targetType: "member", targetId: f.member }] });
  return { workspaceId, AND: and };
}

// The leading `createdAt <= c` (or `>=`) is implied by the OR, and is there for the
// planner: it bounds the index range, so a deep page starts reading at the cursor instead
// of walking the index from the newest row (bench:audit measured 10.8× the floor without it).
const olderThan = (c: Cursor): Prisma.AuditEventWhereInput => ({
  createdAt: { lte: c.createdAt },
  OR: [{ createdAt: { lt: c.createdAt } }, { createdAt: c.createdAt, id: { lt: c.id } }],
});
const newerThan = (c: Cursor): Prisma.AuditEventWhereInput => ({
  createdAt: { gte: c.createdAt },
  OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }],
});

export type AuditPage = { rows: AuditEvent[]; newer: string | null; older: string | null };

/**
 * One page, newest first, by keyset on (createdAt, id): "Older" continues after the last
 * row, "Newer" before the first. Never OFFSET, so a deep page reads as few rows as the first.
 */
export async function listAuditEvents(workspaceId: string, f: AuditFilters): Promise<AuditPage> {
  const where = await auditWhere(workspaceId, f);
  const before = f.cursor?.direction === "before" ? f.cursor.at : null;
  const after = f.cursor?.direction === "after" ? f.cursor.at : null;
  const take = AUDIT_PAGE_SIZE + 1;
  if (after) {
    const found = await prisma.auditEvent.findMany({ where: { AND: [where, newerThan(after)] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take });
    const more = found.length > AUDIT_PAGE_SIZE;
    const rows = found.slice(0, AUDIT_PAGE_SIZE).reverse();
    return { rows, newer: more && rows[0] ? encodeCursor(rows[0]) : null, older: rows.at(-1) ? encodeCursor(rows.at(-1)!) : null };
  }
  const found = await prisma.auditEvent.findMany({ where: before ? { AND: [where, olderThan(before)] } : where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
  const more = found.length > AUDIT_PAGE_SIZE;
  const rows = found.slice(0, AUDIT_PAGE_SIZE);
  return { rows, newer: before && rows[0] ? encodeCursor(rows[0]) : null, older: more && rows.at(-1) ? encodeCursor(rows.at(-1)!) : null };
}

/** A member's latest events, as actor and as target, for their page. */
export function memberActivity(workspaceId: string, userId: string, limit = 10) {
  return prisma.auditEvent.findMany({
    where: { workspaceId, OR: [{ actorId: userId }, { targetType: "member", targetId: userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

const LINKED = ["member", "agent", "persona", "group"] as const;

/**
 * For the rows of one page: which actors are still members, and which targets still exist
 * (so the page can mark "[Removed user]" and link live targets). One query per kind, for
 * the page's ids only.
 */
export async function auditRowContext(workspaceId: string, rows: AuditEvent[]) {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.targetType === type && r.targetId).map((r) => r.targetId!))];
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId ? [r.actorId] : [])))];
  const memberIds = [...new Set([...actorIds, ...ids("member")])];
  const [members, agents, personas, groups] = await Promise.all([
    memberIds.length ? prisma.membership.findMany({ where: { workspaceId, userId: { in: memberIds } }, select: { userId: true, id: true } }) : [],
    ids("agent").length ? prisma.agent.findMany({ where: { workspaceId, id: { in: ids("agent") } }, select: { id: true } }) : [],
    ids("persona").length ? prisma.persona.findMany({ where: { workspaceId, id: { in: ids("persona") } }, select: { id: true } }) : [],
    ids("group").length ? prisma.group.findMany({ where: { workspaceId, id: { in: ids("group") } }, select: { id: true } }) : [],
  ]);
  const live: Record<(typeof LINKED)[number], Set<string>> = {
    member: new Set(members.map((m) => m.userId)),
    agent: new Set(agents.map((a) => a.id)),
    persona: new Set(personas.map((p) => p.id)),
    group: new Set(groups.map((g) => g.id)),
  };
  const membershipOf = new Map(members.map((m) => [m.userId, m.id]));
  return {
    isMember: (userId: string) => live.member.has(userId),
    /** Member events name the user; the member page is addressed by the membership. */
    membershipIdOf: (userId: string) => membershipOf.get(userId),
    targetExists: (type: string | null, id: string | null) => !!type && !!id && (LINKED as readonly string[]).includes(type) && live[type as (typeof LINKED)[number]].has(id),
  };
}

/** The member whose activity `?member=` shows, for the filter's label; null if they are no longer a member here. */
export function auditMemberNamed(workspaceId: string, userId: string) {
  return prisma.membership.findFirst({ where: { workspaceId, userId }, select: { user: { select: { firstName: true, lastName: true, email: true } } } });
}
