"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, loadConfirmDialog, useDialogTrigger, useOpenedOnce } from "@/components/ui/on-demand";
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
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  const { trigger, content } = useDialogTrigger(open, setOpen, loadConfirmDialog);
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
    <>
      <Button {...trigger} variant="outline" className="text-destructive hover:text-destructive">
        <Trash2 aria-hidden />
        Delete {noun}
      </Button>
      {mounted ? (
        <LazyConfirmDialog
          open={open}
          onOpenChange={setOpen}
          id={content.id}
          onCloseAutoFocus={(event) => {
            // Cancelled: focus goes back to the Delete button. Deleted: that button is
            // about to go with the page, and the list's heading takes focus instead.
            if (deleted) event.preventDefault();
            else content.onCloseAutoFocus(event);
          }}
          title={`Delete ${name}?`}
          description={
            <>
              {groupCount > 0
                ? `It is deleted for everyone and taken out of the ${plural(groupCount, "group")} it is in; the groups and their members stay.`
                : "It is deleted for everyone. It is not in any group."}{" "}
              Nothing else changes, and the audit log keeps a record. This cannot be undone.
            </>
          }
          confirmLabel={`Delete ${noun}`}
          busy={pending || deleted}
          busyLabel="Deleting…"
          onConfirm={() => run()}
        />
      ) : null}
    </>
  );
}
