import { Info } from "lucide-react";
import { refusalFor } from "@/lib/authz/permissions";

/** For members who may look but not change: says why the buttons are missing. */
export function ReadOnlyNotice() {
  return (
    <p className="mb-4 flex items-center gap-2 rounded-md border bg-background px-3 py-2 text-sm text-muted-foreground">
      <Info className="size-4 shrink-0" aria-hidden />
      {refusalFor("agents:manage")}
    </p>
  );
}
