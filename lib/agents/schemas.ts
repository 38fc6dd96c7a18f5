import * as z from "@/lib/zod";
import { AGENT_MODELS, AGENT_STATUSES } from "./models";
import { descriptionSchema, resourceIdSchema, resourceNameSchema, visibilitySchema } from "@/lib/resources/schemas";

// The models and statuses, without zod, for client components: ./models.ts.
export { AGENT_MODELS, AGENT_MODEL_LABELS, AGENT_STATUSES, AGENT_STATUS_LABELS } from "./models";

export const agentFieldsSchema = z.object({
  name: resourceNameSchema("agent"),
  description: descriptionSchema,
  instructions: z._default(z.string().check(z.trim(), z.maxLength(20_000, { error: "Keep the instructions to 20,000 characters or fewer." })), ""),
  model: z.enum(AGENT_MODELS, { error: "Choose a model." }),
  status: z.enum(AGENT_STATUSES, { error: "Choose a status." }),
  visibility: visibilitySchema,
});
export type AgentFieldsInput = z.input<typeof agentFieldsSchema>;

export const createAgentSchema = agentFieldsSchema;
export const updateAgentSchema = z.extend(agentFieldsSchema, { agentId: resourceIdSchema });
export type UpdateAgentInput = z.input<typeof updateAgentSchema>;
export const deleteAgentSchema = z.object({ agentId: resourceIdSchema });
