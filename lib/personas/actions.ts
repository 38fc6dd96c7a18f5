"use server";

import { workspaceAction } from "@/lib/authz/guard";
import { resourceWrites } from "@/lib/resources/writes";
import type * as z from "@/lib/zod";
import type { Persona } from "@/lib/generated/prisma/client";
import { createPersonaSchema, deletePersonaSchema, personaFieldsSchema, updatePersonaSchema } from "./schemas";

// The rules live in lib/resources/writes.ts, shared with agents.
const personas = resourceWrites<Persona, z.output<typeof personaFieldsSchema>>({
  kind: "persona",
  find: (tx, where) => tx.persona.findFirst({ where }),
  create: (tx, data) => tx.persona.create({ data }),
  update: (tx, id, data) => tx.persona.update({ where: { id }, data }),
  remove: (tx, id) => tx.persona.delete({ where: { id } }),
  countGroups: (tx, personaId) => tx.groupPersona.count({ where: { personaId } }),
  summary: (p) => ({ name: p.name, visibility: p.visibility }),
});

// POST /w/[slug]/personas/new — create a persona.
export const createPersona = workspaceAction("agents:manage", createPersonaSchema, (input, ctx) => personas.create(input, ctx));

// POST /w/[slug]/personas/[id]/edit — edit a persona.
export const updatePersona = workspaceAction("agents:manage", updatePersonaSchema, ({ personaId, ...fields }, ctx) => personas.update(personaId, fields, ctx));

// POST /w/[slug]/personas/[id] — delete a persona; it leaves its groups, nothing else goes.
export const deletePersona = workspaceAction("agents:manage", deletePersonaSchema, ({ personaId }, ctx) => personas.remove(personaId, ctx));
