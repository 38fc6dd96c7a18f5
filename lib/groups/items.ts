import "server-only";
import type { Tx } from "@/lib/db";
import { Refusal } from "@/lib/core/result";
import { personLabel } from "@/lib/format";
import type { GroupItemKind } from "./schemas";

/** A member, agent or persona of the workspace, as a group action adds or removes it. */
export type GroupItem = {
  kind: GroupItemKind;
  /** What the audit event names: the user for a member, the resource otherwise. */
  targetId: string;
  label: string;
  isIn: (groupId: string) => Promise<boolean>;
  add: (groupId: string) => Promise<unknown>;
  remove: (groupId: string) => Promise<unknown>;
};

const MISSING: Record<GroupItemKind, string> = {
  member: "That person is not a member of this workspace (any more).",
  agent: "That agent does not exist any more. Someone may have deleted it meanwhile; reload the page.",
  persona: "That persona does not exist any more. Someone may have deleted it meanwhile; reload the page.",
};

/**
 * Looks the item up in this workspace only: an id from another workspace is "not found",
 * exactly like one that never existed.
 */
export async function loadGroupItem(tx: Tx, workspaceId: string, kind: GroupItemKind, itemId: string): Promise<GroupItem> {
  const missing = () => new Refusal("not_found", MISSING[kind]);
  if (kind === "member") {
    const m = await tx.membership.findFirst({ where: { id: itemId, workspaceId }, select: { id: true, userId: true, user: { select: { firstName: true, lastName: true, email: true } } } });
    if (!m) throw missing();
    const key = (groupId: string) => ({ groupId_membershipId: { groupId, membershipId: m.id } });
    return {
      kind,
      targetId: m.userId,
      label: personLabel(m.user),
      isIn: async (groupId) => (await tx.groupMember.findUnique({ where: key(groupId) })) !== null,
      add: (groupId) => tx.groupMember.create({ data: { groupId, membershipId: m.id } }),
      remove: (groupId) => tx.groupMember.delete({ where: key(groupId) }),
    };
  }
  if (kind === "agent") {
    const a = await tx.agent.findFirst({ where: { id: itemId, workspaceId }, select: { id: true, name: true } });
    if (!a) throw missing();
    const key = (groupId: string) => ({ groupId_agentId: { groupId, agentId: a.id } });
    return {
      kind,
      targetId: a.id,
      label: a.name,
      isIn: async (groupId) => (await tx.groupAgent.findUnique({ where: key(groupId) })) !== null,
      add: (groupId) => tx.groupAgent.create({ data: { groupId, agentId: a.id } }),
      remove: (groupId) => tx.groupAgent.delete({ where: key(groupId) }),
    };
  }
  const p = await tx.persona.findFirst({ where: { id: itemId, workspaceId }, select: { id: true, name: true } });
  if (!p) throw missing();
  const key = (groupId: string) => ({ groupId_personaId: { groupId, personaId: p.id } });
  return {
    kind,
    targetId: p.id,
    label: p.name,
    isIn: async (groupId) => (await tx.groupPersona.findUnique({ where: key(groupId) })) !== null,
    add: (groupId) => tx.groupPersona.create({ data: { groupId, personaId: p.id } }),
    remove: (groupId) => tx.groupPersona.delete({ where: key(groupId) }),
  };
}
