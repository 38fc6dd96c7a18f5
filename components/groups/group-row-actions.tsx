"use client";

import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOnDemandPopup } from "@/components/ui/on-demand";
import type { GroupRow } from "@/lib/groups/queries";

export type GroupDialog = { kind: "edit" | "delete"; group: GroupRow };

// The menu loads when a row's button is first reached (components/ui/on-demand.ts).
const loadMenu = () => import("./group-row-menu").then((m) => m.GroupRowMenu);

export function GroupRowActions({ group, onOpen }: { group: GroupRow; onOpen: (dialog: GroupDialog) => void }) {
  const { Loaded: Menu, standIn, triggerRef } = useOnDemandPopup(loadMenu);
  const props = { variant: "ghost", size: "icon", "aria-label": `Actions for ${group.name}`, "data-group-actions": group.id } as const;
  const icon = <MoreHorizontal className="size-4" aria-hidden />;
  if (!Menu) {
    return (
      <Button {...standIn} {...props}>
        {icon}
      </Button>
    );
  }
  return <Menu trigger={<Button {...props}>{icon}</Button>} triggerRef={triggerRef} group={group} onOpen={onOpen} />;
}
