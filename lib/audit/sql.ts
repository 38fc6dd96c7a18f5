import "server-only";
import type { AuditCursor, AuditFilters } from "./filters";
import type { SearchMatches } from "./queries";

// The audit filters as SQL, for reads that go to the driver directly (the export). It says
// what `auditWhere` says, condition for condition; the integration tests run both on the
// same filters and expect the same events.

/** A query's bound values: every value goes in as a parameter, never into the SQL text. */
export class SqlParams {
  readonly values: unknown[] = [];
  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// Times travel as ISO 8601 text and are read as UTC: createdAt is a timestamp without time
// zone holding UTC, and a Date handed to the driver would be sent in the process's zone.
export const utc = (p: SqlParams, at: Date) => `(${p.add(at.toISOString())}::timestamptz AT TIME ZONE 'UTC')`;

/**
 * The conditions of `f` within the workspace, given what its text searches matched
 * (queries.ts resolves them, the same way for both readers).
 */
export function auditConditionsSql(p: SqlParams, workspaceId: string, f: AuditFilters, { actor, target }: SearchMatches): string {
  const and = [`"workspaceId" = ${p.add(workspaceId)}`];
  if (f.actions.length) and.push(`action = ANY(${p.add(f.actions)}::text[])`);
  if (f.since) and.push(`"createdAt" >= ${utc(p, f.since)}`);
  if (f.until) and.push(`"createdAt" < ${utc(p, f.until)}`);
  if (actor) {
    const or = [`"actorEmail" = ${p.add(actor.email)}`];
    if (actor.ids.length) or.unshift(`"actorId" = ANY(${p.add(actor.ids)}::text[])`);
    if (actor.system) or.push(`"actorType" = 'system'`);
    and.push(`(${or.join(" OR ")})`);
  }
  if (target) and.push(`("targetType" = 'member' AND "targetId" = ANY(${p.add(target)}::text[]))`);
  if (f.member) {
    const member = p.add(f.member);
    and.push(`("actorId" = ${member} OR ("targetType" = 'member' AND "targetId" = ${member}))`);
  }
  return and.join(" AND ");
}

/** Strictly older than the cursor, as one row comparison: the (workspaceId, createdAt, id) index serves it as a range. */
export const olderThanSql = (p: SqlParams, c: AuditCursor) => `("createdAt", id) < (${utc(p, c.createdAt)}, ${p.add(c.id)})`;
