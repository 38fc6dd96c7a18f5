"use client";

import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import type { z } from "zod";
import type { ActionResult } from "@/lib/core/result";

/**
 * react-hook-form with the server's own zod schema, plus what every Roster form does
 * with an action's result: field errors go to their fields, the message to `formError`.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S>>) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onTouched",
  });
  const [formError, setFormError] = useState<string | null>(null);

  function applyResult<T>(result: ActionResult<T>): result is { ok: true; data: T } {
    if (result.ok) {
      setFormError(null);
      return true;
    }
    setFormError(result.message);
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
      if (field !== "_form") form.setError(field as Path<z.input<S>>, { type: "server", message: messages[0] });
    }
    return false;
  }

  return { form, formError, setFormError, applyResult };
}
