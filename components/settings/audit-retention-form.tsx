"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { updateAuditRetention } from "@/lib/workspaces/actions";
import { AUDIT_RETENTION_DAYS, auditRetentionSchema, type AuditRetentionInput } from "@/lib/workspaces/schemas";

const HELP = `From ${AUDIT_RETENTION_DAYS.min} to ${AUDIT_RETENTION_DAYS.max.toLocaleString("en-US")} days. Older events are removed at the next daily purge; the log stays verifiable.`;

export function AuditRetentionForm({ slug, settings }: { slug: string; settings: AuditRetentionInput }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(auditRetentionSchema, settings, (values) => updateAuditRetention(slug, values), {
    onSuccess(saved) {
      toast.success("Retention saved");
      form.reset(saved);
      router.refresh();
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const error = errors.auditRetentionDays?.message;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="audit-retention" label="Keep audit events for (days)" error={error} description={HELP}>
        <Input
          {...fieldA11y("audit-retention", error, true)}
          type="number"
          inputMode="numeric"
          min={AUDIT_RETENTION_DAYS.min}
          max={AUDIT_RETENTION_DAYS.max}
          step={1}
          className="w-28"
          {...form.register("auditRetentionDays", { valueAsNumber: true })}
        />
      </FormField>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save retention"}
        </Button>
      </div>
    </form>
  );
}
