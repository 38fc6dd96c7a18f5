import { authorizeWorkspaceRead } from "@/lib/authz/guard";
import { userActor } from "@/lib/audit/record";
import { EXPORT_FORMATS, exportFilename, parseAuditFilters, searchParamsRecord } from "@/lib/audit/filters";
import { exportStream } from "@/lib/audit/export";
import { LIMITS, consumeAlone, formatWait } from "@/lib/rate-limit";

// GET /w/<slug>/audit/export?format=csv|ndjson&<the page's filters> — the filtered view as
// a download, streamed (lib/audit/export.ts), audited when complete.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const refuse = (error: string, status = 400, headers: Record<string, string> = {}) => Response.json({ error }, { status, headers: { "cache-control": "no-store", ...headers } });
  // A link on another site would send the session cookie (SameSite=Lax) and record an export
  // in the viewer's name with filters someone else chose: downloads start from Roster's pages.
  if (request.headers.get("sec-fetch-site") === "cross-site") return refuse("Start the export from the audit page.", 403);
  const access = await authorizeWorkspaceRead(slug, "audit:view");
  if (!access.ok) return access.response;
  const query = new URL(request.url).searchParams;
  // A format asked for by name must be one we write: a file in another format than the one
  // requested is worse than a clear refusal. No format means CSV.
  const asked = query.get("format");
  if (asked !== null && !(EXPORT_FORMATS as readonly string[]).includes(asked)) return refuse(`Unknown export format "${asked.slice(0, 20)}": use ${EXPORT_FORMATS.join(" or ")}.`);
  // Cursors name a page of the view; an export is the whole view.
  const filters = { ...parseAuditFilters(searchParamsRecord(query)), cursor: null };
  if (filters.rangeError) return refuse(filters.rangeError.message);
  const { workspace, user, viewer, request: meta } = access.ctx;
  const spec = LIMITS.auditExportsPerViewer;
  const limit = await consumeAlone(access.ctx.db, `audit-export:${workspace.id}:${user.id}`, spec);
  if (!limit.ok) return refuse(`You exported this log ${spec.limit} times in the last hour. Try again in ${formatWait(limit.retryAfterSeconds)}.`, 429, { "retry-after": String(limit.retryAfterSeconds) });
  const body = exportStream({ workspace, actor: userActor(user), filters, request: meta, supportVisit: viewer.kind === "support" });
  return new Response(body, {
    headers: {
      "content-type": filters.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFilename(workspace.slug, filters)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
