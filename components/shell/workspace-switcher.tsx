"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { useOnDemandPopup, useOpenedOnce } from "@/components/ui/on-demand";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";

export type SwitcherWorkspace = { slug: string; name: string; role: Role };
/** `role: null`: support staff looking at a workspace they are not a member of. */
export type CurrentWorkspace = { slug: string; name: string; role: Role | null };

// Loaded on demand (components/ui/on-demand.ts): the menu when the switcher is first
// reached, the dialogs when first opened.
const loadMenu = () => import("./workspace-switcher-menu").then((m) => m.WorkspaceSwitcherMenu);
const CreateWorkspaceDialog = dynamic(() => import("./create-workspace-dialog").then((m) => m.CreateWorkspaceDialog));
const LeaveWorkspaceDialog = dynamic(() => import("@/components/workspaces/leave-workspace-dialog").then((m) => m.LeaveWorkspaceDialog));

export function WorkspaceSwitcher({ current, workspaces }: { current: CurrentWorkspace; workspaces: SwitcherWorkspace[] }) {
  const [creating, setCreating] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const createMounted = useOpenedOnce(creating);
  const leaveMounted = useOpenedOnce(leaving);
  const { Loaded: Menu, standIn, triggerRef } = useOnDemandPopup(loadMenu);
  // The dialogs open from this menu, which is gone by the time they close: back to its button.
  const backToSwitcher = (event: Event) => {
    if (!triggerRef.current) return;
    event.preventDefault();
    triggerRef.current.focus();
  };
  const trigger = {
    className:
      "flex w-full items-center gap-2 rounded-md border bg-background px-2 py-2 text-left text-sm shadow-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
    "aria-label": `Switch workspace (current: ${current.name})`,
    children: (
      <>
        <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary/10 font-semibold text-primary" aria-hidden>
          {current.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="grid min-w-0 flex-1">
          <span className="truncate font-medium">{current.name}</span>
          <span className="truncate text-xs text-muted-foreground">{current.role ? ROLE_LABELS[current.role] : "Support staff (read-only)"}</span>
        </span>
        <span className="css-icon icon-switch text-muted-foreground" aria-hidden />
      </>
    ),
  };
  return (
    <>
      {Menu ? (
        <Menu trigger={trigger} triggerRef={triggerRef} current={current} workspaces={workspaces} onCreate={() => setCreating(true)} onLeave={() => setLeaving(true)} />
      ) : (
        <button {...standIn} {...trigger} />
      )}
      {createMounted ? <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} onCloseAutoFocus={backToSwitcher} /> : null}
      {current.role === null || !leaveMounted ? null : (
        <LeaveWorkspaceDialog slug={current.slug} name={current.name} open={leaving} onOpenChange={setLeaving} onCloseAutoFocus={backToSwitcher} />
      )}
    </>
  );
}
