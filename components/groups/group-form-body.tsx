"use client";

import type { FormEventHandler } from "react";
import type { UseFormRegisterReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";

type Props = {
  idPrefix: string;
  title: string;
  description: string;
  // The two forms differ in type (edit also carries the group's id), so each hands over its two fields.
  fields: { name: UseFormRegisterReturn; description: UseFormRegisterReturn };
  errors: { name?: string; description?: string };
  submitting: boolean;
  formError: string | null;
  submit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  onCancel: () => void;
};

/** The name and description fields of a group, and the dialog's header and buttons around them. */
export function GroupFormBody({ idPrefix, title, description, fields, errors, submitting, formError, submit, submitLabel, onCancel }: Props) {
  const nameId = `${idPrefix}-name`;
  const descriptionId = `${idPrefix}-description`;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
      </DialogHeader>
      <FormAlert message={formError} />
      <FormField id={nameId} label="Name" error={errors.name}>
        <Input autoComplete="off" placeholder="e.g. Support" {...fieldA11y(nameId, errors.name)} {...fields.name} />
      </FormField>
      <FormField id={descriptionId} label="Description (optional)" error={errors.description}>
        <Textarea rows={3} placeholder="Who is in it, and what it gives them." {...fieldA11y(descriptionId, errors.description)} {...fields.description} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={submitting}>
          {submitting ? "Saving…" : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
