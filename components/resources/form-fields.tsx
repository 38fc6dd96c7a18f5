import Link from "next/link";
import { get, type FieldValues, type Path, type UseFormRegisterReturn, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { VISIBILITIES, VISIBILITY_LABELS } from "@/lib/resources/values";
import { cn } from "@/lib/utils";

// The fields the agent and persona forms share. Each takes what `form.register` returns,
// so one component serves both forms whatever their other fields.

/** A field's registration and its current error, spread into the fields below. */
export function registered<T extends FieldValues, O extends FieldValues>(form: UseFormReturn<T, unknown, O>, name: Path<T>) {
  const error: { message?: string } | undefined = get(form.formState.errors, name);
  return { field: form.register(name), error: error?.message };
}

type TextProps = { id: string; label: string; field: UseFormRegisterReturn; error?: string; description?: string };

export function TextField({ id, label, field, error, description }: TextProps) {
  return (
    <FormField id={id} label={label} error={error} description={description}>
      <Input autoComplete="off" {...fieldA11y(id, error, description)} {...field} />
    </FormField>
  );
}

export function TextAreaField({ id, label, field, error, description, rows = 3 }: TextProps & { rows?: number }) {
  return (
    <FormField id={id} label={label} error={error} description={description}>
      <Textarea rows={rows} className="max-h-[32rem]" {...fieldA11y(id, error, description)} {...field} />
    </FormField>
  );
}

export type Choice = { value: string; label: string; description?: string };

/** Radio cards under a legend: native radios, so arrow keys, Tab and the form's own state just work. */
export function ChoiceField({ legend, choices, field, selected, error }: { legend: string; choices: readonly Choice[]; field: UseFormRegisterReturn; selected: string | undefined; error?: string }) {
  const errorId = `${field.name}-error`;
  return (
    <fieldset className="grid gap-2" aria-describedby={error ? errorId : undefined}>
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {choices.map((choice) => (
        <label
          key={choice.value}
          className={cn(
            "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
            selected === choice.value && "border-primary bg-primary/5",
          )}
        >
          <input type="radio" value={choice.value} className="mt-1 accent-(--primary)" {...field} />
          <span className="grid gap-0.5">
            <span className="font-medium">{choice.label}</span>
            {choice.description ? <span className="text-muted-foreground">{choice.description}</span> : null}
          </span>
        </label>
      ))}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const VISIBILITY_HELP: Record<(typeof VISIBILITIES)[number], string> = {
  workspace: "Every member who can see agents and personas can open it.",
  groups: "Members reach it through the groups it is added to on the Groups page; owners and admins always can. A write member can choose this only while they are in one of its groups (a new one is in none yet).",
};
const VISIBILITY_CHOICES = VISIBILITIES.map((v) => ({ value: v, label: VISIBILITY_LABELS[v], description: VISIBILITY_HELP[v] }));

export function VisibilityField(props: { field: UseFormRegisterReturn; selected: string | undefined; error?: string }) {
  return <ChoiceField legend="Who can reach it" choices={VISIBILITY_CHOICES} {...props} />;
}

/** Save and Cancel; Cancel is a link back, so nothing is lost by a stray click but the edit. */
export function FormActions({ label, pending, disabled, cancelHref }: { label: string; pending: boolean; disabled?: boolean; cancelHref: string }) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" disabled={pending || disabled}>
        {pending ? "Saving…" : label}
      </Button>
      <Button variant="outline" asChild>
        <Link href={cancelHref}>Cancel</Link>
      </Button>
    </div>
  );
}
