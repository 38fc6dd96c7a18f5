"use client";

import { useRef } from "react";
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
import { deleteGroup } from "@/lib/groups/actions";
import type { GroupRow } from "@/lib/groups/queries";
import { plural } from "@/lib/format";

type Props = { slug: string; group: GroupRow | null; onClose: () => void; onDeleted: (groupId: string) => void; onCloseAutoFocus?: (event: Event) => void };

export function DeleteGroupDialog({ slug, group, onClose, onDeleted, onCloseAutoFocus }: Props) {
  const deleted = useRef(false);
  const { run, pending: busy } = useAction(deleteGroup, {
    onSuccess({ deleted: id }) {
      toast.success(`Group “${group?.name}” deleted`);
      deleted.current = true;
      onClose();
      // The table refreshes the page, and forgets `?open=` if it named this group.
      onDeleted(id);
    },
  });
  const contents = group ? `${plural(group.members, "member")}, ${plural(group.agents, "agent")} and ${plural(group.personas, "persona")}` : "";
  // What a non-manager cannot see is not counted here, but only managers delete groups, and they see everything.
  const empty = !!group && group.members + group.agents + group.personas === 0;

  return (
    <AlertDialog open={!!group} onOpenChange={(open) => !open && onClose()}>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          if (!deleted.current) return onCloseAutoFocus?.(event);
          // The row, and the menu button that opened this dialog, are about to disappear.
          deleted.current = false;
          event.preventDefault();
          focusPageHeading();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {group?.name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {empty
              ? "The group is empty: nothing else changes."
              : `Only the group is deleted: the ${contents} in it stay in the workspace. Whoever reached a restricted agent or persona through this group alone loses that access on their next click.`}{" "}
            Pending invitations that name it will no longer add anyone to it.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={() => group && run(slug, { groupId: group.id })} disabled={busy}>
            {busy ? "Deleting…" : "Delete group"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
