"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPassword } from "@/lib/account/reset-actions";
import { resetPasswordSchema } from "@/lib/account/schemas";
import { PasswordRules } from "./password-rules";

/** /reset-password/<token>: the new password, with the rules shown live; the POST uses the link. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(resetPasswordSchema, { token, password: "" }, resetPassword, {
    onSuccess({ redirectTo }) {
      toast.success("Your password was changed. Every other browser was signed out.");
      router.replace(redirectTo);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const error = errors.password?.message;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      {/* For password managers: the account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="password" label="New password" error={error}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldA11y("password", error)}
          aria-describedby={error ? "password-rules password-error" : "password-rules"}
          {...form.register("password")}
        />
      </FormField>
      <PasswordRules id="password-rules" password={form.watch("password") ?? ""} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
