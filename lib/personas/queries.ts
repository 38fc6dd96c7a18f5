import "server-only";
import { prisma } from "@/lib/db";
import { creatorOf, creatorSelect } from "@/lib/resources/creator";
import { nameSearchWhere, pageWindow } from "@/lib/resources/list";
import { reachableWhere, type Reader } from "@/lib/resources/reach";
import { isRecordId, type ResourceListParams } from "@/lib/resources/schemas";

/** One page of the personas the reader may reach (one query for the rows, one for the count), by name. */
export async function listPersonas(reader: Reader, params: ResourceListParams) {
  const where = { ...reachableWhere(reader), AND: nameSearchWhere(params.q) };
  const [total, rows] = await Promise.all([
    prisma.persona.count({ where }),
    prisma.persona.findMany({
      where,
      orderBy: [{ searchName: "asc" }, { id: "asc" }],
      ...pageWindow(params),
      select: { id: true, name: true, description: true, visibility: true, updatedAt: true, ...creatorSelect(reader.workspaceId) },
    }),
  ]);
  return { total, rows: rows.map(({ createdBy, createdByName, ...row }) => ({ ...row, creator: creatorOf({ createdBy, createdByName }) })) };
}

export type PersonaRow = Awaited<ReturnType<typeof listPersonas>>["rows"][number];

/** One persona, if the reader may reach it; null otherwise (out of reach, another workspace's, or gone). */
export async function getPersona(reader: Reader, personaId: string) {
  if (!isRecordId(personaId)) return null;
  const persona = await prisma.persona.findFirst({
    where: { id: personaId, ...reachableWhere(reader) },
    include: {
      createdBy: creatorSelect(reader.workspaceId).createdBy,
      groups: { select: { group: { select: { id: true, name: true } } }, orderBy: { group: { nameKey: "asc" } } },
    },
  });
  if (!persona) return null;
  const { createdBy, groups, ...rest } = persona;
  return { ...rest, creator: creatorOf({ createdBy, createdByName: persona.createdByName }), groups: groups.map((g) => g.group) };
}
