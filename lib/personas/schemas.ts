import { z } from "zod";
import { descriptionSchema, resourceIdSchema, resourceNameSchema, visibilitySchema } from "@/lib/resources/schemas";

export const personaFieldsSchema = z.object({
  name: resourceNameSchema("persona"),
  description: descriptionSchema,
  tone: z.string().trim().max(5_000, { error: "Keep the tone and instructions to 5,000 characters or fewer." }).default(""),
  visibility: visibilitySchema,
});
export type PersonaFieldsInput = z.input<typeof personaFieldsSchema>;

export const createPersonaSchema = personaFieldsSchema;
export const updatePersonaSchema = personaFieldsSchema.extend({ personaId: resourceIdSchema });
export type UpdatePersonaInput = z.input<typeof updatePersonaSchema>;
export const deletePersonaSchema = z.object({ personaId: resourceIdSchema });
