import { Info } from "lucide-react";

export function ManagementNotice() {
  return (
    <p className="mb-4 flex items-center gap-2 rounded-md border bg-background px-3 py-2 text-sm text-muted-foreground">
      <Info className="size-4 shrink-0" aria-hidden />
      Team management is limited to owners and admins. Ask one of them to invite, change roles or remove members.
    </p>
  );
}
