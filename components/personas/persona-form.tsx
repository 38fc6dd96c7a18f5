"use client";

import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormActions, TextAreaField, TextField, VisibilityField, registered } from "@/components/resources/form-fields";
import { useSaved } from "@/components/resources/use-saved";
import { createPersona, updatePersona } from "@/lib/personas/actions";
import { personaFieldsSchema, type PersonaFieldsInput } from "@/lib/personas/schemas";

const NEW_PERSONA: PersonaFieldsInput = { name: "", description: "", tone: "", visibility: "workspace" };

const TONE_HELP = "How it speaks and what it keeps in mind: voice, register, words to use or avoid.";

/** Creates a persona, or with `persona` edits it; checked by the same schema the server uses. */
export function PersonaForm({ slug, persona }: { slug: string; persona?: PersonaFieldsInput & { id: string } }) {
  const base = `/w/${slug}/personas`;
  const { saved, onSaved } = useSaved(base, !!persona);
  const { form, formError, submit, pending } = useActionForm(
    personaFieldsSchema,
    persona ?? NEW_PERSONA,
    (values) => (persona ? updatePersona(slug, { personaId: persona.id, ...values }) : createPersona(slug, values)),
    { onSuccess: onSaved },
  );

  return (
    <form onSubmit={submit} noValidate className="grid gap-6">
      <FormAlert message={formError} />
      <TextField id="persona-name" label="Name" {...registered(form, "name")} />
      <TextAreaField id="persona-description" label="Description" description="Who this persona is, in a sentence or two. Up to 500 characters." {...registered(form, "description")} />
      <TextAreaField id="persona-tone" label="Tone and instructions" description={TONE_HELP} rows={6} {...registered(form, "tone")} />
      <VisibilityField selected={form.watch("visibility")} {...registered(form, "visibility")} />
      <FormActions label={persona ? "Save changes" : "Create persona"} pending={pending || saved} disabled={!!persona && !form.formState.isDirty} cancelHref={persona ? `${base}/${persona.id}` : base} />
    </form>
  );
}
