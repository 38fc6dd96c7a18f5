"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
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
import { useAction } from "@/components/forms/use-action";
import { leaveWorkspace } from "@/lib/members/actions";

type Props = { slug: string; name: string; open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus?: (event: Event) => void };

export function LeaveWorkspaceDialog({ slug, name, open, onOpenChange, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const { run, pending: busy } = useAction(leaveWorkspace, {
    onSuccess() {
      toast.success(`You left ${name}`);
      onOpenChange(false);
      router.push("/w");
      router.refresh();
    },
  });
  const leave = () => run(slug, {});

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
