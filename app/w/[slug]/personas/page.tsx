import { PersonasTable } from "@/components/personas/personas-table";
import { loadResourceList, type ListPageProps } from "@/components/resources/load";
import { ListPageHeader } from "@/components/resources/page-parts";
import { listPersonas } from "@/lib/personas/queries";

export const metadata = { title: "Personas" };

export default async function PersonasPage(props: ListPageProps) {
  const { slug, view, rows, total, canManage } = await loadResourceList(props, listPersonas);
  return (
    <>
      <ListPageHeader
        title="Personas"
        description="The voices agents can speak in: who each persona is, its tone, and who can reach it."
        canManage={canManage}
        newHref={`/w/${slug}/personas/new`}
        newLabel="New persona"
      />
      <PersonasTable slug={slug} rows={rows} total={total} view={view} />
    </>
  );
}
