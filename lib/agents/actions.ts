"use server";

import type { Tx } from "@/lib/db";
import { workspaceAction, type WorkspaceContext } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { fullName } from "@/lib/format";
import { changedFields } from "@/lib/resources/changes";
import { reachableWhere, readerOf } from "@/lib/resources/reach";
import { createAgentSchema, deleteAgentSchema, updateAgentSchema } from "./schemas";

// Agents are reached through the one access rule (lib/resources/reach.ts) for writes as
// well as reads: a write member who may not reach a group-only agent gets "not found"
// for it, exactly as if it did not exist.

const NOT_FOUND = "That agent does not exist, or was deleted.";
const LOCKED_OUT = "You would lose access to this agent: it would be open only to groups you are not in. Keep it open to the workspace, or ask an owner or admin to restrict it.";

async function loadReachableAgent(tx: Tx, membership: WorkspaceContext["membership"], agentId: string) {
  const agent = await tx.agent.findFirst({ where: { id: agentId, ...reachableWhere(readerOf(membership)) } });
  if (!agent) throw new Refusal("not_found", NOT_FOUND);
  return agent;
}

/**
 * After a create or edit, the actor must still reach what they saved: a write member who
 * makes it group-only without being in one of its groups would lose it on the spot. The
 * refusal rolls the change back.
 */
async function assertStillReachable(tx: Tx, membership: WorkspaceContext["membership"], agentId: string) {
  if (await tx.agent.findFirst({ where: { id: agentId, ...reachableWhere(readerOf(membership)) }, select: { id: true } })) return;
  throw new Refusal("forbidden", LOCKED_OUT, { fieldErrors: { visibility: [LOCKED_OUT] } });
}

// POST /w/[slug]/agents/new — create an agent.
export const createAgent = workspaceAction("agents:manage", createAgentSchema, async (input, { tx, workspace, membership, user, audit }) => {
  const agent = await tx.agent.create({
    data: { ...input, workspaceId: workspace.id, searchName: input.name.toLowerCase(), createdById: user.id, createdByName: fullName(user) },
  });
  await assertStillReachable(tx, membership, agent.id);
  await audit({ action: "agent.created", target: { type: "agent", id: agent.id, label: agent.name }, after: { ...input } });
  return { id: agent.id };
});

// POST /w/[slug]/agents/[id]/edit — edit an agent; the audit event keeps only the fields that changed.
export const updateAgent = workspaceAction("agents:manage", updateAgentSchema, async ({ agentId, ...fields }, { tx, membership, audit, unchanged }) => {
  const agent = await loadReachableAgent(tx, membership, agentId);
  const diff = changedFields(agent, fields);
  if (!diff.changed) {
    unchanged();
    return { id: agent.id };
  }
  await tx.agent.update({ where: { id: agent.id }, data: { ...fields, searchName: fields.name.toLowerCase() } });
  await assertStillReachable(tx, membership, agent.id);
  await audit({ action: "agent.updated", target: { type: "agent", id: agent.id, label: fields.name }, before: diff.before as never, after: diff.after as never });
  return { id: agent.id };
});

// POST /w/[slug]/agents/[id] — delete an agent; its group assignments go with it (cascade), nothing else.
export const deleteAgent = workspaceAction("agents:manage", deleteAgentSchema, async ({ agentId }, { tx, membership, audit }) => {
  const agent = await loadReachableAgent(tx, membership, agentId);
  const groups = await tx.groupAgent.count({ where: { agentId: agent.id } });
  await tx.agent.delete({ where: { id: agent.id } });
  await audit({
    action: "agent.deleted",
    target: { type: "agent", id: agent.id, label: agent.name },
    before: { name: agent.name, model: agent.model, status: agent.status, visibility: agent.visibility, groups },
  });
  return { deleted: agent.id };
});
