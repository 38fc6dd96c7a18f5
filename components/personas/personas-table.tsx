"use client";

import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { ResourceTable } from "@/components/resources/resource-table";
import { creatorColumn, nameColumn, updatedColumn } from "@/components/resources/columns";
import type { PersonaRow } from "@/lib/personas/queries";
import type { ResourceListParams } from "@/lib/resources/schemas";

export function PersonasTable({ slug, rows, total, view }: { slug: string; rows: PersonaRow[]; total: number; view: ResourceListParams }) {
  const columns = useMemo<ColumnDef<PersonaRow>[]>(() => [nameColumn(`/w/${slug}/personas`), creatorColumn(), updatedColumn()], [slug]);
  return <ResourceTable noun="persona" title="Personas" columns={columns} rows={rows} total={total} view={view} />;
}
