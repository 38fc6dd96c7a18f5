import type { AuditAction } from "./actions";

// The audit filters' values and types, and their URL parameters: what the filter form (a
// client component) needs, without the zod schema that parses them (./filters.ts, which
// re-exports these), so that the audit page ships no zod to the browser.

export const AUDIT_RANGES = ["all", "24h", "7d", "30d", "custom"] as const;
export type AuditRange = (typeof AUDIT_RANGES)[number];
export const AUDIT_RANGE_LABELS: Record<AuditRange, string> = {
  all: "All time",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  custom: "Custom dates",
};

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A keyset position: the (createdAt, id) of the event a page starts after. */
export type AuditCursor = { createdAt: Date; id: string };

/** The longest actor or target search. */
export const AUDIT_SEARCH_MAX = 100;

export type AuditFilters = {
  actions: AuditAction[];
  /** Free text matched against the actor's name or email. */
  actor: string;
  /** Free text matched against the name or email of the member an event was about. */
  target: string;
  /** A user id: events by them, or about them as a member. */
  member: string | null;
  range: AuditRange;
  /** The custom dates as typed (YYYY-MM-DD, UTC days), for the form. */
  from: string;
  to: string;
  /** The time window the range resolves to: `since` inclusive, `until` exclusive. */
  since: Date | null;
  until: Date | null;
  /** Dates that cannot be used; the page shows the message and lists nothing until they are fixed. */
  rangeError: { field: "from" | "to"; message: string } | null;
  /** Where a page starts; a cursor that does not decode is dropped (the first page). */
  cursor: { direction: "before" | "after"; at: AuditCursor } | null;
  format: ExportFormat;
};

/** The filters as URL parameters (cursors left out): the export links and the paging links start from these. */
export function filterParams(f: Pick<AuditFilters, "actions" | "actor" | "target" | "member" | "range" | "from" | "to">): URLSearchParams {
  const params = new URLSearchParams();
  for (const action of f.actions) params.append("action", action);
  if (f.actor) params.set("actor", f.actor);
  if (f.target) params.set("target", f.target);
  if (f.member) params.set("member", f.member);
  if (f.range !== "all") params.set("range", f.range);
  if (f.range === "custom" && f.from) params.set("from", f.from);
  if (f.range === "custom" && f.to) params.set("to", f.to);
  return params;
}
