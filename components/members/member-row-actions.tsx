"use client";

import { MoreHorizontal, Trash2, UserCog } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { MemberRow } from "@/lib/members/queries";
import { fullName } from "@/lib/format";

export type MemberDialog = { kind: "role" | "remove"; member: MemberRow };

export function MemberRowActions({ member, onOpen }: { member: MemberRow; onOpen: (dialog: MemberDialog) => void }) {
  const name = fullName(member);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Actions for ${name}`} data-member-actions={member.id}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
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
