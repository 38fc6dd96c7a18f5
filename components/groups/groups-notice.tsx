import { Info } from "lucide-react";

/** Read-only roles see the page without a single button; this says why. */
export function GroupsNotice() {
  return (
    <p className="mb-4 flex items-center gap-2 rounded-md border bg-background px-3 py-2 text-sm text-muted-foreground">
      <Info className="size-4 shrink-0" aria-hidden />
      Only owners and admins manage groups: ask one of them to create a group or change who and what is in it.
    </p>
  );
}
