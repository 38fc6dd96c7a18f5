import * as React from "react"

import { cn } from "@/lib/utils"
import { Label } from "@/components/ui/label"

/**
 * Not a shadcn/ui file: a small accessible wrapper for a labelled form control.
 *
 * Usage:
 *   <FormField id="email" label="Email" error={errors.email} description="We never share it.">
 *     <Input {...fieldA11y("email", errors.email, "We never share it.")} type="email" />
 *   </FormField>
 */

type FieldMessage = string | null | undefined

function fieldDescriptionId(id: string) {
  return `${id}-description`
}

function fieldErrorId(id: string) {
  return `${id}-error`
}

/** Props to spread on the control rendered inside a `FormField`. */
function fieldA11y(
  id: string,
  error?: FieldMessage,
  description?: React.ReactNode
): {
  id: string
  "aria-invalid": true | undefined
  "aria-describedby": string | undefined
} {
  const describedBy = [
    description ? fieldDescriptionId(id) : null,
    error ? fieldErrorId(id) : null,
  ]
    .filter(Boolean)
    .join(" ")

  return {
    id,
    "aria-invalid": !!error || undefined,
    "aria-describedby": describedBy || undefined,
  }
}

type FormFieldProps = {
  id: string
  label: React.ReactNode
  error?: FieldMessage
  description?: React.ReactNode
  children: React.ReactNode
  className?: string
}

function FormField({
  id,
  label,
  error,
  description,
  children,
  className,
}: FormFieldProps) {
  return (
    <div
      data-slot="form-field"
      data-invalid={error ? true : undefined}
      className={cn("grid gap-2", className)}
    >
      <Label htmlFor={id} className={cn(error && "text-destructive")}>
        {label}
      </Label>
      {children}
      {description ? (
        <p
          id={fieldDescriptionId(id)}
          data-slot="form-field-description"
          className="text-muted-foreground text-sm"
        >
          {description}
        </p>
      ) : null}
      {error ? (
        <p
          id={fieldErrorId(id)}
          data-slot="form-field-error"
          role="alert"
          className="text-sm text-destructive"
        >
          {error}
        </p>
      ) : null}
    </div>
  )
}

export { FormField, fieldA11y, fieldDescriptionId, fieldErrorId }
export type { FormFieldProps }
