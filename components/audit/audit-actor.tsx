import { Badge } from "@/components/ui/badge";
import type { AuditEvent } from "@/lib/generated/prisma/client";

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

/** Events support staff cause: their visits, and their exports (recorded with `support: true`). */
const bySupportStaff = (event: Pick<AuditEvent, "action" | "after">) =>
  event.action === "support.viewed" || (event.action === "audit.exported" && !!event.after && typeof event.after === "object" && (event.after as Record<string, unknown>).support === true);

/** The name an event's actor is shown by: as recorded, or what kind of actor it was. */
export function actorName(event: Pick<AuditEvent, "actorType" | "actorName"> & Partial<Pick<AuditEvent, "actorKeyName">>): string {
  if (event.actorType === "system") return "System";
  const name = event.actorName || (event.actorType === "anonymous" ? "Anonymous" : "Unknown");
  // A change made through the Team API names the key first: it is what acted, for its member.
  return event.actorType === "api_key" ? `key “${event.actorKeyName ?? "?"}” of ${name}` : name;
}

/** Who acted, as the event recorded them (name and email as they were then). */
export function AuditActor({ event, stillMember }: { event: Pick<AuditEvent, "action" | "actorType" | "actorName" | "actorEmail" | "after"> & Partial<Pick<AuditEvent, "actorKeyName">>; stillMember: boolean }) {
  const name = actorName(event);
  if (event.actorType === "system") return <span className="text-muted-foreground">{name}</span>;
  return (
    <span className="flex items-center gap-2">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary" aria-hidden>
        {initialsOf(name) || "?"}
      </span>
      <span className="grid min-w-0">
        <span className="truncate font-medium">
          {name}
          {/* Support staff are never members: their visits say who they are, not that they left. */}
          {bySupportStaff(event) ? (
            <Badge variant="outline" className="ml-2 align-middle">
              Support staff
            </Badge>
          ) : (event.actorType === "user" || event.actorType === "api_key") && !stillMember ? (
            <Badge variant="outline" className="ml-2 align-middle">
              [Removed user]
            </Badge>
          ) : null}
        </span>
        {event.actorEmail ? <span className="truncate text-xs text-muted-foreground">{event.actorEmail}</span> : null}
      </span>
    </span>
  );
}
