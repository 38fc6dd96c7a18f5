import { Badge } from "@/components/ui/badge";
import { AGENT_MODEL_LABELS, AGENT_STATUS_LABELS, AGENT_STATUSES } from "@/lib/agents/models";

// No "use client": the list (client) and the agent's page (server) both use these.

/** The model's name; a model no longer offered shows as stored rather than blank. */
export const modelLabel = (model: string) => AGENT_MODEL_LABELS[model as keyof typeof AGENT_MODEL_LABELS] ?? model;

export function AgentStatusBadge({ status }: { status: (typeof AGENT_STATUSES)[number] }) {
  return <Badge variant={status === "active" ? "secondary" : "outline"}>{AGENT_STATUS_LABELS[status]}</Badge>;
}
