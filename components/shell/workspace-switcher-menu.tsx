"use client";

import type { Ref } from "react";
import { useRouter } from "next/navigation";
import { Check, Crown, LifeBuoy, LogOut, Plus } from "lucide-react";
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
import { ROLE_LABELS } from "@/lib/authz/roles";
import type { CurrentWorkspace, SwitcherWorkspace } from "./workspace-switcher";

type Props = {
  /** The switcher's button, as ./workspace-switcher.tsx draws it. */
  trigger: React.ComponentProps<"button">;
  triggerRef: Ref<HTMLButtonElement>;
  current: CurrentWorkspace;
  workspaces: SwitcherWorkspace[];
  onCreate: () => void;
  onLeave: () => void;
};

/** The switcher's menu, loaded when the switcher is first reached (./workspace-switcher.tsx). */
export function WorkspaceSwitcherMenu({ trigger, triggerRef, current, workspaces, onCreate, onLeave }: Props) {
  const router = useRouter();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger ref={triggerRef} {...trigger} />
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
        <DropdownMenuItem onSelect={onCreate} className="gap-2">
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
          <DropdownMenuItem variant="destructive" onSelect={onLeave} className="gap-2">
            <LogOut className="size-4" aria-hidden />
            Leave workspace
          </DropdownMenuItem>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
