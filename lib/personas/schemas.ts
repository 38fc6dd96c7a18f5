import * as z from "@/lib/zod";
import { descriptionSchema, resourceIdSchema, resourceNameSchema, visibilitySchema } from "@/lib/resources/schemas";

export const personaFieldsSchema = z.object({
  name: resourceNameSchema("persona"),
  description: descriptionSchema,
  tone: z._default(z.string().check(z.trim(), z.maxLength(5_000, { error: "Keep the tone and instructions to 5,000 characters or fewer." })), ""),
  visibility: visibilitySchema,
});
export type PersonaFieldsInput = z.input<typeof personaFieldsSchema>;

export const createPersonaSchema = personaFieldsSchema;
export const updatePersonaSchema = z.extend(personaFieldsSchema, { personaId: resourceIdSchema });
export type UpdatePersonaInput = z.input<typeof updatePersonaSchema>;
export const deletePersonaSchema = z.object({ personaId: resourceIdSchema });
