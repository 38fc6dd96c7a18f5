"use client";

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
import { useAction } from "@/components/forms/use-action";
import { removeMember } from "@/lib/members/actions";
import type { MemberDialog } from "./member-row-actions";
import { fullName } from "@/lib/format";

export function RemoveMemberDialog({ slug, dialog, onClose }: { slug: string; dialog: MemberDialog | null; onClose: () => void }) {
  const router = useRouter();
  const member = dialog?.kind === "remove" ? dialog.member : null;
  const name = member ? fullName(member) : "";
  const { run, pending: busy } = useAction(removeMember, {
    onSuccess() {
      toast.success(`${name} was removed from the workspace`);
      onClose();
      router.refresh();
    },
  });
  const confirm = () => member && run(slug, { memberId: member.id });

  return (
    <AlertDialog open={!!member} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {member?.email} loses access to this workspace at once. Nothing they made is deleted, and the audit log keeps their actions.
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
