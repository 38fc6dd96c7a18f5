"use client";

import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import type * as z from "@/lib/zod";
import type { ActionResult, Refused } from "@/lib/core/result";
import { useAction } from "./use-action";

/**
 * react-hook-form with the server's own zod schema, submitting through `useAction`: the
 * form checks what it can before the call, and a refusal is shown in the form (field
 * errors on their fields, the message in `formError`), not in a toast.
 */
export function useActionForm<S extends z.core.$ZodType<FieldValues, FieldValues>, T>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
  action: (values: z.output<S>) => Promise<ActionResult<T>>,
  handlers: {
    onSuccess?: (data: T, values: z.output<S>) => void | Promise<void>;
    /** Sees a refusal first; returning true means it was dealt with elsewhere (e.g. the form is replaced). */
    onRefusal?: (refusal: Refused) => boolean;
  } = {},
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues,
    mode: "onTouched",
  });
  const [formError, setFormError] = useState<string | null>(null);

  function showRefusal(refusal: Refused) {
    const inForm = new Set(Object.keys(form.getValues() ?? {}));
    const onFields = Object.entries(refusal.fieldErrors ?? {}).filter(([field, messages]) => field !== "_form" && inForm.has(field) && messages[0]);
    // Said once: a message already under its field is not repeated above the form (and
    // announced twice); one that names no field on this form is.
    setFormError(onFields.some(([, messages]) => messages[0] === refusal.message) ? null : refusal.message);
    for (const [field, messages] of onFields) form.setError(field as Path<z.input<S>>, { type: "server", message: messages[0] });
    // Keyboard and screen-reader users land on what to fix, not on the page's top.
    if (onFields[0]) form.setFocus(onFields[0][0] as Path<z.input<S>>);
  }

  const onRefusal = (refusal: Refused) => void (handlers.onRefusal?.(refusal) || showRefusal(refusal));
  const { run, pending } = useAction(action, { onSuccess: handlers.onSuccess, onRefusal });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    await run(values);
  });

  return { form, formError, setFormError, showRefusal, submit, pending };
}
