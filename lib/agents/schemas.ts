import * as z from "@/lib/zod";
import { descriptionSchema, resourceIdSchema, resourceNameSchema, visibilitySchema } from "@/lib/resources/schemas";

/** The models an agent can run on: a short fixed list, as the platform offers them. */
export const AGENT_MODELS = ["gpt-4o", "gpt-4o-mini", "claude-sonnet", "claude-haiku", "llama-3-70b"] as const;
export const AGENT_MODEL_LABELS: Record<(typeof AGENT_MODELS)[number], string> = {
  "gpt-4o": "GPT-4o",
  "gpt-4o-mini": "GPT-4o mini",
  "claude-sonnet": "Claude Sonnet",
  "claude-haiku": "Claude Haiku",
  "llama-3-70b": "Llama 3 70B",
};
export const AGENT_STATUSES = ["active", "paused"] as const;
export const AGENT_STATUS_LABELS: Record<(typeof AGENT_STATUSES)[number], string> = { active: "Active", paused: "Paused" };

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
