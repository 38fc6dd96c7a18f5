import { PersonaForm } from "@/components/personas/persona-form";
import { FormPage } from "@/components/resources/page-parts";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "New persona" };

export default async function NewPersonaPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireWorkspaceMember(slug, "agents:manage");
  return (
    <FormPage back={{ href: `/w/${slug}/personas`, label: "Personas" }} title="New persona" description="Name it, describe its voice, and choose who can reach it.">
      <PersonaForm slug={slug} />
    </FormPage>
  );
}
