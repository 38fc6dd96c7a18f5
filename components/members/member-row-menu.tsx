"use client";

import type { Ref } from "react";
import { Trash2, UserCog } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { MemberRow } from "@/lib/members/queries";
import type { MemberDialog } from "./member-row-actions";

/** A row's actions menu, loaded when its button is first reached (./member-row-actions.tsx). */
export function MemberRowMenu({ trigger, triggerRef, member, onOpen }: { trigger: React.ReactElement; triggerRef: Ref<HTMLButtonElement>; member: MemberRow; onOpen: (dialog: MemberDialog) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger ref={triggerRef} asChild>
        {trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onOpen({ kind: "role", member })}>
          <UserCog className="size-4" aria-hidden />
          Change role
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => onOpen({ kind: "remove", member })}>
          <Trash2 className="size-4" aria-hidden />
          Remove member
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
