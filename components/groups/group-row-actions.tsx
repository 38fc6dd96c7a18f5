"use client";

import { Pencil, Trash2 } from "lucide-react";
import { RowActions } from "@/components/tables/row-actions";
import type { GroupRow } from "@/lib/groups/queries";

export type GroupDialog = { kind: "edit" | "delete"; group: GroupRow };

export function GroupRowActions({ group, onOpen }: { group: GroupRow; onOpen: (dialog: GroupDialog) => void }) {
  return (
    <RowActions
      label={`Actions for ${group.name}`}
      data={{ "data-group-actions": group.id }}
      items={[
        { label: "Edit group", icon: Pencil, onSelect: () => onOpen({ kind: "edit", group }) },
        { label: "Delete group", icon: Trash2, destructive: true, onSelect: () => onOpen({ kind: "delete", group }) },
      ]}
    />
  );
}
