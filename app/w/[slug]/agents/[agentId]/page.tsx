import { PageHeader } from "@/components/page-header";
import { AgentStatusBadge, modelLabel } from "@/components/agents/labels";
import { VisibilityBadge } from "@/components/resources/badges";
import { DeleteResourceDialog } from "@/components/resources/delete-resource-dialog";
import { DetailCard, EditLink, GroupsCard, TextCard, commonRows } from "@/components/resources/detail";
import { loadResource } from "@/components/resources/load";
import { BackLink } from "@/components/resources/page-parts";
import { deleteAgent } from "@/lib/agents/actions";
import { AGENT_STATUS_LABELS } from "@/lib/agents/schemas";
import { getAgent } from "@/lib/agents/queries";

export const metadata = { title: "Agent" };

export default async function AgentPage({ params }: { params: Promise<{ slug: string; agentId: string }> }) {
  const { slug, agentId } = await params;
  const { resource: agent, canManage } = await loadResource(slug, agentId, getAgent);
  const list = `/w/${slug}/agents`;
  const actions = canManage ? (
    <>
      <EditLink href={`${list}/${agent.id}/edit`} label="Edit agent" />
      <DeleteResourceDialog noun="agent" name={agent.name} groupCount={agent.groups.length} action={deleteAgent.bind(null, slug, { agentId: agent.id })} listHref={list} />
    </>
  ) : null;
  return (
    <>
      <BackLink href={list} label="Agents" />
      <PageHeader
        title={agent.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <AgentStatusBadge status={agent.status} />
            <VisibilityBadge visibility={agent.visibility} />
            <span>{modelLabel(agent.model)}</span>
          </span>
        }
        actions={actions}
      />
      <div className="grid max-w-3xl gap-6">
        <DetailCard
          title="Details"
          rows={[
            ["Description", agent.description || <span className="text-muted-foreground">No description.</span>],
            ["Model", modelLabel(agent.model)],
            ["Status", AGENT_STATUS_LABELS[agent.status]],
            ...commonRows(agent),
          ]}
        />
        <TextCard title="System prompt" text={agent.instructions} empty="No system prompt yet." />
        <GroupsCard slug={slug} noun="agent" groups={agent.groups} />
      </div>
    </>
  );
}
