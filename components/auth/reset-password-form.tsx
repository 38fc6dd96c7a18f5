"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPassword } from "@/lib/account/reset-actions";
import { resetPasswordSchema } from "@/lib/account/schemas";
import { PasswordRules } from "./password-rules";
import { SecondFactorForm } from "./second-factor-form";

/** /reset-password/<token>: the new password, with the rules shown live; the POST uses the link. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const router = useRouter();
  // An account with two-factor authentication: the password is changed, and the code is asked before the session.
  const [challenge, setChallenge] = useState<string | null>(null);
  const land = (redirectTo: string) => {
    router.replace(redirectTo);
    router.refresh();
  };
  const { form, formError, submit } = useActionForm(resetPasswordSchema, { token, password: "" }, resetPassword, {
    onSuccess({ redirectTo, challenge }) {
      toast.success("Your password was changed. Every other browser was signed out.");
      if (challenge) setChallenge(challenge);
      else land(redirectTo);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const error = errors.password?.message;

  if (challenge) {
    // The link is used up: starting over means signing in with the new password.
    return <SecondFactorForm challenge={challenge} email={email} onSignedIn={land} onRestart={() => router.push("/login")} />;
  }

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
