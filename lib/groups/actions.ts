"use server";

import type { Tx } from "@/lib/db";
import { workspaceAction, workspaceQuery } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { changedFields } from "@/lib/resources/changes";
import { findGroupCandidates } from "./queries";
import { loadGroupItem, type GroupItem } from "./items";
import { createGroupSchema, deleteGroupSchema, groupCandidatesSchema, groupItemSchema, groupNameKey, updateGroupSchema } from "./schemas";

// Every action here runs in the guard's transaction under the workspace lock, so two
// admins adding the same person, or a rename racing a create of the same name, are
// decided one after the other: the second sees the first's result.

const GONE = "That group does not exist any more. Someone may have deleted it meanwhile; reload the page.";

async function loadGroup(tx: Tx, workspaceId: string, groupId: string) {
  const group = await tx.group.findFirst({ where: { id: groupId, workspaceId } });
  if (!group) throw new Refusal("not_found", GONE);
  return group;
}

async function assertNameFree(tx: Tx, workspaceId: string, name: string, exceptId?: string) {
  const taken = await tx.group.findFirst({ where: { workspaceId, nameKey: groupNameKey(name), ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (taken) {
    const message = `A group named “${taken.name}” already exists. Choose another name.`;
    throw new Refusal("conflict", message, { fieldErrors: { name: [message] } });
  }
}

// POST /w/[slug]/groups — create a group.
export const createGroup = workspaceAction("groups:manage", createGroupSchema, async (input, { tx, workspace, audit }) => {
  await assertNameFree(tx, workspace.id, input.name);
  const group = await tx.group.create({ data: { workspaceId: workspace.id, name: input.name, nameKey: groupNameKey(input.name), description: input.description } });
  await audit({ action: "group.created", target: { type: "group", id: group.id, label: group.name }, after: { ...input } });
  return { id: group.id };
});

// POST /w/[slug]/groups — rename a group or change its description.
export const updateGroup = workspaceAction("groups:manage", updateGroupSchema, async ({ groupId, ...fields }, { tx, workspace, audit, unchanged }) => {
  const group = await loadGroup(tx, workspace.id, groupId);
  const diff = changedFields(group, fields);
  if (!diff.changed) {
    unchanged();
    return { id: group.id };
  }
  await assertNameFree(tx, workspace.id, fields.name, group.id);
  await tx.group.update({ where: { id: group.id }, data: { ...fields, nameKey: groupNameKey(fields.name) } });
  await audit({ action: "group.updated", target: { type: "group", id: group.id, label: fields.name }, before: diff.before as never, after: diff.after as never });
  return { id: group.id };
});

// POST /w/[slug]/groups — delete a group: its memberships and assignments go (cascade), never the people, agents or personas.
export const deleteGroup = workspaceAction("groups:manage", deleteGroupSchema, async ({ groupId }, { tx, workspace, audit }) => {
  const group = await loadGroup(tx, workspace.id, groupId);
  const [members, agents, personas] = await Promise.all([
    tx.groupMember.count({ where: { groupId } }),
    tx.groupAgent.count({ where: { groupId } }),
    tx.groupPersona.count({ where: { groupId } }),
  ]);
  await tx.group.delete({ where: { id: group.id } });
  await audit({ action: "group.deleted", target: { type: "group", id: group.id, label: group.name }, before: { name: group.name, description: group.description, members, agents, personas } });
  return { deleted: group.id };
});

const ADDED = { member: "group.member_added", agent: "group.agent_added", persona: "group.persona_added" } as const;
const REMOVED = { member: "group.member_removed", agent: "group.agent_removed", persona: "group.persona_removed" } as const;

function itemEvent(group: { id: string; name: string }, item: GroupItem) {
  return { target: { type: item.kind, id: item.targetId, label: item.label }, group: { groupId: group.id, group: group.name } };
}

// POST /w/[slug]/groups — add a member, agent or persona. Adding what is already there is a quiet success.
export const addToGroup = workspaceAction("groups:manage", groupItemSchema, async (input, { tx, workspace, audit, unchanged }) => {
  const group = await loadGroup(tx, workspace.id, input.groupId);
  const item = await loadGroupItem(tx, workspace.id, input.kind, input.itemId);
  if (await item.isIn(group.id)) {
    unchanged();
    return { added: false };
  }
  await item.add(group.id);
  const { target, group: after } = itemEvent(group, item);
  await audit({ action: ADDED[input.kind], target, after });
  return { added: true };
});

// POST /w/[slug]/groups — remove a member, agent or persona; access it gave ends on the next request.
export const removeFromGroup = workspaceAction("groups:manage", groupItemSchema, async (input, { tx, workspace, audit, unchanged }) => {
  const group = await loadGroup(tx, workspace.id, input.groupId);
  const item = await loadGroupItem(tx, workspace.id, input.kind, input.itemId);
  if (!(await item.isIn(group.id))) {
    unchanged();
    return { removed: false };
  }
  await item.remove(group.id);
  const { target, group: before } = itemEvent(group, item);
  await audit({ action: REMOVED[input.kind], target, before });
  return { removed: true };
});

// The + popover's search. Reads only.
export const searchGroupCandidates = workspaceQuery("groups:manage", groupCandidatesSchema, async (input, { db, workspace }) => {
  const group = await db.group.findFirst({ where: { id: input.groupId, workspaceId: workspace.id }, select: { id: true } });
  if (!group) throw new Refusal("not_found", GONE);
  return { candidates: await findGroupCandidates(workspace.id, group.id, input.kind, input.q) };
});
