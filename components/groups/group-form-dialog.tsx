"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { UseFormRegisterReturn } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { DialogContentProps } from "@/components/ui/on-demand";
import { useActionForm } from "@/components/forms/use-action-form";
import { createGroup, updateGroup } from "@/lib/groups/actions";
import { createGroupSchema, updateGroupSchema } from "@/lib/groups/schemas";
import { GroupFormBody } from "./group-form-body";

type GroupForm = {
  register: (name: "name" | "description") => UseFormRegisterReturn;
  formState: { errors: { name?: { message?: string }; description?: { message?: string } }; isSubmitting: boolean };
};

/** What the shared body needs of either form. */
const bodyFields = (form: GroupForm) => ({
  fields: { name: form.register("name"), description: form.register("description") },
  errors: { name: form.formState.errors.name?.message, description: form.formState.errors.description?.message },
  submitting: form.formState.isSubmitting,
});

// Two dialogs, one body: create and edit check different schemas (edit carries the
// group's id), and `useActionForm` takes its schema once, so each gets its own form.

/** Opened by <NewGroupButton /> (./new-group-button.tsx), which loads it on first use. */
export function NewGroupDialog({ slug, open, setOpen, content }: { slug: string; open: boolean; setOpen: (open: boolean) => void; content: DialogContentProps }) {
  const router = useRouter();
  const { form, formError, setFormError, submit } = useActionForm(createGroupSchema, { name: "", description: "" }, (values) => createGroup(slug, values), {
    onSuccess({ id }, values) {
      toast.success(`Group “${values.name}” created`);
      onOpenChange(false);
      // Opened at once: adding its members, agents and personas is the next thing to do.
      router.replace(`/w/${slug}/groups?open=${encodeURIComponent(id)}`, { scroll: false });
    },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      form.reset();
      setFormError(null);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent {...content}>
        <GroupFormBody
          idPrefix="new-group"
          title="New group"
          description="Name a set of members, agents and personas. You add them once the group exists."
          {...bodyFields(form)}
          formError={formError}
          submit={submit}
          submitLabel="Create group"
          onCancel={() => onOpenChange(false)}
        />
      </DialogContent>
    </Dialog>
  );
}

export type EditableGroup = { id: string; name: string; description: string };

type EditProps = { slug: string; group: EditableGroup | null; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

export function EditGroupDialog({ slug, group, onClose, onCloseAutoFocus }: EditProps) {
  const router = useRouter();
  const { form, formError, setFormError, submit } = useActionForm(updateGroupSchema, { groupId: "", name: "", description: "" }, (values) => updateGroup(slug, values), {
    onSuccess(_, values) {
      toast.success(`Group “${values.name}” saved`);
      onClose();
      router.refresh();
    },
  });

  // The dialog is reused for every row: each opening starts from that group's values.
  useEffect(() => {
    if (!group) return;
    form.reset({ groupId: group.id, name: group.name, description: group.description });
    setFormError(null);
  }, [group, form, setFormError]);

  return (
    <Dialog open={!!group} onOpenChange={(open) => !open && onClose()}>
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <GroupFormBody
          idPrefix="edit-group"
          title="Edit group"
          description={group ? `Rename “${group.name}” or change what it is for. Who and what is in it stays.` : ""}
          {...bodyFields(form)}
          formError={formError}
          submit={submit}
          submitLabel="Save group"
          onCancel={onClose}
        />
      </DialogContent>
    </Dialog>
  );
}
