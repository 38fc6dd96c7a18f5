"use client";

// A client component although nothing in it is interactive beyond <details>: rendered on the
// server either way, but the page's payload then carries each row's event (about 0.7 KB)
// instead of its rendered tree (about 4 KB), and the server renders it once instead of
// twice. bench:audit measured the page at 1.6× the floor on PGlite as a server component
// and 1.2× as this, for 4 KB of JavaScript. The page works out what is true of each row now
// (audit-rows.ts), so what crosses is plain data; `now` comes from the server, so "3 minutes
// ago" reads the same when the browser hydrates.

import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { actionLabel } from "@/lib/audit/actions";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { AuditRowView } from "./audit-rows";
import { AuditActor } from "./audit-actor";
import { changeSummary } from "./change-summary";
import { eventRecord } from "./event-record";

function Target({ event, href }: { event: AuditEvent; href: string | null }) {
  if (!event.targetLabel && !event.targetType) return <span className="text-muted-foreground">—</span>;
  const label = event.targetLabel ?? event.targetId ?? "";
  return (
    <span className="grid">
      {href ? (
        <Link href={href} className="font-medium text-primary underline-offset-4 hover:underline">
          {label}
        </Link>
      ) : (
        <span>{label}</span>
      )}
      <span className="text-xs text-muted-foreground">{event.targetType}</span>
    </span>
  );
}

// Cells wrap and align to the top (the table's default is one line, centred): a long change
// or an opened row's details must not run over the next column.
/** The audit log as a table, newest first; each row's details (address, browser, the whole event) open in place. */
export function AuditTable({ rows, caption, now }: { rows: AuditRowView[]; caption: string; now: number }) {
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Time</TableHead>
          <TableHead scope="col">Actor</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">Target</TableHead>
          <TableHead scope="col">Change</TableHead>
          <TableHead scope="col">Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(({ event, actorIsMember, targetHref }) => (
          <TableRow key={event.id} className="align-top">
            <TableCell className="align-top whitespace-nowrap">
              <time dateTime={event.createdAt.toISOString()} className="grid">
                <span>{formatRelative(event.createdAt, now)}</span>
                <span className="text-xs text-muted-foreground">{formatDateTime(event.createdAt)}</span>
              </time>
            </TableCell>
            <TableCell className="max-w-56 align-top whitespace-normal">
              <AuditActor event={event} stillMember={actorIsMember} />
            </TableCell>
            <TableCell className="align-top whitespace-normal">
              <span className="font-medium">{actionLabel(event.action)}</span>
              <span className="block text-xs text-muted-foreground">{event.action}</span>
            </TableCell>
            <TableCell className="max-w-56 align-top whitespace-normal break-words">
              <Target event={event} href={targetHref} />
            </TableCell>
            <TableCell className="max-w-72 align-top whitespace-normal text-sm [overflow-wrap:anywhere]">{changeSummary(event.before, event.after) || <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="align-top whitespace-normal">
              <details className="group max-w-80">
                <summary className="cursor-pointer rounded-sm text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring">
                  {/* The summary's own state (open/closed) is announced; the words follow it for sighted users. */}
                  <span className="group-open:hidden">Show details</span>
                  <span className="hidden group-open:inline">Hide details</span>
                  <span className="sr-only"> of {actionLabel(event.action)}, {formatDateTime(event.createdAt)}</span>
                </summary>
                <dl className="mt-2 grid gap-1 text-xs">
                  <dt className="font-medium">IP address</dt>
                  <dd className="text-muted-foreground">{event.ip ?? "—"}</dd>
                  <dt className="font-medium">Browser</dt>
                  <dd className="break-words text-muted-foreground">{event.userAgent ?? "—"}</dd>
                  <dt className="font-medium">Event</dt>
                  <dd>
                    <pre tabIndex={0} aria-label="The whole event, as recorded" className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-[11px]">{eventRecord(event)}</pre>
                  </dd>
                </dl>
              </details>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
