"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { leaveWorkspace } from "@/lib/members/actions";

type Props = { slug: string; name: string; open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus?: (event: Event) => void };

export function LeaveWorkspaceDialog({ slug, name, open, onOpenChange, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function leave() {
    setBusy(true);
    const result = await leaveWorkspace(slug, {});
    setBusy(false);
    if (result.ok) {
      toast.success(`You left ${name}`);
      onOpenChange(false);
      router.push("/w");
      router.refresh();
    } else {
      toast.error(result.message);
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>Leave {name}?</AlertDialogTitle>
          <AlertDialogDescription>You lose access at once. To come back, an owner or admin has to invite you again.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>Stay</AlertDialogCancel>
          <Button variant="destructive" onClick={leave} disabled={busy}>
            {busy ? "Leaving…" : "Leave workspace"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
