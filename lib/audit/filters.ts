import * as z from "@/lib/zod";
import { isAuditAction, type AuditAction } from "./actions";
import { AUDIT_RANGES, AUDIT_SEARCH_MAX, EXPORT_FORMATS, type AuditCursor, type AuditFilters, type AuditRange } from "./filter-values";

// The values, types and helpers the filter form needs, without zod: ./filter-values.ts.
export {
  AUDIT_RANGES,
  AUDIT_RANGE_LABELS,
  AUDIT_SEARCH_MAX,
  EXPORT_FORMATS,
  filterParams,
  type AuditCursor,
  type AuditFilters,
  type AuditRange,
  type ExportFormat,
} from "./filter-values";

// The audit page's view as it lives in the URL (and the export route's query): reload,
// back and a shared link give the same view. Nothing here throws: a value that does not
// parse is dropped, except dates the person typed, which come back with a message the
// page shows next to them (never a 500). No database here, so the filter form can import
// the constants; the queries that apply the filters are in ./queries.ts.

// 25 rows, as the members and agents lists show: each row carries its whole event for
// "Show details", and at 50 the page cost 1.5–1.7× a plain page to render (README, bench:audit).
export const AUDIT_PAGE_SIZE = 25;

const PRESET_MS: Partial<Record<AuditRange, number>> = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 };
const DAY_MS = 86_400_000;


/** Ids Roster makes (cuid) and any id another table hands out: short, URL-safe. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const firstOf = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const listOf = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
// PostgreSQL cannot hold U+0000 in text; a search for it would be a database error.
const withoutNul = (s: string) => s.replaceAll("\u0000", "");

// Longer text is cut to the limit (the form's fields allow no more), never dropped: a
// dropped search would list, and export, everything instead of what was asked for.
const text = (max: number) =>
  z._default(
    z.preprocess(
      firstOf,
      z.catch(
        z.pipe(
          z.string(),
          z.transform((s: string) => withoutNul(s).trim().slice(0, max).trim()),
        ),
        "",
      ),
    ),
    "",
  );

/** The raw parameters, each parsed on its own; `parseAuditFilters` turns them into a query. */
export const auditFilterParamsSchema = z.object({
  // Repeatable (`?action=a&action=b`); an action Roster does not record is dropped.
  action: z.pipe(
    z.preprocess(listOf, z.catch(z.array(z.unknown()), [])),
    z.transform((values: unknown[]) => [...new Set(values.filter((v): v is AuditAction => typeof v === "string" && isAuditAction(v)))]),
  ),
  actor: text(AUDIT_SEARCH_MAX),
  target: text(AUDIT_SEARCH_MAX),
  member: z.preprocess(firstOf, z.catch(z.optional(z.string().check(z.regex(ID))), undefined)),
  range: z.preprocess(firstOf, z.catch(z.optional(z.enum(AUDIT_RANGES)), undefined)),
  // Kept as typed (bounded), so the form shows what was entered next to the message about it.
  from: text(40),
  to: text(40),
  before: z.preprocess(firstOf, z.catch(z.optional(z.string().check(z.maxLength(200))), undefined)),
  after: z.preprocess(firstOf, z.catch(z.optional(z.string().check(z.maxLength(200))), undefined)),
  format: z._default(z.preprocess(firstOf, z.catch(z.enum(EXPORT_FORMATS), "csv")), "csv"),
});


/** Next's `searchParams` shape, from a URL's own (the export route reads a Request). */
export function searchParamsRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

// Up to 9998: the day after an end date must still be a four-digit year in ISO 8601
// (year 10000 is "+010000-…", which the database refuses).
const FIRST_YEAR = 1970;
const LAST_YEAR = 9998;
const inYears = (year: number) => year >= FIRST_YEAR && year <= LAST_YEAR;

/** A UTC day as typed, or null: the shape and the calendar both (2026-02-30 is not a day). */
function parseDay(value: string): Date | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!inYears(year)) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10) === value ? date : null;
}

// The cursor holds nothing secret (a time and an event id), and needs no signature: the
// workspace is always part of the query, so a made-up cursor only moves within it.
// base64url keeps it opaque and URL-safe; btoa/atob exist in Node and in browsers alike.
export function encodeCursor(cursor: AuditCursor): string {
  return btoa(`${cursor.createdAt.toISOString()}|${cursor.id}`).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeCursor(value: string): AuditCursor | null {
  let decoded: string;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(value)) return null;
    decoded = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
  } catch {
    return null;
  }
  const [iso, id, ...rest] = decoded.split("|");
  if (rest.length > 0 || !iso || !id || !ISO_MS.test(iso) || !ID.test(id)) return null;
  const createdAt = new Date(iso);
  return Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== iso ? null : { createdAt, id };
}

/** Why a typed day was refused: its shape, or a day outside the years the log can hold. */
function dayError(which: "start" | "end", value: string, example: string): string {
  const shown = value.length > 20 ? `${value.slice(0, 20)}…` : value;
  const m = DAY.exec(value);
  if (m && !inYears(Number(m[1]))) return `The ${which} date (${shown}) must fall between ${FIRST_YEAR}-01-01 and ${LAST_YEAR}-12-31.`;
  return `The ${which} date "${shown}" is not a date: use YYYY-MM-DD, e.g. ${example}.`;
}

function resolveRange(range: AuditRange, from: string, to: string, now: Date): Pick<AuditFilters, "since" | "until" | "rangeError"> {
  const preset = PRESET_MS[range];
  if (preset) return { since: new Date(now.getTime() - preset), until: null, rangeError: null };
  if (range !== "custom") return { since: null, until: null, rangeError: null };
  const since = from ? parseDay(from) : null;
  const last = to ? parseDay(to) : null;
  if (from && !since) return { since: null, until: null, rangeError: { field: "from", message: dayError("start", from, "2026-03-01") } };
  if (to && !last) return { since: null, until: null, rangeError: { field: "to", message: dayError("end", to, "2026-03-31") } };
  if (since && last && since > last) return { since: null, until: null, rangeError: { field: "from", message: `The start date (${from}) is after the end date (${to}).` } };
  // The end date is a whole day: events before the next midnight (UTC).
  return { since, until: last ? new Date(last.getTime() + DAY_MS) : null, rangeError: null };
}

/** The page's (or the export's) filters from its URL parameters. `now` is for the presets. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>, now = new Date()): AuditFilters {
  const raw = auditFilterParamsSchema.parse(params);
  // Dates typed while "All time" was chosen mean those dates too (the form always sends a range).
  const range = raw.range && raw.range !== "all" ? raw.range : raw.from || raw.to ? "custom" : "all";
  const before = raw.before ? decodeCursor(raw.before) : null;
  const after = raw.after ? decodeCursor(raw.after) : null;
  // Both at once names no page: the first page, as for any cursor that does not decode.
  const cursor = before && !after ? { direction: "before" as const, at: before } : after && !before ? { direction: "after" as const, at: after } : null;
  return {
    actions: raw.action,
    actor: raw.actor,
    target: raw.target,
    member: raw.member ?? null,
    range,
    from: range === "custom" ? raw.from : "",
    to: range === "custom" ? raw.to : "",
    ...resolveRange(range, raw.from, raw.to, now),
    cursor,
    format: raw.format,
  };
}

/** Whether anything narrows the list (the empty state says "no events match" rather than "no events yet"). */
export const isFiltered = (f: AuditFilters) => f.actions.length > 0 || f.actor !== "" || f.target !== "" || f.member !== null || f.range !== "all";


/** The filters an `audit.exported` event records: what was asked for, as it was asked. */
export function describeFilters(f: AuditFilters) {
  return { actions: f.actions, actor: f.actor || null, target: f.target || null, member: f.member, range: f.range, from: f.since?.toISOString() ?? null, to: f.until?.toISOString() ?? null };
}

/** `roster-audit-acme-2026-03-01-to-2026-03-07.csv`; `…-all.csv` when no range narrows it. */
export function exportFilename(slug: string, f: AuditFilters, now = new Date()): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const span = f.since || f.until ? `${f.since ? day(f.since) : "all"}-to-${day(f.until ? new Date(f.until.getTime() - 1) : now)}` : "all";
  return `roster-audit-${slug}-${span}.${f.format}`;
}
