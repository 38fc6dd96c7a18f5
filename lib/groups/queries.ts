import "server-only";
import { prisma } from "@/lib/db";
import { can, type Role } from "@/lib/authz/permissions";
import { reachableWhere, type Reader } from "@/lib/resources/reach";
import { LIST_PAGE_SIZE } from "@/lib/resources/schemas";
import type { GroupItemKind, GroupListParams } from "./schemas";
import { likeLiteral } from "@/lib/core/like";

// Reads of the groups page. Agents and personas in a group pass through the one access
// rule too: a read member sees which groups exist and who is in them, but never a
// group-only agent they could not open.

/** How many of each section an expanded row shows; the rest is counted ("and 12 more"). */
export const SECTION_LIMIT = 100;
const CANDIDATE_LIMIT = 20;

const nameWhere = (q: string) => (q ? { nameKey: { contains: likeLiteral(q.toLowerCase()) } } : {});

/**
 * One page of the workspace's groups with their counts: the page's rows and the total
 * first, then the counts of only those rows (a `_count` in the rows query would count
 * every group's members and agents before paging).
 */
export async function listGroups(reader: Reader, params: GroupListParams) {
  const where = { workspaceId: reader.workspaceId, ...nameWhere(params.q) };
  const [total, groups] = await Promise.all([
    prisma.group.count({ where }),
    prisma.group.findMany({
      where,
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      skip: (params.page - 1) * LIST_PAGE_SIZE,
      take: LIST_PAGE_SIZE,
      select: { id: true, name: true, description: true },
    }),
  ]);
  const groupId = { in: groups.map((g) => g.id) };
  // Owners and admins reach everything: no access filter to join for them.
  const reach = can(reader.role, "agents:all") ? null : reachableWhere(reader);
  const [members, agents, personas] = groups.length
    ? await Promise.all([
        prisma.groupMember.groupBy({ by: ["groupId"], where: { groupId }, _count: { _all: true } }),
        prisma.groupAgent.groupBy({ by: ["groupId"], where: { groupId, ...(reach ? { agent: reach } : {}) }, _count: { _all: true } }),
        prisma.groupPersona.groupBy({ by: ["groupId"], where: { groupId, ...(reach ? { persona: reach } : {}) }, _count: { _all: true } }),
      ])
    : [[], [], []];
  const countOf = (counts: { groupId: string; _count: { _all: number } }[]) => new Map(counts.map((c) => [c.groupId, c._count._all]));
  const [m, a, p] = [countOf(members), countOf(agents), countOf(personas)];
  return { total, rows: groups.map((g) => ({ ...g, members: m.get(g.id) ?? 0, agents: a.get(g.id) ?? 0, personas: p.get(g.id) ?? 0 })) };
}

export type GroupRow = Awaited<ReturnType<typeof listGroups>>["rows"][number];

/** What an expanded row shows: the group's members, agents and personas, by name. */
export async function getGroupContents(reader: Reader, groupId: string) {
  const group = await prisma.group.findFirst({ where: { id: groupId, workspaceId: reader.workspaceId }, select: { id: true } });
  if (!group) return null;
  const reach = reachableWhere(reader);
  const [members, agents, personas] = await Promise.all([
    prisma.groupMember.findMany({
      where: { groupId },
      orderBy: [{ membership: { searchName: "asc" } }, { membershipId: "asc" }],
      take: SECTION_LIMIT,
      select: { membership: { select: { id: true, role: true, user: { select: { firstName: true, lastName: true, email: true } } } } },
    }),
    prisma.groupAgent.findMany({
      where: { groupId, agent: reach },
      orderBy: [{ agent: { searchName: "asc" } }, { agentId: "asc" }],
      take: SECTION_LIMIT,
      select: { agent: { select: { id: true, name: true, status: true, visibility: true } } },
    }),
    prisma.groupPersona.findMany({
      where: { groupId, persona: reach },
      orderBy: [{ persona: { searchName: "asc" } }, { personaId: "asc" }],
      take: SECTION_LIMIT,
      select: { persona: { select: { id: true, name: true, visibility: true } } },
    }),
  ]);
  return {
    members: members.map(({ membership: m }) => ({ id: m.id, role: m.role, ...m.user })),
    agents: agents.map((a) => a.agent),
    personas: personas.map((p) => p.persona),
  };
}

export type GroupContents = NonNullable<Awaited<ReturnType<typeof getGroupContents>>>;

export type Candidate = { id: string; label: string; detail?: string };

/**
 * The + popover: up to 20 members, agents or personas of the workspace not yet in the
 * group, matching `q`, searched in the database (fast at 10,000 members).
 */
export async function findGroupCandidates(workspaceId: string, groupId: string, kind: GroupItemKind, q: string): Promise<Candidate[]> {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);
  if (kind === "member") {
    const rows = await prisma.membership.findMany({
      where: {
        workspaceId,
        groups: { none: { groupId } },
        AND: terms.map(likeLiteral).map((t) => ({ OR: [{ searchName: { contains: t } }, { searchEmail: { contains: t } }] })),
      },
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      take: CANDIDATE_LIMIT,
      select: { id: true, user: { select: { firstName: true, lastName: true, email: true } } },
    });
    return rows.map((m) => ({ id: m.id, label: `${m.user.firstName} ${m.user.lastName}`, detail: m.user.email }));
  }
  const where = { workspaceId, groups: { none: { groupId } }, AND: terms.map((t) => ({ searchName: { contains: likeLiteral(t) } })) };
  const select = { id: true, name: true, visibility: true } as const;
  const orderBy = [{ searchName: "asc" as const }, { id: "asc" as const }];
  const rows =
    kind === "agent"
      ? await prisma.agent.findMany({ where, orderBy, take: CANDIDATE_LIMIT, select })
      : await prisma.persona.findMany({ where, orderBy, take: CANDIDATE_LIMIT, select });
  return rows.map((r) => ({ id: r.id, label: r.name, detail: r.visibility === "groups" ? "Restricted" : undefined }));
}

/** Every group of the workspace by name, for the invite dialog's picker and the bulk CSV's names. */
export function listGroupOptions(workspaceId: string) {
  return prisma.group.findMany({ where: { workspaceId }, orderBy: [{ nameKey: "asc" }, { id: "asc" }], select: { id: true, name: true }, take: 1000 });
}

/**
 * A member's page: their groups, and the group-only agents and personas those groups give
 * them — only what the viewer may reach themself. `reaches` says when groups decide
 * nothing for this member: their role reaches every agent (owner, admin) or none (billing).
 */
export async function getMemberGroupAccess(viewer: Reader, member: { id: string; role: Role }) {
  const membershipId = member.id;
  const reaches = can(member.role, "agents:all") ? ("all" as const) : can(member.role, "agents:view") ? ("groups" as const) : ("none" as const);
  const inTheirGroups = { groups: { some: { group: { members: { some: { membershipId } } } } } };
  const viewerReach = reachableWhere(viewer);
  const [groups, agents, personas] = await Promise.all([
    prisma.group.findMany({
      where: { workspaceId: viewer.workspaceId, members: { some: { membershipId } } },
      orderBy: [{ nameKey: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    reaches === "groups"
      ? prisma.agent.findMany({ where: { AND: [viewerReach, inTheirGroups, { visibility: "groups" }] }, orderBy: [{ searchName: "asc" }], take: SECTION_LIMIT, select: { id: true, name: true } })
      : [],
    reaches === "groups"
      ? prisma.persona.findMany({ where: { AND: [viewerReach, inTheirGroups, { visibility: "groups" }] }, orderBy: [{ searchName: "asc" }], take: SECTION_LIMIT, select: { id: true, name: true } })
      : [],
  ]);
  return { reaches, groups, agents, personas };
}
