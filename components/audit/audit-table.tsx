import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/actions";
import { formatDateTime, formatRelative } from "@/lib/format";
import { AuditActor } from "./audit-actor";
import { changeSummary } from "./change-summary";

export type AuditRowContext = {
  isMember: (userId: string) => boolean;
  membershipIdOf: (userId: string) => string | undefined;
  targetExists: (type: string | null, id: string | null) => boolean;
};

const TARGET_PATHS: Record<string, (id: string, context: AuditRowContext) => string> = {
  member: (id, context) => `/members/${context.membershipIdOf(id)}`,
  agent: (id) => `/agents/${id}`,
  persona: (id) => `/personas/${id}`,
  // Groups have no page of their own: the groups page lists them with their members.
  group: () => `/groups`,
};

export const actionLabel = (action: string) => (isAuditAction(action) ? AUDIT_ACTIONS[action] : action);

function Target({ slug, event, context }: { slug: string; event: AuditEvent; context: AuditRowContext }) {
  if (!event.targetLabel && !event.targetType) return <span className="text-muted-foreground">—</span>;
  const label = event.targetLabel ?? event.targetId ?? "";
  const path = event.targetType && event.targetId && context.targetExists(event.targetType, event.targetId) ? TARGET_PATHS[event.targetType]?.(event.targetId, context) : undefined;
  return (
    <span className="grid">
      {path ? (
        <Link href={`/w/${slug}${path}`} className="font-medium text-primary underline-offset-4 hover:underline">
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
export function AuditTable({ slug, rows, context, caption }: { slug: string; rows: AuditEvent[]; context: AuditRowContext; caption: string }) {
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
        {rows.map((event) => (
          <TableRow key={event.id} className="align-top">
            <TableCell className="align-top whitespace-nowrap">
              <time dateTime={event.createdAt.toISOString()} title={formatDateTime(event.createdAt)} className="grid">
                <span>{formatRelative(event.createdAt)}</span>
                <span className="text-xs text-muted-foreground">{formatDateTime(event.createdAt)}</span>
              </time>
            </TableCell>
            <TableCell className="max-w-56 align-top whitespace-normal">
              <AuditActor event={event} stillMember={!!event.actorId && context.isMember(event.actorId)} />
            </TableCell>
            <TableCell className="align-top whitespace-normal">
              <span className="font-medium">{actionLabel(event.action)}</span>
              <span className="block text-xs text-muted-foreground">{event.action}</span>
            </TableCell>
            <TableCell className="max-w-56 align-top whitespace-normal break-words">
              <Target slug={slug} event={event} context={context} />
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
                    <pre tabIndex={0} aria-label="The whole event, as recorded" className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-muted p-2 text-[11px]">{JSON.stringify(event, null, 2)}</pre>
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
