"use client";

import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Check, ChevronsUpDown, Crown, LifeBuoy, LogOut, Plus } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Badge } from "@/components/ui/badge";
import { useOpenedOnce } from "@/components/ui/on-demand";
import { ROLE_LABELS, type Role } from "@/lib/authz/permissions";

// Loaded when first opened (components/ui/on-demand.ts).
const CreateWorkspaceDialog = dynamic(() => import("./create-workspace-dialog").then((m) => m.CreateWorkspaceDialog));
const LeaveWorkspaceDialog = dynamic(() => import("@/components/workspaces/leave-workspace-dialog").then((m) => m.LeaveWorkspaceDialog));

export type SwitcherWorkspace = { slug: string; name: string; role: Role };
/** `role: null`: support staff looking at a workspace they are not a member of. */
export type CurrentWorkspace = { slug: string; name: string; role: Role | null };

export function WorkspaceSwitcher({ current, workspaces }: { current: CurrentWorkspace; workspaces: SwitcherWorkspace[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const createMounted = useOpenedOnce(creating);
  const leaveMounted = useOpenedOnce(leaving);
  const trigger = useRef<HTMLButtonElement>(null);
  // The dialogs open from this menu, which is gone by the time they close: back to its button.
  const backToSwitcher = (event: Event) => {
    if (!trigger.current) return;
    event.preventDefault();
    trigger.current.focus();
  };
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          ref={trigger}
          className="flex w-full items-center gap-2 rounded-md border bg-background px-2 py-2 text-left text-sm shadow-xs outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          aria-label={`Switch workspace (current: ${current.name})`}
        >
          <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-primary/10 font-semibold text-primary" aria-hidden>
            {current.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="grid min-w-0 flex-1">
            <span className="truncate font-medium">{current.name}</span>
            <span className="truncate text-xs text-muted-foreground">{current.role ? ROLE_LABELS[current.role] : "Support staff (read-only)"}</span>
          </span>
          <ChevronsUpDown className="size-4 text-muted-foreground" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent className="w-72" align="start">
          <DropdownMenuLabel>Your workspaces</DropdownMenuLabel>
          <DropdownMenuGroup>
            {workspaces.map((w) => (
              <DropdownMenuItem key={w.slug} onSelect={() => router.push(`/w/${w.slug}`)} className="gap-2">
                <span className="min-w-0 flex-1 truncate">{w.name}</span>
                <Badge variant="secondary">{ROLE_LABELS[w.role]}</Badge>
                {w.slug === current.slug ? <Check className="size-4" aria-label="Current workspace" /> : <span className="size-4" />}
              </DropdownMenuItem>
            ))}
          </DropdownMenuGroup>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)} className="gap-2">
            <Plus className="size-4" aria-hidden />
            Create workspace
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => router.push("/w")} className="gap-2">
            All workspaces
          </DropdownMenuItem>
          {current.role === null ? (
            // Support staff are not in this workspace: nothing to leave, and the way back is the support page.
            <DropdownMenuItem onSelect={() => router.push("/support")} className="gap-2">
              <LifeBuoy className="size-4" aria-hidden />
              Support: every workspace
            </DropdownMenuItem>
          ) : null}
          {current.role === null ? null : <DropdownMenuSeparator />}
          {current.role === null ? null : current.role === "owner" ? (
            // The owner cannot leave; the way out is handing the workspace to someone else.
            <DropdownMenuItem onSelect={() => router.push(`/w/${current.slug}/settings#transfer`)} className="gap-2">
              <Crown className="size-4" aria-hidden />
              Transfer ownership to leave
            </DropdownMenuItem>
          ) : (
            <DropdownMenuItem variant="destructive" onSelect={() => setLeaving(true)} className="gap-2">
              <LogOut className="size-4" aria-hidden />
              Leave workspace
            </DropdownMenuItem>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {createMounted ? <CreateWorkspaceDialog open={creating} onOpenChange={setCreating} onCloseAutoFocus={backToSwitcher} /> : null}
      {current.role === null || !leaveMounted ? null : (
        <LeaveWorkspaceDialog slug={current.slug} name={current.name} open={leaving} onOpenChange={setLeaving} onCloseAutoFocus={backToSwitcher} />
      )}
    </>
  );
}
