import { AgentForm } from "@/components/agents/agent-form";
import { loadResource } from "@/components/resources/load";
import { FormPage } from "@/components/resources/page-parts";
import { getAgent } from "@/lib/agents/queries";
import type { AgentFieldsInput } from "@/lib/agents/schemas";

export const metadata = { title: "Edit agent" };

export default async function EditAgentPage({ params }: { params: Promise<{ slug: string; agentId: string }> }) {
  const { slug, agentId } = await params;
  const { resource: agent } = await loadResource(slug, agentId, getAgent, { manage: true });
  // `model` is stored as text; one no longer offered fails the schema, which asks for a new choice.
  const values = { name: agent.name, description: agent.description, instructions: agent.instructions, model: agent.model as AgentFieldsInput["model"], status: agent.status, visibility: agent.visibility };
  return (
    <FormPage back={{ href: `/w/${slug}/agents/${agent.id}`, label: agent.name }} title={`Edit ${agent.name}`} description="Changes apply as soon as you save, and are kept in the audit log.">
      <AgentForm slug={slug} agent={{ id: agent.id, ...values }} />
    </FormPage>
  );
}
