"use client";

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useUrlState } from "@/components/members/use-url-state";
import { LIST_PAGE_SIZE } from "@/lib/resources/values";
import type { ResourceListParams } from "@/lib/resources/schemas";
import { ListToolbar } from "./list-toolbar";
import { ListPagination } from "./list-pagination";

type EmptyState = { message: string; action?: { label: string; changes: Record<string, null> } };

/** Why there are no rows, and the way out: an empty workspace, a search that found nothing, or an old link past the end. */
function emptyState(noun: string, total: number, q: string): EmptyState {
  if (total > 0) return { message: `This page is past the last ${noun}.`, action: { label: "Go to the first page", changes: { page: null } } };
  if (q) return { message: `No ${noun}s match “${q}”.`, action: { label: "Clear search", changes: { q: null, page: null } } };
  return { message: `No ${noun}s yet.` };
}

type Props<T> = {
  /** "agent" or "persona": ids, the summary and the empty states are worded from it. */
  noun: string;
  /** The table's accessible name, e.g. "Agents". */
  title: string;
  columns: ColumnDef<T>[];
  rows: T[];
  total: number;
  view: ResourceListParams;
};

/**
 * One page of a server-filtered list: the server searches and pages (manual pagination),
 * the view lives in the URL, and the table only lays out the rows it was given.
 */
export function ResourceTable<T extends { id: string }>({ noun, title, columns, rows, total, view }: Props<T>) {
  const { update, pending } = useUrlState();
  // The React Compiler is not used in Roster, so TanStack's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualFiltering: true,
    rowCount: total,
    getRowId: (row) => row.id,
  });
  const summaryId = `${noun}s-summary`;

  const empty = rows.length === 0 ? emptyState(noun, total, view.q) : null;
  const emptyAction = empty?.action;
  return (
    <div className="grid min-w-0 gap-4">
      <ListToolbar id={`${noun}-search`} label="Search by name" placeholder={`e.g. a word from the ${noun}’s name`} q={view.q} onChange={update} />
      {/* min-w-0: a wide table scrolls inside its frame instead of widening the page on a phone. */}
      <div className="min-w-0 rounded-lg border bg-background" aria-busy={pending}>
        <Table aria-label={title} aria-describedby={summaryId}>
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead key={header.id}>{flexRender(header.column.columnDef.header, header.getContext())}</TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                ))}
              </TableRow>
            ))}
            {empty ? (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-32 text-center text-muted-foreground">
                  {empty.message}
                  {emptyAction ? (
                    <button type="button" className="ml-2 font-medium text-primary underline-offset-4 hover:underline" onClick={() => update(emptyAction.changes)}>
                      {emptyAction.label}
                    </button>
                  ) : null}
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
      <ListPagination summaryId={summaryId} noun={noun} total={total} page={view.page} size={LIST_PAGE_SIZE} onChange={update} />
    </div>
  );
}
