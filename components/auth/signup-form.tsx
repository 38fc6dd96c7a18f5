"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { signUp } from "@/lib/account/actions";
import { signUpSchema } from "@/lib/auth/schemas";
import { NewAccountFields } from "./new-account-fields";

export function SignUpForm() {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(signUpSchema, { firstName: "", lastName: "", email: "", password: "" }, signUp, {
    onSuccess({ redirectTo }) {
      router.replace(redirectTo);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <NewAccountFields register={form.register} errors={errors} password={form.watch("password") ?? ""}>
        <FormField id="email" label="Work email" error={errors.email?.message}>
          <Input type="email" autoComplete="email" {...fieldA11y("email", errors.email?.message)} {...form.register("email")} />
        </FormField>
      </NewAccountFields>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
