"use server";

import type { Tx } from "@/lib/db";
import { workspaceAction, type WorkspaceContext } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { fullName } from "@/lib/format";
import { changedFields } from "@/lib/resources/changes";
import { reachableWhere, readerOf } from "@/lib/resources/reach";
import { createPersonaSchema, deletePersonaSchema, updatePersonaSchema } from "./schemas";

// Personas follow the agents' rules (lib/agents/actions.ts): reached through the one
// access rule for writes too, audited with the changed fields only.

const NOT_FOUND = "That persona does not exist, or was deleted.";
const LOCKED_OUT = "You would lose access to this persona: it would be open only to groups you are not in. Keep it open to the workspace, or ask an owner or admin to restrict it.";

async function loadReachablePersona(tx: Tx, membership: WorkspaceContext["membership"], personaId: string) {
  const persona = await tx.persona.findFirst({ where: { id: personaId, ...reachableWhere(readerOf(membership)) } });
  if (!persona) throw new Refusal("not_found", NOT_FOUND);
  return persona;
}

/**
 * After a create or edit, the actor must still reach what they saved: a write member who
 * makes it group-only without being in one of its groups would lose it on the spot. The
 * refusal rolls the change back.
 */
async function assertStillReachable(tx: Tx, membership: WorkspaceContext["membership"], personaId: string) {
  if (await tx.persona.findFirst({ where: { id: personaId, ...reachableWhere(readerOf(membership)) }, select: { id: true } })) return;
  throw new Refusal("forbidden", LOCKED_OUT, { fieldErrors: { visibility: [LOCKED_OUT] } });
}

// POST /w/[slug]/personas/new — create a persona.
export const createPersona = workspaceAction("agents:manage", createPersonaSchema, async (input, { tx, workspace, membership, user, audit }) => {
  const persona = await tx.persona.create({
    data: { ...input, workspaceId: workspace.id, searchName: input.name.toLowerCase(), createdById: user.id, createdByName: fullName(user) },
  });
  await assertStillReachable(tx, membership, persona.id);
  await audit({ action: "persona.created", target: { type: "persona", id: persona.id, label: persona.name }, after: { ...input } });
  return { id: persona.id };
});

// POST /w/[slug]/personas/[id]/edit — edit a persona.
export const updatePersona = workspaceAction("agents:manage", updatePersonaSchema, async ({ personaId, ...fields }, { tx, membership, audit, unchanged }) => {
  const persona = await loadReachablePersona(tx, membership, personaId);
  const diff = changedFields(persona, fields);
  if (!diff.changed) {
    unchanged();
    return { id: persona.id };
  }
  await tx.persona.update({ where: { id: persona.id }, data: { ...fields, searchName: fields.name.toLowerCase() } });
  await assertStillReachable(tx, membership, persona.id);
  await audit({ action: "persona.updated", target: { type: "persona", id: persona.id, label: fields.name }, before: diff.before as never, after: diff.after as never });
  return { id: persona.id };
});

// POST /w/[slug]/personas/[id] — delete a persona; its group assignments go with it.
export const deletePersona = workspaceAction("agents:manage", deletePersonaSchema, async ({ personaId }, { tx, membership, audit }) => {
  const persona = await loadReachablePersona(tx, membership, personaId);
  const groups = await tx.groupPersona.count({ where: { personaId: persona.id } });
  await tx.persona.delete({ where: { id: persona.id } });
  await audit({
    action: "persona.deleted",
    target: { type: "persona", id: persona.id, label: persona.name },
    before: { name: persona.name, visibility: persona.visibility, groups },
  });
  return { deleted: persona.id };
});
