import "server-only";
import { prisma } from "@/lib/db";
import { recordAudit, type AuditActor } from "./record";
import { EXPORT_COLUMNS, iterateExportRows, type ExportRow } from "./export-rows";
import { describeFilters, type AuditFilters, type ExportFormat } from "./filters";

const FORMULA = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, with quotes
 * doubled. A value a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a
 * leading apostrophe, so opening the export never executes what someone typed as a name.
 * Numbers and JSON are data, never formulas: JSON text starts with {, [, " or a digit, or
 * is a negative number, which a spreadsheet reads as that number.
 */
export function csvField(value: string | number | null, kind: "text" | "data" = "text"): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (kind === "text" && typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  // Quoted also for ";" and tab: spreadsheets that split on them would otherwise start a
  // new cell there, and a formula could hide after the separator.
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const DATA_COLUMNS = new Set<string>(["before", "after", "seq"]);

export function csvHeader(): string {
  return `${EXPORT_COLUMNS.join(",")}\r\n`;
}

export function csvRow(row: ExportRow): string {
  let line = "";
  EXPORT_COLUMNS.forEach((c, i) => (line += (i ? "," : "") + csvField(row[c], DATA_COLUMNS.has(c) ? "data" : "text")));
  return `${line}\r\n`;
}

/** One JSON object per line; before and after are embedded as the JSON they are. */
export function ndjsonRow(row: ExportRow): string {
  let line = "";
  for (const c of EXPORT_COLUMNS) {
    const v = row[c];
    const json = v === null ? "null" : c === "before" || c === "after" ? (v as string) : JSON.stringify(v);
    line += `${line ? "," : "{"}"${c}":${json}`;
  }
  return `${line}}\n`;
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
  workspace: { id: string; slug: string; name: string };
  actor: AuditActor;
  filters: AuditFilters;
  request: { ip: string | null; userAgent: string | null };
  /** Set for support staff: their visit is recorded before the first row is sent. */
  supportVisit?: boolean;
  batchSize?: number;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = iterateExportRows(input.workspace.id, input.filters, input.batchSize);
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
      target: { type: "workspace", id: input.workspace.id, label: input.workspace.name },
      after: JSON.parse(JSON.stringify(after)),
      ip: input.request.ip,
      userAgent: input.request.userAgent,
    });
  const finish = async (complete: boolean) => {
    if (recorded) return;
    recorded = true;
    // `support: true` says who exported: support staff are no members, and the page marks them so.
    await record("audit.exported", { format, rows, filters: describeFilters(input.filters), ...(complete ? {} : { complete: false }), ...(input.supportVisit ? { support: true } : {}) });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        if (input.supportVisit) await record("support.viewed", { page: "export", format, filters: describeFilters(input.filters) });
        if (format === "csv") return controller.enqueue(encoder.encode(csvHeader()));
      }
      let next: IteratorResult<ExportRow[]>;
      try {
        next = await batches.next();
      } catch (error) {
        // The stream breaks; what was sent until then is still recorded (cancel() does not run on an error).
        await finish(false);
        throw error;
      }
      if (next.done) {
        await finish(true);
        controller.close();
        return;
      }
      rows += next.value.length;
      let chunk = "";
      for (const r of next.value) chunk += row(r);
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await batches.return(undefined);
      await finish(false);
    },
  }, { highWaterMark: 1 });
}
