"use client";

import { Button } from "@/components/ui/button";
import { useOnDemandPopup } from "@/components/ui/on-demand";
import type { RowMenuItem } from "./row-menu";

// The menu loads when a row's button is first reached (components/ui/on-demand.ts).
const loadMenu = () => import("./row-menu").then((m) => m.RowMenu);

/**
 * A row's "…" button and its actions menu (members, groups). `label` names the button
 * ("Actions for Ada Lovelace"); `data` marks it for the table's focus return.
 */
export function RowActions({ label, data, items }: { label: string; data: Record<`data-${string}`, string>; items: RowMenuItem[] }) {
  const { Loaded: Menu, standIn, triggerRef } = useOnDemandPopup(loadMenu);
  const props = { variant: "ghost", size: "icon", "aria-label": label, ...data } as const;
  // Drawn by CSS (.icon-row-actions in app/globals.css): one on every row of a table.
  const icon = <span className="css-icon icon-row-actions" aria-hidden />;
  if (!Menu) {
    return (
      <Button {...standIn} {...props}>
        {icon}
      </Button>
    );
  }
  return <Menu trigger={<Button {...props}>{icon}</Button>} triggerRef={triggerRef} items={items} />;
}
