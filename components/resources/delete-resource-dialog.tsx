"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Trash2 } from "lucide-react";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import type { ActionResult } from "@/lib/core/result";
import { plural } from "@/lib/format";
import { focusNextPageHeading } from "./navigate";

type Props = {
  /** "agent" or "persona". */
  noun: string;
  name: string;
  groupCount: number;
  /** The delete action, bound on the server to this workspace and resource. */
  action: () => Promise<ActionResult<unknown>>;
  /** Where to go once it is gone: the list. */
  listHref: string;
};

export function DeleteResourceDialog({ noun, name, groupCount, action, listHref }: Props) {
  const router = useRouter();
  // Once deleted, the dialog stays open and busy until the list replaces this page, so
  // nothing can be clicked twice in between.
  const [deleted, setDeleted] = useState(false);
  const { run, pending } = useAction(action, {
    onSuccess() {
      toast.success(`${name} was deleted`);
      setDeleted(true);
      router.push(listHref);
      // Drops the router's copy of this page, so Back asks the server (and gets "not found").
      router.refresh();
      focusNextPageHeading();
    },
  });

  return (
    <AlertDialog>
      <AlertDialogTrigger asChild>
        <Button variant="outline" className="text-destructive hover:text-destructive">
          <Trash2 aria-hidden />
          Delete {noun}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent
        onCloseAutoFocus={(event) => {
          // Cancelled: Radix returns focus to the Delete button. Deleted: that button is
          // about to go with the page, and the list's heading takes focus instead.
          if (deleted) event.preventDefault();
        }}
      >
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {name}?</AlertDialogTitle>
          <AlertDialogDescription>
            {groupCount > 0
              ? `It is deleted for everyone and taken out of the ${plural(groupCount, "group")} it is in; the groups and their members stay.`
              : "It is deleted for everyone. It is not in any group."}{" "}
            Nothing else changes, and the audit log keeps a record. This cannot be undone.
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending || deleted}>Cancel</AlertDialogCancel>
          <Button variant="destructive" onClick={() => run()} disabled={pending || deleted}>
            {pending || deleted ? "Deleting…" : `Delete ${noun}`}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
