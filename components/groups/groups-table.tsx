"use client";

import { useRowDialog } from "@/components/tables/use-row-dialog";
import { Fragment, useMemo } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useOpenedOnce } from "@/components/ui/on-demand";
import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { useUrlState } from "@/components/members/use-url-state";
import { LIST_PAGE_SIZE } from "@/lib/resources/values";
import type { GroupContents as Contents, GroupRow } from "@/lib/groups/queries";
import type { GroupListParams } from "@/lib/groups/schemas";
import { contentsRowId, groupColumns } from "./groups-columns";
import { ListToolbar } from "@/components/resources/list-toolbar";
import { ListPagination } from "@/components/resources/list-pagination";
import { GroupContents } from "./group-contents";
import { useOpenGroup } from "./use-open-group";
import type { GroupDialog } from "./group-row-actions";

// Fixed widths, so the columns do not jump when a search or an expanded row changes the contents.
const COUNT_COLUMNS = new Set(["members", "agents", "personas"]);

type Props = {
  slug: string;
  rows: GroupRow[];
  total: number;
  view: GroupListParams;
  /** The expanded row's contents, rendered by the server for `?open=`. */
  open: { groupId: string; contents: Contents } | null;
  sectionLimit: number;
  manager: boolean;
};

const groupOfDialog = (d: GroupDialog) => d.group.id;

// Loaded when first opened (components/ui/on-demand.ts).
const EditGroupDialog = dynamic(() => import("./group-form-dialog").then((m) => m.EditGroupDialog));
const DeleteGroupDialog = dynamic(() => import("./delete-group-dialog").then((m) => m.DeleteGroupDialog));

export function GroupsTable({ slug, rows, total, view, open, sectionLimit, manager }: Props) {
  const router = useRouter();
  const { update, pending } = useUrlState();
  const { openId, toggle, pending: opening } = useOpenGroup(view.open);
  const { dialog, open: openDialog, close: closeDialog, returnFocus } = useRowDialog<GroupDialog>("group-actions", groupOfDialog);
  const editMounted = useOpenedOnce(dialog?.kind === "edit");
  const deleteMounted = useOpenedOnce(dialog?.kind === "delete");
  const onDeleted = (groupId: string) => (openId === groupId ? update({ open: null }, { replace: true }) : router.refresh());

  const columns = useMemo(() => groupColumns({ openId, onToggle: toggle, onOpenDialog: manager ? openDialog : null }), [openId, toggle, manager, openDialog]);
  // The React Compiler is not used in Roster, so TanStack's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualFiltering: true, rowCount: total, getRowId: (row) => row.id });

  return (
    <div className="grid gap-4">
      <ListToolbar id="group-search" label="Search by name" placeholder="e.g. support" q={view.q} onChange={update} />
      {/* min-w-0: a grid item grows to its content; without it a wide table widens the page instead of scrolling in its box. */}
      <div className="min-w-0 rounded-lg border bg-background" aria-busy={pending || opening}>
        <Table aria-label="Groups" aria-describedby="groups-summary">
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead key={header.id} className={header.id === "actions" ? "w-12" : COUNT_COLUMNS.has(header.id) ? "w-24" : undefined}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <TableRow className={openId === row.id ? "border-b-0 bg-muted/30" : undefined}>
                  {row.getVisibleCells().map((cell) => (
                    <TableCell key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</TableCell>
                  ))}
                </TableRow>
                {openId === row.id ? (
                  <TableRow id={contentsRowId(row.id)} className="bg-muted/30 hover:bg-muted/30">
                    <TableCell colSpan={columns.length} className="p-4 pt-0 whitespace-normal">
                      {open?.groupId === row.id ? (
                        <GroupContents slug={slug} group={row.original} contents={open.contents} sectionLimit={sectionLimit} manager={manager} />
                      ) : (
                        <p className="py-4 text-muted-foreground" role="status">
                          Loading {row.original.name}…
                        </p>
                      )}
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            ))}
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-32 text-center whitespace-normal text-muted-foreground">
                  <EmptyState q={view.q} manager={manager} onClear={() => update({ q: null, page: null })} />
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
      <ListPagination summaryId="groups-summary" noun="group" total={total} page={view.page} size={LIST_PAGE_SIZE} onChange={update} />
      {editMounted ? <EditGroupDialog slug={slug} group={dialog?.kind === "edit" ? dialog.group : null} onClose={closeDialog} onCloseAutoFocus={returnFocus} /> : null}
      {deleteMounted ? (
        <DeleteGroupDialog slug={slug} group={dialog?.kind === "delete" ? dialog.group : null} onClose={closeDialog} onDeleted={onDeleted} onCloseAutoFocus={returnFocus} />
      ) : null}
    </div>
  );
}

function EmptyState({ q, manager, onClear }: { q: string; manager: boolean; onClear: () => void }) {
  if (q) {
    return (
      <>
        No groups match “{q}”.
        <button type="button" className="ml-2 font-medium text-primary underline-offset-4 hover:underline" onClick={onClear}>
          Clear search
        </button>
      </>
    );
  }
  return (
    <>
      <span className="block font-medium text-foreground">No groups yet</span>
      {manager ? "Create one with New group to give a set of members the same agents and personas." : null}
    </>
  );
}
