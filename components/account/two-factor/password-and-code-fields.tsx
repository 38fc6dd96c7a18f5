"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";

type Values = { password: string; code: string };

/** "Your password" and "Authentication code", as each two-factor step on /account asks them; `id` keeps the fields of two forms apart. */
export function PasswordAndCodeFields({
  id,
  register,
  errors,
  codeLabel = "Authentication code",
  codeHelp,
  digitsOnly = false,
}: {
  id: string;
  register: UseFormRegister<Values>;
  errors: FieldErrors<Values>;
  codeLabel?: string;
  codeHelp: string;
  /** Setting up takes only the app's 6 digits: phones then show the number pad. */
  digitsOnly?: boolean;
}) {
  return (
    <>
      <FormField id={`${id}-password`} label="Your password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...fieldA11y(`${id}-password`, errors.password?.message)} {...register("password")} />
      </FormField>
      <FormField id={`${id}-code`} label={codeLabel} error={errors.code?.message} description={codeHelp}>
        <Input autoComplete="one-time-code" inputMode={digitsOnly ? "numeric" : "text"} autoCapitalize="none" spellCheck={false} {...fieldA11y(`${id}-code`, errors.code?.message, codeHelp)} {...register("code")} />
      </FormField>
    </>
  );
}
