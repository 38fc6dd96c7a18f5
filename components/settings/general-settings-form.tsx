"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { renameWorkspace } from "@/lib/workspaces/actions";
import { renameWorkspaceSchema } from "@/lib/workspaces/schemas";

export function GeneralSettingsForm({ slug, name }: { slug: string; name: string }) {
  const router = useRouter();
  const { form, formError, applyResult } = useActionForm(renameWorkspaceSchema, { name });
  const { errors, isSubmitting, isDirty } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await renameWorkspace(slug, values);
    if (applyResult(result)) {
      toast.success("Workspace name saved");
      form.reset({ name: result.data.name });
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="workspace-name" label="Workspace name" error={errors.name?.message} description={`Its address stays /w/${slug}.`}>
        <Input {...fieldA11y("workspace-name", errors.name?.message, true)} {...form.register("name")} />
      </FormField>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
