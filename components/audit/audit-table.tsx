"use client";

// A client component: each row's details open and close. It also keeps the page light: the
// page's payload carries each row's event (about 0.7 KB) rather than its rendered tree
// (about 4 KB), and the server renders the rows once rather than twice (bench:audit: 1.6×
// the floor on PGlite as a server component, 1.1–1.3× as this, for 4 KB of JavaScript).
// The page works out what is true of each row now (audit-rows.ts), so what crosses is plain
// data; `now` comes from the server, so "3 minutes ago" reads the same when the browser
// hydrates.

import { useState } from "react";
import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { AuditRowView } from "./audit-rows";
import { AuditActor, actorName } from "./audit-actor";
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

const COLUMNS = 6;

/**
 * One event: its row, and once "Show details" is pressed, a second row across the whole
 * table with the address, the browser and the whole event. Opening one row so leaves the
 * columns as they were (details inside a cell widened their column and squeezed every
 * other row), and the event reads at full width, on a phone too.
 */
function AuditRow({ view: { event, action, actorIsMember, targetHref }, now }: { view: AuditRowView; now: number }) {
  const [open, setOpen] = useState(false);
  const detailsId = `audit-event-${event.id}`;
  const when = formatDateTime(event.createdAt);
  return (
    <>
      <TableRow className={open ? "border-b-0 bg-muted/30" : undefined}>
        <TableCell className="align-top whitespace-nowrap">
          <time dateTime={event.createdAt.toISOString()} className="grid">
            <span>{formatRelative(event.createdAt, now)}</span>
            <span className="text-xs text-muted-foreground">{when}</span>
          </time>
        </TableCell>
        <TableCell className="max-w-56 align-top whitespace-normal">
          <AuditActor event={event} stillMember={actorIsMember} />
        </TableCell>
        <TableCell className="align-top whitespace-normal">
          <span className="font-medium">{action}</span>
          <span className="block text-xs text-muted-foreground">{event.action}</span>
        </TableCell>
        <TableCell className="max-w-56 align-top whitespace-normal break-words">
          <Target event={event} href={targetHref} />
        </TableCell>
        <TableCell className="max-w-72 align-top whitespace-normal text-sm [overflow-wrap:anywhere]">{changeSummary(event.before, event.after) || <span className="text-muted-foreground">—</span>}</TableCell>
        <TableCell className="align-top">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={open ? detailsId : undefined}
            onClick={() => setOpen((was) => !was)}
            className="cursor-pointer rounded-sm text-sm font-medium text-primary underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
          >
            {open ? "Hide details" : "Show details"}
            {/* Rows of one minute differ by who acted: the name says both. */}
            <span className="sr-only">
              {" "}
              of {action} by {actorName(event)}, {when}
            </span>
          </button>
        </TableCell>
      </TableRow>
      {open ? (
        <TableRow id={detailsId} className="bg-muted/30">
          <TableCell colSpan={COLUMNS} className="whitespace-normal pt-0">
            {/* Zero wide for the table's layout, the cell's width on screen: a long address or line in the event must not widen the columns. */}
            <div className="w-0 min-w-full">
              <dl className="grid gap-x-6 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
                <dt className="font-medium">IP address</dt>
                <dd className="text-muted-foreground">{event.ip ?? "—"}</dd>
                <dt className="font-medium">Browser</dt>
                <dd className="text-muted-foreground [overflow-wrap:anywhere]">{event.userAgent ?? "—"}</dd>
                <dt className="font-medium">Event</dt>
                <dd className="min-w-0">
                  <pre tabIndex={0} aria-label="The whole event, as recorded" className="whitespace-pre-wrap rounded bg-muted p-2 text-[11px] [overflow-wrap:anywhere]">
                    {eventRecord(event)}
                  </pre>
                </dd>
              </dl>
            </div>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/** The audit log as a table, newest first; each row's details (address, browser, the whole event) open beneath it. */
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
        {rows.map((view) => (
          <AuditRow key={view.event.id} view={view} now={now} />
        ))}
      </TableBody>
    </Table>
  );
}
