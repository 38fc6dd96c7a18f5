"use client";

import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { ResourceTable } from "@/components/resources/resource-table";
import { creatorColumn, nameColumn, updatedColumn } from "@/components/resources/columns";
import type { AgentRow } from "@/lib/agents/queries";
import type { ResourceListParams } from "@/lib/resources/schemas";
import { AgentStatusBadge, modelLabel } from "./labels";

export function AgentsTable({ slug, rows, total, view }: { slug: string; rows: AgentRow[]; total: number; view: ResourceListParams }) {
  const columns = useMemo<ColumnDef<AgentRow>[]>(
    () => [
      nameColumn(`/w/${slug}/agents`),
      { id: "model", header: "Model", cell: ({ row }) => <span className="whitespace-nowrap">{modelLabel(row.original.model)}</span> },
      { id: "status", header: "Status", cell: ({ row }) => <AgentStatusBadge status={row.original.status} /> },
      creatorColumn(),
      updatedColumn(),
    ],
    [slug],
  );
  return <ResourceTable noun="agent" title="Agents" columns={columns} rows={rows} total={total} view={view} />;
}
