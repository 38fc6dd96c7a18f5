"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { signUp } from "@/lib/auth/actions";
import { signUpSchema } from "@/lib/auth/schemas";
import { PasswordRules } from "./password-rules";

export function SignUpForm() {
  const router = useRouter();
  const { form, formError, applyResult } = useActionForm(signUpSchema, { firstName: "", lastName: "", email: "", password: "" });
  const { errors, isSubmitting } = form.formState;
  const password = form.watch("password") ?? "";

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signUp(values);
    if (applyResult(result)) {
      router.replace(result.data.redirectTo);
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="firstName" label="First name" error={errors.firstName?.message}>
          <Input autoComplete="given-name" {...fieldA11y("firstName", errors.firstName?.message)} {...form.register("firstName")} />
        </FormField>
        <FormField id="lastName" label="Last name" error={errors.lastName?.message}>
          <Input autoComplete="family-name" {...fieldA11y("lastName", errors.lastName?.message)} {...form.register("lastName")} />
        </FormField>
      </div>
      <FormField id="email" label="Work email" error={errors.email?.message}>
        <Input type="email" autoComplete="email" {...fieldA11y("email", errors.email?.message)} {...form.register("email")} />
      </FormField>
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldA11y("password", errors.password?.message)}
          aria-describedby={errors.password ? "password-rules password-error" : "password-rules"}
          {...form.register("password")}
        />
      </FormField>
      <PasswordRules id="password-rules" password={password} />
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
