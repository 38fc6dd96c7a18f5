"use client";

import type { Ref } from "react";
import { Pencil, Trash2 } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { GroupRow } from "@/lib/groups/queries";
import type { GroupDialog } from "./group-row-actions";

/** A row's actions menu, loaded when its button is first reached (./group-row-actions.tsx). */
export function GroupRowMenu({ trigger, triggerRef, group, onOpen }: { trigger: React.ReactElement; triggerRef: Ref<HTMLButtonElement>; group: GroupRow; onOpen: (dialog: GroupDialog) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger ref={triggerRef} asChild>
        {trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onOpen({ kind: "edit", group })}>
          <Pencil className="size-4" aria-hidden />
          Edit group
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => onOpen({ kind: "delete", group })}>
          <Trash2 className="size-4" aria-hidden />
          Delete group
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
