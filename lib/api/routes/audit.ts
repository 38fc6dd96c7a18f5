import "server-only";
import { EXPORT_COLUMNS } from "@/lib/audit/export-rows";
import { apiExportAuditEvents, apiListAuditEvents, auditExportQuerySchema, auditListQuerySchema } from "../audit";
import { auditEventSchema, listOf } from "../schemas";
import { defineRoute } from "../route";
import { reply } from "./reply";

export const auditRoutes = [
  defineRoute({
    operationId: "listAuditEvents",
    method: "GET",
    path: "/audit-events",
    tag: "Audit",
    summary: "List audit events",
    description:
      "Newest first, with the audit page's filters: `action` (repeatable), `actor` and `target` searches, `member` (a user id), `range` (24h, 7d, 30d, all, custom with `from`/`to` as YYYY-MM-DD). Paged by a keyset cursor.",
    permission: "audit:view",
    query: auditListQuerySchema,
    success: { status: 200, description: "One page of events.", schema: listOf(auditEventSchema) },
    refusals: [403, 422],
    run: ({ slug, query }) => reply(apiListAuditEvents(slug, query), (page) => page),
  }),
  defineRoute({
    operationId: "exportAuditEvents",
    method: "GET",
    path: "/audit-events/export",
    tag: "Audit",
    summary: "Export audit events",
    description: `The whole filtered log, streamed as NDJSON (default) or CSV, with the columns ${EXPORT_COLUMNS.join(", ")}. Recorded as an audit event of the key. At most 30 exports an hour per member.`,
    permission: "audit:view",
    query: auditExportQuerySchema,
    success: {
      status: 200,
      description: "The events, one per line.",
      media: { "application/x-ndjson": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } } },
    },
    refusals: [403, 422],
    run: async ({ slug, query }) => {
      const result = await apiExportAuditEvents(slug, query);
      return result.ok ? result.data : result;
    },
  }),
];
