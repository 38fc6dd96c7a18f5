"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { useOpenedOnce } from "@/components/ui/on-demand";
import type { Role } from "@/lib/authz/permissions";

const load = () => import("./leave-workspace-dialog");
// Loaded when first opened (components/ui/on-demand.ts).
const LeaveWorkspaceDialog = dynamic(() => load().then((m) => m.LeaveWorkspaceDialog));

/** "Leave" for members; for the owner, the way out is a transfer of ownership. */
export function WorkspaceListActions({ slug, name, role }: { slug: string; name: string; role: Role }) {
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  if (role === "owner") {
    return (
      <p className="text-xs text-muted-foreground">
        You own it. To leave,{" "}
        <Link href={`/w/${slug}/settings#transfer`} className="font-medium text-primary underline-offset-4 hover:underline">
          transfer ownership
        </Link>{" "}
        first.
      </p>
    );
  }
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} onPointerEnter={load} onFocus={load} aria-label={`Leave ${name}`}>
        Leave
      </Button>
      {mounted ? <LeaveWorkspaceDialog slug={slug} name={name} open={open} onOpenChange={setOpen} /> : null}
    </>
  );
}
