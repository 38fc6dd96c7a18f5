import { Lock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { Creator } from "@/lib/resources/creator";
import type { VisibilityValue } from "@/lib/resources/values";

// No "use client": the lists (client) and the detail pages (server) render these alike.

/** Marks a group-only resource; says in words, not just by the icon, who may reach it. */
export function VisibilityBadge({ visibility }: { visibility: VisibilityValue }) {
  if (visibility !== "groups") return null;
  return (
    <Badge variant="outline" title="Only members of its groups (and owners and admins) can reach it">
      <Lock aria-hidden />
      Restricted
      <span className="sr-only">: only for its groups</span>
    </Badge>
  );
}

/** The creator's name as it was, marked when they are no longer a member here. */
export function CreatorName({ creator }: { creator: Creator }) {
  return (
    <span>
      {creator.name}
      {creator.removed ? (
        <span className="ml-1 text-muted-foreground" title="No longer a member of this workspace">
          [Removed user]
        </span>
      ) : null}
    </span>
  );
}
