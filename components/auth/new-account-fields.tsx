"use client";

import type { FieldErrors, Path, UseFormRegister } from "react-hook-form";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { PasswordRules } from "./password-rules";

type NewAccountValues = { firstName: string; lastName: string; password: string };

/**
 * Name and password of a new account, with the password rules shown live: the sign-up
 * page and the join page's "create your account" use this same block.
 */
export function NewAccountFields<T extends NewAccountValues>({
  register,
  errors,
  password,
  children,
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<NewAccountValues>;
  password: string;
  /** Rendered between the names and the password: the email field, or the invited address. */
  children?: React.ReactNode;
}) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="firstName" label="First name" error={errors.firstName?.message}>
          <Input autoComplete="given-name" {...fieldA11y("firstName", errors.firstName?.message)} {...register("firstName" as Path<T>)} />
        </FormField>
        <FormField id="lastName" label="Last name" error={errors.lastName?.message}>
          <Input autoComplete="family-name" {...fieldA11y("lastName", errors.lastName?.message)} {...register("lastName" as Path<T>)} />
        </FormField>
      </div>
      {children}
      <FormField id="password" label="Password" error={errors.password?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...fieldA11y("password", errors.password?.message)}
          aria-describedby={errors.password ? "password-rules password-error" : "password-rules"}
          {...register("password" as Path<T>)}
        />
      </FormField>
      <PasswordRules id="password-rules" password={password} />
    </>
  );
}
