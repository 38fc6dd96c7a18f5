import { authorizeWorkspaceRead } from "@/lib/authz/guard";
import { userActor } from "@/lib/audit/record";
import { EXPORT_FORMATS, exportFilename, parseAuditFilters, searchParamsRecord } from "@/lib/audit/filters";
import { exportStream } from "@/lib/audit/export";

// GET /w/<slug>/audit/export?format=csv|ndjson&<the page's filters> — the filtered view as
// a download, streamed (lib/audit/export.ts), audited when complete.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await authorizeWorkspaceRead(slug, "audit:view");
  if (!access.ok) return access.response;
  const query = new URL(request.url).searchParams;
  const refuse = (error: string) => Response.json({ error }, { status: 400, headers: { "cache-control": "no-store" } });
  // A format asked for by name must be one we write: a file in another format than the one
  // requested is worse than a clear refusal. No format means CSV.
  const asked = query.get("format");
  if (asked !== null && !(EXPORT_FORMATS as readonly string[]).includes(asked)) return refuse(`Unknown export format "${asked.slice(0, 20)}": use ${EXPORT_FORMATS.join(" or ")}.`);
  // Cursors name a page of the view; an export is the whole view.
  const filters = { ...parseAuditFilters(searchParamsRecord(query)), cursor: null };
  if (filters.rangeError) return refuse(filters.rangeError.message);
  const { workspace, user, viewer, request: meta } = access.ctx;
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
