import { AgentForm } from "@/components/agents/agent-form";
import { FormPage } from "@/components/resources/page-parts";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "New agent" };

export default async function NewAgentPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspaceMember(slug, "agents:manage");
  return (
    <FormPage back={{ href: `/w/${slug}/agents`, label: "Agents" }} title="New agent" description="Name it, say what it is for, and choose its model and who can reach it.">
      <AgentForm slug={slug} />
    </FormPage>
  );
}
