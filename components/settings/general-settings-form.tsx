"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateWorkspaceSettings } from "@/lib/workspaces/actions";
import { INVITATION_LIFETIME_DAYS, workspaceSettingsSchema, type WorkspaceSettingsInput } from "@/lib/workspaces/schemas";

const LIFETIME_HELP = "New and resent invitations expire after this many days. Existing links keep their expiry.";

export function GeneralSettingsForm({ slug, settings }: { slug: string; settings: WorkspaceSettingsInput }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(workspaceSettingsSchema, settings, (values) => updateWorkspaceSettings(slug, values), {
    onSuccess(saved) {
      toast.success("Settings saved");
      form.reset(saved);
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;

  const nameError = errors.name?.message;
  const lifetimeError = errors.invitationLifetimeDays?.message;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="workspace-name" label="Workspace name" error={nameError} description={`Its address stays /w/${slug}.`}>
        <Input {...fieldA11y("workspace-name", nameError, true)} {...form.register("name")} />
      </FormField>
      <FormField id="invitation-lifetime" label="Invitation lifetime (days)" error={lifetimeError} description={LIFETIME_HELP}>
        <Input
          {...fieldA11y("invitation-lifetime", lifetimeError, true)}
          type="number"
          inputMode="numeric"
          min={INVITATION_LIFETIME_DAYS.min}
          max={INVITATION_LIFETIME_DAYS.max}
          step={1}
          className="w-28"
          {...form.register("invitationLifetimeDays", { valueAsNumber: true })}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </Button>
      </div>
    </form>
  );
}
