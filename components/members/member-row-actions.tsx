"use client";

import { MoreHorizontal } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useOnDemandPopup } from "@/components/ui/on-demand";
import type { MemberRow } from "@/lib/members/queries";
import { fullName } from "@/lib/format";

export type MemberDialog = { kind: "role" | "remove"; member: MemberRow };

// The menu loads when a row's button is first reached (components/ui/on-demand.ts).
const loadMenu = () => import("./member-row-menu").then((m) => m.MemberRowMenu);

export function MemberRowActions({ member, onOpen }: { member: MemberRow; onOpen: (dialog: MemberDialog) => void }) {
  const { Loaded: Menu, standIn, triggerRef } = useOnDemandPopup(loadMenu);
  const props = { variant: "ghost", size: "icon", "aria-label": `Actions for ${fullName(member)}`, "data-member-actions": member.id } as const;
  const icon = <MoreHorizontal className="size-4" aria-hidden />;
  if (!Menu) {
    return (
      <Button {...standIn} {...props}>
        {icon}
      </Button>
    );
  }
  return <Menu trigger={<Button {...props}>{icon}</Button>} triggerRef={triggerRef} member={member} onOpen={onOpen} />;
}
