"use server";

import { workspaceAction } from "@/lib/authz/guard";
import { resourceWrites } from "@/lib/resources/writes";
import type * as z from "@/lib/zod";
import type { Agent } from "@/lib/generated/prisma/client";
import { agentFieldsSchema, createAgentSchema, deleteAgentSchema, updateAgentSchema } from "./schemas";

// The rules (reach, no saving out of one's own reach, changed fields only) live in
// lib/resources/writes.ts, shared with personas.
const agents = resourceWrites<Agent, z.output<typeof agentFieldsSchema>>({
  kind: "agent",
  find: (tx, where) => tx.agent.findFirst({ where }),
  create: (tx, data) => tx.agent.create({ data }),
  update: (tx, id, data) => tx.agent.update({ where: { id }, data }),
  remove: (tx, id) => tx.agent.delete({ where: { id } }),
  countGroups: (tx, agentId) => tx.groupAgent.count({ where: { agentId } }),
  summary: (a) => ({ name: a.name, model: a.model, status: a.status, visibility: a.visibility }),
});

// POST /w/[slug]/agents/new — create an agent.
export const createAgent = workspaceAction("agents:manage", createAgentSchema, (input, ctx) => agents.create(input, ctx));

// POST /w/[slug]/agents/[id]/edit — edit an agent.
export const updateAgent = workspaceAction("agents:manage", updateAgentSchema, ({ agentId, ...fields }, ctx) => agents.update(agentId, fields, ctx));

// POST /w/[slug]/agents/[id] — delete an agent; it leaves its groups, nothing else goes.
export const deleteAgent = workspaceAction("agents:manage", deleteAgentSchema, ({ agentId }, ctx) => agents.remove(agentId, ctx));
