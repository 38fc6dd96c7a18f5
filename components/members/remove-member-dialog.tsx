"use client";

import { useRef } from "react";
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
import { focusPageHeading } from "@/components/page-header";
import { removeMember } from "@/lib/members/actions";
import type { MemberDialog } from "./member-row-actions";
import { fullName } from "@/lib/format";

type Props = { slug: string; dialog: MemberDialog | null; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

export function RemoveMemberDialog({ slug, dialog, onClose, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const removed = useRef(false);
  const member = dialog?.kind === "remove" ? dialog.member : null;
  const name = member ? fullName(member) : "";
  const { run, pending: busy } = useAction(removeMember, {
    onSuccess() {
      toast.success(`${name} was removed from the workspace`);
      removed.current = true;
      onClose();
      router.refresh();
    },
  });
  const confirm = () => member && run(slug, { memberId: member.id });

  return (
    <AlertDialog open={!!member} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (!removed.current) return onCloseAutoFocus?.(event);
          // The row, and the button that opened this dialog, are about to disappear.
          removed.current = false;
          event.preventDefault();
          focusPageHeading();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {member?.email} loses access to this workspace at once and leaves its groups. Nothing they made is deleted (agents and personas they created stay), and the audit log keeps their actions.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={confirm} disabled={busy}>
            {busy ? "Removing…" : "Remove member"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
