"use client";

import { useRowDialog } from "@/components/tables/use-row-dialog";
import { useMemo } from "react";
import dynamic from "next/dynamic";
import { useOpenedOnce } from "@/components/ui/on-demand";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import type { MemberRow } from "@/lib/members/queries";
import { MEMBER_SORTS, parseSort, type MemberSort } from "@/lib/members/list-view";
import type { MemberListParams } from "@/lib/members/schemas";
import { formatDate, formatDateTime, formatRelative, fullName } from "@/lib/format";
import { initials } from "@/lib/utils";
import { MembersToolbar } from "./members-toolbar";
import { MembersPagination } from "./members-pagination";
import { SortHeader } from "./sort-header";
import { MemberRowActions, type MemberDialog } from "./member-row-actions";
import { useUrlState } from "./use-url-state";
import Link from "next/link";

/**
 * `viewerRole: null`: support staff, who read the list and change nothing (no row has actions).
 * `showTwoFactor`: the viewer manages the team, so the rows carry `twoFactorOn` and the 2FA
 * column and filter are shown (lib/members/queries.ts `seesTwoFactor`). `capped`: a search
 * was counted only so far, and more than `total` members match it.
 */
type Props = { slug: string; rows: MemberRow[]; total: number; capped: boolean; view: MemberListParams; viewerRole: Role | null; showTwoFactor: boolean };

const memberOfDialog = (d: MemberDialog) => d.member.id;

/** The columns whose id is a sort field: their header is a sort button. */
const isSortField = (id: string): id is MemberSort => (MEMBER_SORTS as readonly string[]).includes(id);

// Loaded when first opened (components/ui/on-demand.ts).
const ChangeRoleDialog = dynamic(() => import("./change-role-dialog").then((m) => m.ChangeRoleDialog));
const RemoveMemberDialog = dynamic(() => import("./remove-member-dialog").then((m) => m.RemoveMemberDialog));

export function MembersTable({ slug, rows, total, capped, view, viewerRole, showTwoFactor }: Props) {
  const { update, pending } = useUrlState();
  // The remove dialog handles a row that is gone.
  const { dialog, open: openDialog, close: closeDialog, returnFocus } = useRowDialog<MemberDialog>("member-actions", memberOfDialog);
  const roleMounted = useOpenedOnce(dialog?.kind === "role");
  const removeMounted = useOpenedOnce(dialog?.kind === "remove");
  const sort = parseSort(view.sort);
  const anyActions = rows.some((r) => r.canManage);

  const columns = useMemo<ColumnDef<MemberRow>[]>(() => {
    const cols: ColumnDef<MemberRow>[] = [
      {
        id: "name",
        header: "Name",
        cell: ({ row: { original: m } }) => (
          <div className="flex items-center gap-3">
            <span className="initials" aria-hidden>
              {initials(m.firstName, m.lastName)}
            </span>
            <Link href={`/w/${slug}/members/${m.id}`} className="row-link">
              {fullName(m)}
            </Link>
            {m.isYou ? <Badge variant="outline">You</Badge> : null}
          </div>
        ),
      },
      { id: "email", header: "Email", cell: ({ row }) => row.original.email },
      {
        id: "role",
        header: "Role",
        cell: ({ row }) => <Badge variant={row.original.role === "owner" ? "default" : "secondary"}>{ROLE_LABELS[row.original.role]}</Badge>,
      },
      { id: "joined", header: "Joined", cell: ({ row }) => <time dateTime={row.original.joinedAt} title={formatDateTime(row.original.joinedAt)}>{formatDate(row.original.joinedAt)}</time> },
      {
        id: "active",
        header: "Last active",
        cell: ({ row }) =>
          row.original.lastActiveAt ? (
            <time dateTime={row.original.lastActiveAt} title={formatDateTime(row.original.lastActiveAt)} suppressHydrationWarning>
              {formatRelative(row.original.lastActiveAt)}
            </time>
          ) : (
            <span className="text-muted-foreground">Never</span>
          ),
      },
    ];
    if (showTwoFactor) {
      // Said in words, not only by colour, so it reads the same to everyone.
      cols.splice(3, 0, {
        id: "twoFactor",
        header: "2FA",
        cell: ({ row }) => <Badge variant={row.original.twoFactorOn ? "secondary" : "outline"}>{row.original.twoFactorOn ? "On" : "Off"}</Badge>,
      });
    }
    if (anyActions) {
      cols.push({
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (row.original.canManage ? <MemberRowActions member={row.original} onOpen={openDialog} /> : null),
      });
    }
    return cols;
  }, [slug, anyActions, openDialog, showTwoFactor]);

  // The React Compiler is not used in Roster, so TanStack's unmemoisable API is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    getRowId: (row) => row.id,
  });

  const filtered = Boolean(view.q || view.role || view.twofa);
  return (
    <div className="grid grid-cols-1 gap-4">
      <MembersToolbar view={view} onChange={update} showTwoFactor={showTwoFactor} />
      <div className="rounded-lg border bg-background" aria-busy={pending}>
        <Table aria-label="Team members" aria-describedby="members-summary">
          <TableHeader>
            {table.getHeaderGroups().map((group) => (
              <TableRow key={group.id}>
                {group.headers.map((header) => (
                  <TableHead
                    key={header.id}
                    aria-sort={header.id === sort.field ? (sort.desc ? "descending" : "ascending") : undefined}
                    className={header.id === "actions" ? "w-12" : undefined}
                  >
                    {isSortField(header.id) ? (
                      // Rendered here, not as the column's header function: that function is
                      // made anew whenever the sort changes, and React would replace the
                      // button, taking keyboard focus with it.
                      <SortHeader
                        label={String(header.column.columnDef.header)}
                        active={sort.field === header.id}
                        desc={sort.desc}
                        onSort={(desc) => update({ sort: desc ? `-${header.id}` : header.id, page: null })}
                      />
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </TableHead>
                ))}
              </TableRow>
            ))}
          </TableHeader>
          <TableBody>
            {table.getRowModel().rows.map((row) => (
              <TableRow key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} className={cell.column.id === "email" ? "text-muted-foreground" : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {rows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length} className="h-32 text-center text-muted-foreground">
                  {filtered ? "No members match this search or filter." : "No members yet."}
                  {filtered ? (
                    <button type="button" className="ml-2 font-medium text-primary underline-offset-4 hover:underline" onClick={() => update({ q: null, role: null, twofa: null, page: null })}>
                      Clear filters
                    </button>
                  ) : null}
                </TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </div>
      <MembersPagination total={total} capped={capped} page={view.page} size={view.size} onChange={update} />
      {viewerRole ? (
        <>
          {roleMounted ? <ChangeRoleDialog slug={slug} viewerRole={viewerRole} dialog={dialog} onClose={closeDialog} onCloseAutoFocus={returnFocus} /> : null}
          {removeMounted ? <RemoveMemberDialog slug={slug} dialog={dialog} onClose={closeDialog} onCloseAutoFocus={returnFocus} /> : null}
        </>
      ) : null}
    </div>
  );
}
