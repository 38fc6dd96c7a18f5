"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { PasswordRules } from "@/components/auth/password-rules";
import { changePassword } from "@/lib/account/actions";
import { changePasswordSchema } from "@/lib/account/schemas";
import { plural } from "@/lib/format";

export function ChangePasswordForm() {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(changePasswordSchema, { currentPassword: "", newPassword: "" }, changePassword, {
    onSuccess({ otherSessionsEnded }) {
      toast.success(otherSessionsEnded > 0 ? `Password changed. ${plural(otherSessionsEnded, "other browser")} signed out.` : "Password changed.");
      form.reset({ currentPassword: "", newPassword: "" });
      // The sessions list below has changed.
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const newPassword = form.watch("newPassword") ?? "";
  const newError = errors.newPassword?.message;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="current-password" label="Current password" error={errors.currentPassword?.message}>
        <Input type="password" autoComplete="current-password" {...fieldA11y("current-password", errors.currentPassword?.message)} {...form.register("currentPassword")} />
      </FormField>
      <FormField id="new-password" label="New password" error={newError}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldA11y("new-password", newError)}
          aria-describedby={newError ? "new-password-rules new-password-error" : "new-password-rules"}
          {...form.register("newPassword")}
        />
      </FormField>
      <PasswordRules id="new-password-rules" password={newPassword} />
      <p className="text-sm text-muted-foreground">Every other browser signed in to your account is signed out; this one stays signed in.</p>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
