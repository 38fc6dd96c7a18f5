import { PersonaForm } from "@/components/personas/persona-form";
import { loadResource } from "@/components/resources/load";
import { FormPage } from "@/components/resources/page-parts";
import { getPersona } from "@/lib/personas/queries";

export const metadata = { title: "Edit persona" };

export default async function EditPersonaPage({ params }: { params: Promise<{ slug: string; personaId: string }> }) {
  const { slug, personaId } = await params;
  const { resource: persona } = await loadResource(slug, personaId, getPersona, { manage: true });
  const values = { name: persona.name, description: persona.description, tone: persona.tone, visibility: persona.visibility };
  return (
    <FormPage back={{ href: `/w/${slug}/personas/${persona.id}`, label: persona.name }} title={`Edit ${persona.name}`} description="Changes apply as soon as you save, and are kept in the audit log.">
      <PersonaForm slug={slug} persona={{ id: persona.id, ...values }} />
    </FormPage>
  );
}
