"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ChevronRight } from "lucide-react";
import type { GroupRow } from "@/lib/groups/queries";
import { cn } from "@/lib/utils";
import { GroupRowActions, type GroupDialog } from "./group-row-actions";

export const contentsRowId = (groupId: string) => `group-${groupId}-contents`;

type Options = { openId: string | null; onToggle: (groupId: string) => void; onOpenDialog: ((dialog: GroupDialog) => void) | null };

const count = (n: number) => <span className="tabular-nums">{n}</span>;

/** The groups table's columns; the row actions only for managers. */
export function groupColumns({ openId, onToggle, onOpenDialog }: Options): ColumnDef<GroupRow>[] {
  const cols: ColumnDef<GroupRow>[] = [
    {
      id: "name",
      header: "Name",
      cell: ({ row: { original: g } }) => {
        const expanded = openId === g.id;
        return (
          <div className="flex items-center gap-1">
            <button
              type="button"
              aria-expanded={expanded}
              aria-controls={contentsRowId(g.id)}
              data-group-toggle={g.id}
              aria-label={`Show members, agents and personas of ${g.name}`}
              onClick={() => onToggle(g.id)}
              className="-ml-1 rounded-sm p-1 text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
            >
              <ChevronRight className={cn("size-4 transition-transform", expanded && "rotate-90")} aria-hidden />
            </button>
            <span className="font-medium">{g.name}</span>
          </div>
        );
      },
    },
    {
      id: "description",
      header: "Description",
      cell: ({ row }) =>
        row.original.description ? <span className="line-clamp-2 max-w-md min-w-48 whitespace-normal text-muted-foreground">{row.original.description}</span> : (
          <span className="text-muted-foreground">
            <span aria-hidden>—</span>
            <span className="sr-only">No description</span>
          </span>
        ),
    },
    { id: "members", header: "Members", cell: ({ row }) => count(row.original.members) },
    { id: "agents", header: "Agents", cell: ({ row }) => count(row.original.agents) },
    { id: "personas", header: "Personas", cell: ({ row }) => count(row.original.personas) },
  ];
  if (onOpenDialog) {
    cols.push({ id: "actions", header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <GroupRowActions group={row.original} onOpen={onOpenDialog} /> });
  }
  return cols;
}
