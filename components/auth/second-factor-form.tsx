"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInWithSecondFactor } from "@/lib/account/actions";
import { twoFactorSignInSchema } from "@/lib/auth/two-factor/schemas";
import { toast } from "@/components/ui/toast";
import { plural } from "@/lib/format";

const CODE_HELP = "The 6-digit code your authenticator app shows for Roster, or one of your recovery codes.";

/**
 * The second step of signing in, after a right password on an account with two-factor
 * authentication. A challenge that has expired (5 minutes) or was used sends the person
 * back to the password step with the reason.
 */
export function SecondFactorForm({
  challenge,
  email,
  callbackUrl,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  /** The account being signed in to, as the person typed it. */
  email?: string;
  callbackUrl?: string;
  onSignedIn: (redirectTo: string) => void;
  /** Back to the password step, with why (empty when the person chose to). */
  onRestart: (message: string) => void;
}) {
  const { form, formError, submit } = useActionForm(twoFactorSignInSchema, { challenge, code: "", callbackUrl }, signInWithSecondFactor, {
    onSuccess: ({ redirectTo, recoveryCodesLeft }) => {
      if (recoveryCodesLeft !== null) {
        const left = recoveryCodesLeft === 0 ? "That was your last one" : `${plural(recoveryCodesLeft, "recovery code")} left`;
        toast.warning(`You signed in with a recovery code. ${left}: replace them in Your account.`, { duration: 10_000 });
      }
      onSignedIn(redirectTo);
    },
    onRefusal: (refusal) => refusal.code === "gone" && (onRestart(refusal.message), true),
  });
  const { errors, isSubmitting } = form.formState;
  // The step replaces the password form: focus goes to the one field it asks for.
  useEffect(() => form.setFocus("code"), [form]);

  return (
    <form onSubmit={submit} noValidate className="grid gap-4" aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading" className="text-base font-medium">
        Two-factor authentication
      </h2>
      {email ? <p className="text-sm text-muted-foreground">Signing in as {email}.</p> : null}
      <FormAlert message={formError} />
      <FormField id="code" label="Authentication code" error={errors.code?.message} description={CODE_HELP}>
        <Input autoComplete="one-time-code" autoCapitalize="none" spellCheck={false} {...fieldA11y("code", errors.code?.message, CODE_HELP)} {...form.register("code")} />
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Checking…" : "Verify and sign in"}
      </Button>
      <p className="text-sm text-muted-foreground">
        Lost your phone? Enter one of the recovery codes you saved when you set it up. Without them, ask whoever runs your Roster to turn two-factor
        authentication off for your account.
      </p>
      <Button type="button" variant="link" onClick={() => onRestart("")} className="justify-self-center">
        Start over with your password
      </Button>
    </form>
  );
}
