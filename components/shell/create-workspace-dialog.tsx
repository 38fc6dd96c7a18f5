"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { createWorkspace } from "@/lib/workspaces/actions";
import { createWorkspaceSchema, slugify } from "@/lib/workspaces/schemas";

type Props = { open: boolean; onOpenChange: (open: boolean) => void; onCloseAutoFocus?: (event: Event) => void };

export function CreateWorkspaceDialog({ open, onOpenChange, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(createWorkspaceSchema, { name: "" }, createWorkspace, {
    onSuccess({ slug }, values) {
      toast.success(`Workspace “${values.name}” created`);
      onOpenChange(false);
      form.reset();
      router.push(`/w/${slug}`);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const name = form.watch("name") ?? "";

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent onCloseAutoFocus={onCloseAutoFocus}>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Create workspace</DialogTitle>
            <DialogDescription>A workspace has its own agents, team and plan. You will be its owner.</DialogDescription>
          </DialogHeader>
          <FormAlert message={formError} />
          <FormField
            id="workspace-name"
            label="Workspace name"
            error={errors.name?.message}
            description={name.trim() ? `Its address will be /w/${slugify(name)} (or close to it, if taken).` : undefined}
          >
            <Input autoFocus {...fieldA11y("workspace-name", errors.name?.message, name.trim() ? "workspace-name-description" : undefined)} {...form.register("name")} />
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Creating…" : "Create workspace"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
