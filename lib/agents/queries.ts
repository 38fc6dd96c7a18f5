import "server-only";
import { prisma } from "@/lib/db";
import { creatorOf, creatorSelect } from "@/lib/resources/creator";
import { nameSearchWhere, pageWindow } from "@/lib/resources/list";
import { reachableWhere, type Reader } from "@/lib/resources/reach";
import { isRecordId, type ResourceListParams } from "@/lib/resources/schemas";

/** One page of the agents the reader may reach (one query for the rows, one for the count), by name. */
export async function listAgents(reader: Reader, params: ResourceListParams) {
  const where = { ...reachableWhere(reader), AND: nameSearchWhere(params.q) };
  const [total, rows] = await Promise.all([
    prisma.agent.count({ where }),
    prisma.agent.findMany({
      where,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      ...pageWindow(params),
      select: { id: true, name: true, description: true, model: true, status: true, visibility: true, updatedAt: true, ...creatorSelect(reader.workspaceId) },
    }),
  ]);
  return { total, rows: rows.map(({ createdBy, createdByName, ...row }) => ({ ...row, creator: creatorOf({ createdBy, createdByName }) })) };
}

export type AgentRow = Awaited<ReturnType<typeof listAgents>>["rows"][number];

/** One agent, if the reader may reach it; null otherwise (out of reach, another workspace's, or gone). */
export async function getAgent(reader: Reader, agentId: string) {
  if (!isRecordId(agentId)) return null;
  const agent = await prisma.agent.findFirst({
    where: { id: agentId, ...reachableWhere(reader) },
    include: {
      createdBy: creatorSelect(reader.workspaceId).createdBy,
      groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { nameKey: "asc" } } },
    },
  });
  if (!agent) return null;
  const { createdBy, groups, ...rest } = agent;
  return { ...rest, creator: creatorOf({ createdBy, createdByName: agent.createdByName }), groups: groups.map((g) => g.group) };
}
