"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateProfile } from "@/lib/account/actions";
import { profileSchema, type ProfileInput } from "@/lib/account/schemas";

export function ProfileForm({ profile }: { profile: ProfileInput }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(profileSchema, profile, updateProfile, {
    onSuccess(saved) {
      toast.success("Name saved");
      form.reset(saved);
      // The user menu shows the name too.
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="first-name" label="First name" error={errors.firstName?.message}>
          <Input autoComplete="given-name" {...fieldA11y("first-name", errors.firstName?.message)} {...form.register("firstName")} />
        </FormField>
        <FormField id="last-name" label="Last name" error={errors.lastName?.message}>
          <Input autoComplete="family-name" {...fieldA11y("last-name", errors.lastName?.message)} {...form.register("lastName")} />
        </FormField>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
