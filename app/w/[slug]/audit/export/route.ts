import { authorizeWorkspaceRead } from "@/lib/authz/guard";
import { userActor } from "@/lib/audit/record";
import { exportFilename, parseAuditFilters, searchParamsRecord } from "@/lib/audit/filters";
import { exportStream } from "@/lib/audit/export";

// GET /w/<slug>/audit/export?format=csv|ndjson&<the page's filters> — the filtered view as
// a download, streamed (lib/audit/export.ts), audited when complete.
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await authorizeWorkspaceRead(slug, "audit:view");
  if (!access.ok) return access.response;
  // Cursors name a page of the view; an export is the whole view.
  const filters = { ...parseAuditFilters(searchParamsRecord(new URL(request.url).searchParams)), cursor: null };
  if (filters.rangeError) return Response.json({ error: filters.rangeError.message }, { status: 400, headers: { "cache-control": "no-store" } });
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
