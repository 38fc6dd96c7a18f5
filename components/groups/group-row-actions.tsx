"use client";

import { MoreHorizontal, Pencil, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { GroupRow } from "@/lib/groups/queries";

export type GroupDialog = { kind: "edit" | "delete"; group: GroupRow };

export function GroupRowActions({ group, onOpen }: { group: GroupRow; onOpen: (dialog: GroupDialog) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${group.name}`} data-group-actions={group.id}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
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
