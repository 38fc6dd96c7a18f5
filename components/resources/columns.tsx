import Link from "next/link";
import type { ColumnDef } from "@tanstack/react-table";
import type { Creator } from "@/lib/resources/creator";
import type { VisibilityValue } from "@/lib/resources/values";
import { formatDateTime, formatRelative } from "@/lib/format";
import { CreatorName, VisibilityBadge } from "./badges";

/** What every agent and persona row has; the tables add their own columns around these. */
export type ResourceRowBase = { id: string; name: string; description: string; visibility: VisibilityValue; updatedAt: Date; creator: Creator };

/** Name (a link to the page), the Restricted badge, and the start of the description. */
export function nameColumn<T extends ResourceRowBase>(basePath: string): ColumnDef<T> {
  return {
    id: "name",
    header: "Name",
    cell: ({ row: { original: r } }) => (
      <div className="grid max-w-md gap-1">
        <span className="flex flex-wrap items-center gap-2">
          <Link href={`${basePath}/${r.id}`} className="font-medium underline-offset-4 hover:underline">
            {r.name}
          </Link>
          <VisibilityBadge visibility={r.visibility} />
        </span>
        {r.description ? (
          // One line here; the whole text is on the page, and in the title for a pointer.
          <span className="truncate text-muted-foreground" title={r.description}>
            {r.description}
          </span>
        ) : null}
      </div>
    ),
  };
}

export function creatorColumn<T extends ResourceRowBase>(): ColumnDef<T> {
  return { id: "creator", header: "Created by", cell: ({ row }) => <CreatorName creator={row.original.creator} /> };
}

export function updatedColumn<T extends ResourceRowBase>(): ColumnDef<T> {
  return {
    id: "updated",
    header: "Updated",
    cell: ({ row }) => (
      // Relative to now, which differs between the server's render and the browser's.
      <time dateTime={row.original.updatedAt.toISOString()} title={formatDateTime(row.original.updatedAt)} suppressHydrationWarning className="whitespace-nowrap">
        {formatRelative(row.original.updatedAt)}
      </time>
    ),
  };
}
