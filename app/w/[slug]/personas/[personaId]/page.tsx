import { PageHeader } from "@/components/page-header";
import { VisibilityBadge } from "@/components/resources/badges";
import { DeleteResourceDialog } from "@/components/resources/delete-resource-dialog";
import { DetailCard, EditLink, GroupsCard, TextCard, commonRows } from "@/components/resources/detail";
import { loadResource } from "@/components/resources/load";
import { BackLink } from "@/components/resources/page-parts";
import { deletePersona } from "@/lib/personas/actions";
import { getPersona } from "@/lib/personas/queries";

export const metadata = { title: "Persona" };

export default async function PersonaPage({ params }: { params: Promise<{ slug: string; personaId: string }> }) {
  const { slug, personaId } = await params;
  const { resource: persona, canManage } = await loadResource(slug, personaId, getPersona);
  const list = `/w/${slug}/personas`;
  const actions = canManage ? (
    <>
      <EditLink href={`${list}/${persona.id}/edit`} label="Edit persona" />
      <DeleteResourceDialog noun="persona" name={persona.name} groupCount={persona.groups.length} action={deletePersona.bind(null, slug, { personaId: persona.id })} listHref={list} />
    </>
  ) : null;
  return (
    <>
      <BackLink href={list} label="Personas" />
      <PageHeader title={persona.name} description={persona.visibility === "groups" ? <VisibilityBadge visibility={persona.visibility} /> : undefined} actions={actions} />
      <div className="grid max-w-3xl gap-6">
        <DetailCard title="Details" rows={[["Description", persona.description || <span className="text-muted-foreground">No description.</span>], ...commonRows(persona)]} />
        <TextCard title="Tone and instructions" text={persona.tone} empty="No tone or instructions yet." />
        <GroupsCard slug={slug} noun="persona" groups={persona.groups} />
      </div>
    </>
  );
}
