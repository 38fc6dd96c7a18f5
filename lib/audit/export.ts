import "server-only";
import { prisma } from "@/lib/db";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, isAuditAction } from "./actions";
import { recordAudit, type AuditActor } from "./record";
import { iterateAuditEvents } from "./queries";
import { describeFilters, type AuditFilters, type ExportFormat } from "./filters";

const COLUMNS = ["time", "action", "actionLabel", "actorType", "actorId", "actorName", "actorEmail", "targetType", "targetId", "targetLabel", "before", "after", "ip", "userAgent", "id", "seq", "hash"] as const;
type Column = (typeof COLUMNS)[number];

function flatten(e: AuditEvent): Record<Column, string | number | null | object> {
  return {
    time: e.createdAt.toISOString(),
    action: e.action,
    actionLabel: isAuditAction(e.action) ? AUDIT_ACTIONS[e.action] : e.action,
    actorType: e.actorType,
    actorId: e.actorId,
    actorName: e.actorName,
    actorEmail: e.actorEmail,
    targetType: e.targetType,
    targetId: e.targetId,
    targetLabel: e.targetLabel,
    before: e.before as object | null,
    after: e.after as object | null,
    ip: e.ip,
    userAgent: e.userAgent,
    id: e.id,
    seq: e.seq,
    hash: e.hash,
  };
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, with quotes
 * doubled. A value a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, so opening the export never executes what someone typed as a name.
 */
export function csvField(value: string | number | null | object): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "object" ? JSON.stringify(value) : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  // Quoted also for ";" and tab: spreadsheets that split on them would otherwise start a
  // new cell there, and a formula could hide after the separator.
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return `${COLUMNS.join(",")}\r\n`;
}

export function csvRow(e: AuditEvent): string {
  const row = flatten(e);
  return `${COLUMNS.map((c) => csvField(row[c])).join(",")}\r\n`;
}

export function ndjsonRow(e: AuditEvent): string {
  return `${JSON.stringify(flatten(e))}\n`;
}

/**
 * The export as a stream: batches are read from the database only as the client takes
 * them (pull), so memory holds one batch whatever the size. When the last row has been
 * sent, one `audit.exported` event records who exported, which view, the format and the
 * row count. A download abandoned half-way is recorded too (`complete: false`, with the
 * rows sent until then), so stopping early never hides that rows left. Support staff's
 * exports are also recorded as a `support.viewed` visit of the export, before any row.
 */
export function exportStream(input: {
  workspace: { id: string; slug: string };
  actor: AuditActor;
  filters: AuditFilters;
  request: { ip: string | null; userAgent: string | null };
  /** Set for support staff: their visit is recorded before the first row is sent. */
  supportVisit?: boolean;
  batchSize?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = iterateAuditEvents(input.workspace.id, input.filters, input.batchSize);
  const format: ExportFormat = input.filters.format;
  const row = format === "csv" ? csvRow : ndjsonRow;
  let rows = 0;
  let started = false;
  let recorded = false;
  const record = async (action: "audit.exported" | "support.viewed", after: Record<string, unknown>) =>
    recordAudit(prisma, {
      workspaceId: input.workspace.id,
      action,
      actor: input.actor,
      target: { type: "workspace", id: input.workspace.id, label: input.workspace.slug },
      after: JSON.parse(JSON.stringify(after)),
      ip: input.request.ip,
      userAgent: input.request.userAgent,
    });
  const finish = async (complete: boolean) => {
    if (recorded) return;
    recorded = true;
    await record("audit.exported", { format, rows, filters: describeFilters(input.filters), ...(complete ? {} : { complete: false }) });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (input.supportVisit) await record("support.viewed", { page: "export", format, filters: describeFilters(input.filters) });
        if (format === "csv") return controller.enqueue(encoder.encode(csvHeader()));
      }
      const next = await batches.next();
      if (next.done) {
        await finish(true);
        controller.close();
        return;
      }
      rows += next.value.length;
      controller.enqueue(encoder.encode(next.value.map(row).join("")));
    },
    async cancel() {
      await batches.return(undefined);
      await finish(false);
    },
  }, { highWaterMark: 1 });
}
