import { AgentsTable } from "@/components/agents/agents-table";
import { loadResourceList, type ListPageProps } from "@/components/resources/load";
import { ListPageHeader } from "@/components/resources/page-parts";
import { listAgents } from "@/lib/agents/queries";

export const metadata = { title: "Agents" };

export default async function AgentsPage(props: ListPageProps) {
  const { slug, view, rows, total, canManage } = await loadResourceList(props, listAgents);
  return (
    <>
      <ListPageHeader
        title="Agents"
        description="The AI agents of this workspace: what each one is for, the model it runs on, and who can reach it."
        canManage={canManage}
        newHref={`/w/${slug}/agents/new`}
        newLabel="New agent"
      />
      <AgentsTable slug={slug} rows={rows} total={total} view={view} />
    </>
  );
}
