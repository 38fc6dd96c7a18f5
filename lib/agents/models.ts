// An agent's models and statuses and their labels, without zod (the schema, ./schemas.ts,
// re-exports them): the agents list's client components ship no zod to the browser.

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
