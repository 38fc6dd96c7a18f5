"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/authz/permissions";
import { LeaveWorkspaceDialog } from "./leave-workspace-dialog";

/** "Leave" for members; for the owner, the way out is a transfer of ownership. */
export function WorkspaceListActions({ slug, name, role }: { slug: string; name: string; role: Role }) {
  const [open, setOpen] = useState(false);
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
      <Button variant="outline" size="sm" onClick={() => setOpen(true)} aria-label={`Leave ${name}`}>
        Leave
      </Button>
      <LeaveWorkspaceDialog slug={slug} name={name} open={open} onOpenChange={setOpen} />
    </>
  );
}
