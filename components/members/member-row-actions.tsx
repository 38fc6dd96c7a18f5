"use client";

import { Trash2, UserCog } from "lucide-react";
import { RowActions } from "@/components/tables/row-actions";
import type { MemberRow } from "@/lib/members/queries";
import { fullName } from "@/lib/format";

export type MemberDialog = { kind: "role" | "remove"; member: MemberRow };

export function MemberRowActions({ member, onOpen }: { member: MemberRow; onOpen: (dialog: MemberDialog) => void }) {
  return (
    <RowActions
      label={`Actions for ${fullName(member)}`}
      data={{ "data-member-actions": member.id }}
      items={[
        { label: "Change role", icon: UserCog, onSelect: () => onOpen({ kind: "role", member }) },
        { label: "Remove member", icon: Trash2, destructive: true, onSelect: () => onOpen({ kind: "remove", member }) },
      ]}
    />
  );
}
