import "server-only";
import * as z from "@/lib/zod";
import { prisma } from "@/lib/db";
import { workspaceQuery } from "@/lib/authz/guard";
import { apiKeyActor, userActor } from "@/lib/audit/record";
import { AUDIT_RANGES, EXPORT_FORMATS, decodeCursor, encodeCursor, parseAuditFilters } from "@/lib/audit/filters";
import { auditWhere } from "@/lib/audit/queries";
import { exportStream } from "@/lib/audit/export";
import { actionLabel } from "@/lib/audit/actions";
import { readRequestContext } from "@/lib/auth/request-context";
import { LIMITS, consumeAlone } from "@/lib/rate-limit";
import { Refusal } from "@/lib/core/result";
import type { AuditEvent } from "@/lib/generated/prisma/client";
import { cursorSchema, limitSchema } from "./schemas";

// The audit log through the API: the page's filters (lib/audit/filters.ts, parsed as the
// page parses them) and its keyset order, newest first, with `limit` rows a page; and the
// page's export, streamed, recorded as the key's.

const text = z.optional(z.string().check(z.maxLength(200)));
const filterFields = {
  action: z.optional(z.union([z.string(), z.array(z.string())])),
  actor: text,
  target: text,
  member: text,
  range: z.optional(z.enum(AUDIT_RANGES)),
  from: text,
  to: text,
};
export const auditListQuerySchema = z.object({ ...filterFields, cursor: cursorSchema, limit: limitSchema });
export const auditExportQuerySchema = z.object({ ...filterFields, format: z._default(z.enum(EXPORT_FORMATS), "ndjson") });

function filtersOf(query: Record<string, unknown>) {
  const { cursor: _cursor, limit: _limit, ...rest } = query;
  const filters = { ...parseAuditFilters(rest as Record<string, string | string[]>), cursor: null };
  if (filters.rangeError) throw new Refusal("invalid_input", filters.rangeError.message, { fieldErrors: { [filters.rangeError.field]: [filters.rangeError.message] } });
  return filters;
}

export function auditEventView(e: AuditEvent) {
  return {
    id: e.id,
    seq: e.seq,
    time: e.createdAt.toISOString(),
    action: e.action,
    actionLabel: actionLabel(e.action),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName, email: e.actorEmail, keyId: e.actorKeyId, keyName: e.actorKeyName },
    target: e.targetType ? { type: e.targetType, id: e.targetId, label: e.targetLabel } : null,
    before: e.before,
    after: e.after,
    ip: e.ip,
    userAgent: e.userAgent,
    hash: e.hash,
  };
}

export const apiListAuditEvents = workspaceQuery("audit:view", auditListQuerySchema, async (input, { workspace }) => {
  const filters = filtersOf(input);
  const at = input.cursor ? decodeCursor(input.cursor) : null;
  if (input.cursor && !at) throw new Refusal("invalid_input", "Not a cursor this API gave.", { fieldErrors: { cursor: ["Not a cursor this API gave."] } });
  const where = await auditWhere(workspace.id, filters);
  const older = at ? { OR: [{ createdAt: { lt: at.createdAt } }, { createdAt: at.createdAt, id: { lt: at.id } }] } : {};
  const found = await prisma.auditEvent.findMany({ where: { AND: [where, older] }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1 });
  const rows = found.slice(0, input.limit);
  const last = rows.at(-1);
  return { data: rows.map(auditEventView), next_cursor: found.length > input.limit && last ? encodeCursor(last) : null };
});

/** What the export needs once the guard has let the key's member read the log: the limit counted, then the stream. */
export const apiExportAuditEvents = workspaceQuery("audit:view", auditExportQuerySchema, async (input, { workspace, user, apiKey }) => {
  const filters = { ...filtersOf(input), format: input.format };
  const limit = await consumeAlone(prisma, `audit-export:${workspace.id}:${user.id}`, LIMITS.auditExportsPerViewer);
  if (!limit.ok) throw new Refusal("rate_limited", `At most ${LIMITS.auditExportsPerViewer.limit} exports an hour. Try again in ${limit.retryAfterSeconds} seconds.`, { retryAfterSeconds: limit.retryAfterSeconds });
  const request = await readRequestContext();
  const actor = apiKey ? apiKeyActor(user, apiKey) : userActor(user);
  const stream = exportStream({ workspace, actor, filters, request });
  return new Response(stream, {
    headers: {
      "content-type": filters.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
