"use client";

import { Fragment, type ReactElement, type Ref } from "react";
import type { LucideIcon } from "lucide-react";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";

/** One entry of a row's actions menu; destructive ones come last, after a separator. */
export type RowMenuItem = { label: string; icon: LucideIcon; destructive?: boolean; onSelect: () => void };

/** A row's actions menu, loaded when its button is first reached (./row-actions.tsx). */
export function RowMenu({ trigger, triggerRef, items }: { trigger: ReactElement; triggerRef: Ref<HTMLButtonElement>; items: RowMenuItem[] }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger ref={triggerRef} asChild>
        {trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {items.map((item, i) => (
          <Fragment key={item.label}>
            {item.destructive && i > 0 && !items[i - 1]!.destructive ? <DropdownMenuSeparator /> : null}
            <DropdownMenuItem variant={item.destructive ? "destructive" : "default"} onSelect={item.onSelect}>
              <item.icon className="size-4" aria-hidden />
              {item.label}
            </DropdownMenuItem>
          </Fragment>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
