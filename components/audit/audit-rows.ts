import type { AuditEvent } from "@/lib/generated/prisma/client";
import { actionLabel } from "@/lib/audit/actions";

/** What the page found out about one row's people and things: whether they still exist here. */
export type AuditRowContext = {
  isMember: (userId: string) => boolean;
  membershipIdOf: (userId: string) => string | undefined;
  targetExists: (type: string | null, id: string | null) => boolean;
};

/**
 * One row as the table renders it: the event, its action in words (named here, so the
 * table, a client component, does not ship every label), and what is true of it now.
 * Plain data, so it can cross to the client.
 */
export type AuditRowView = { event: AuditEvent; action: string; actorIsMember: boolean; targetHref: string | null };

const TARGET_PATHS: Record<string, (id: string, context: AuditRowContext) => string> = {
  member: (id, context) => `/members/${context.membershipIdOf(id)}`,
  agent: (id) => `/agents/${id}`,
  persona: (id) => `/personas/${id}`,
  // Groups have no page of their own: the groups page lists them with their members.
  group: () => `/groups`,
};

export function auditRowViews(slug: string, rows: AuditEvent[], context: AuditRowContext): AuditRowView[] {
  return rows.map((event) => {
    const path = event.targetType && event.targetId && context.targetExists(event.targetType, event.targetId) ? TARGET_PATHS[event.targetType]?.(event.targetId, context) : undefined;
    return { event, action: actionLabel(event.action), actorIsMember: !!event.actorId && context.isMember(event.actorId), targetHref: path ? `/w/${slug}${path}` : null };
  });
}
