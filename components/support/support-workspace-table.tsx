import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import type { SupportWorkspaceRow } from "@/lib/support/queries";

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

/** The support page's list: each workspace with its two read-only pages. No actions: support staff change nothing. */
export function SupportWorkspaceTable({ rows, searched }: { rows: SupportWorkspaceRow[]; searched: boolean }) {
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Workspaces">
        <TableHeader>
          <TableRow>
            <TableHead>Name</TableHead>
            <TableHead>Slug</TableHead>
            <TableHead className="text-right">Members</TableHead>
            <TableHead>Created</TableHead>
            <TableHead>
              <span className="sr-only">Open</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((w) => (
            <TableRow key={w.id}>
              <TableCell className="font-medium">{w.name}</TableCell>
              <TableCell className="font-mono text-xs text-muted-foreground">{w.slug}</TableCell>
              <TableCell className="text-right tabular-nums">{w.members}</TableCell>
              <TableCell>
                <time dateTime={w.createdAt} title={formatDateTime(w.createdAt)}>
                  {formatDate(w.createdAt)}
                </time>
              </TableCell>
              <TableCell>
                <span className="flex justify-end gap-4 whitespace-nowrap">
                  <Link href={`/w/${w.slug}/members`} prefetch={false} className={LINK} aria-label={`Team members of ${w.name}`}>
                    Team members
                  </Link>
                  <Link href={`/w/${w.slug}/audit`} prefetch={false} className={LINK} aria-label={`Audit log of ${w.name}`}>
                    Audit log
                  </Link>
                </span>
              </TableCell>
            </TableRow>
          ))}
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="h-24 text-center text-muted-foreground">
                {searched ? "No workspace matches this search." : "No workspaces on this page."}
              </TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
