"use client";

import { useEffect, useState } from "react";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInWithPassword } from "@/lib/account/actions";
import { signInSchema } from "@/lib/auth/schemas";

// The code step loads when a password is accepted for an account with two-factor authentication.
const SecondFactorForm = dynamic(() => import("./second-factor-form").then((m) => m.SecondFactorForm));

export function LoginForm({ callbackUrl, email, emailLocked = false }: { callbackUrl?: string; email?: string; emailLocked?: boolean }) {
  const router = useRouter();
  const [challenge, setChallenge] = useState<string | null>(null);
  // Back from the code step: the email is kept, so the password is what to type.
  const [restarted, setRestarted] = useState(false);
  const land = (redirectTo: string) => {
    router.replace(redirectTo);
    router.refresh();
  };
  const { form, formError, setFormError, submit } = useActionForm(
    signInSchema,
    { email: email ?? "", password: "", callbackUrl },
    (values) => signInWithPassword({ ...values, callbackUrl }),
    {
      onSuccess({ redirectTo, challenge }) {
        if (challenge) setChallenge(challenge);
        else land(redirectTo);
      },
    },
  );
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    if (restarted && !challenge) form.setFocus("password");
  }, [restarted, challenge, form]);

  if (challenge) {
    return (
      <SecondFactorForm
        challenge={challenge}
        email={form.getValues("email")}
        callbackUrl={callbackUrl}
        onSignedIn={land}
        onRestart={(message) => {
          setChallenge(null);
          form.resetField("password");
          setFormError(message || null);
          setRestarted(true);
        }}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <FormField id="email" label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" readOnly={emailLocked} {...fieldA11y("email", errors.email?.message)} {...form.register("email")} />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...fieldA11y("password", errors.password?.message)} {...form.register("password")} />
      </FormField>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
