"use client";

import { useRouter } from "next/navigation";
import { X } from "lucide-react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import { removeFromGroup } from "@/lib/groups/actions";
import type { GroupItemKind } from "@/lib/groups/schemas";

type Props = { slug: string; group: { id: string; name: string }; kind: GroupItemKind; item: { id: string; name: string }; headingId: string };

/** Removes at once, without a confirmation: adding back is one search away, and nothing is deleted. */
export function RemoveFromGroupButton({ slug, group, kind, item, headingId }: Props) {
  const router = useRouter();
  const { run, pending } = useAction(removeFromGroup, {
    onSuccess() {
      toast.success(`${item.name} removed from ${group.name}`);
      // This button leaves with its item: keyboard users continue from the section's heading.
      document.getElementById(headingId)?.focus();
      router.refresh();
    },
  });
  return (
    <Button
      variant="ghost"
      size="icon"
      className="size-7 shrink-0 text-muted-foreground hover:text-destructive"
      aria-label={`Remove ${item.name} from ${group.name}`}
      aria-disabled={pending || undefined}
      // Not `disabled`: that would drop focus to the page's top while the call runs.
      onClick={() => !pending && run(slug, { groupId: group.id, kind, itemId: item.id })}
    >
      <X className="size-4" aria-hidden />
    </Button>
  );
}
