"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { focusPageHeading } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { previewBulkInvitations, sendBulkInvitations } from "@/lib/invitations/actions";
import { VERDICTS, type JudgedRow } from "@/lib/invitations/csv";
import { BULK_INVITE_MAX_ROWS, bulkPreviewSchema } from "@/lib/invitations/schemas";
import { reportMailResult } from "./mail-toast";
import { plural } from "@/lib/format";

// The preview loads with the first one (only its shape, JudgedRow, is needed before).
const BulkPreview = dynamic(() => import("./bulk-preview").then((m) => m.BulkPreview));

export function BulkInviteForm({ slug, seatsNote }: { slug: string; seatsNote: string }) {
  const router = useRouter();
  const [preview, setPreview] = useState<JudgedRow[] | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const { form, formError, showRefusal, submit } = useActionForm(bulkPreviewSchema, { csv: "" }, (values) => previewBulkInvitations(slug, values), {
    onSuccess: ({ rows }) => setPreview(rows),
  });
  const { errors, isSubmitting } = form.formState;
  const bulkSend = useAction(sendBulkInvitations, {
    onSuccess(result) {
      const { sent, skipped } = result;
      const summary = `Sent ${plural(sent.length, "invitation")}.${skipped.length ? ` ${plural(skipped.length, "row")} could no longer be sent: ${skipped.map((r) => `${r.email} (${VERDICTS[r.verdict].toLowerCase()})`).join(", ")}.` : ""}`;
      reportMailResult(result, `Sent ${plural(sent.length, "invitation")}`);
      setOutcome(summary);
      setPreview(null);
      form.reset({ csv: "" });
      router.refresh();
      // The Send button is gone with the preview; the outcome is announced by the status region.
      focusPageHeading();
    },
    onRefusal: showRefusal,
  });
  const ready = preview?.filter((r) => r.verdict === "ok") ?? [];

  async function readFile(file: File | undefined) {
    if (!file) return;
    form.setValue("csv", await file.text(), { shouldValidate: true, shouldDirty: true });
    setPreview(null);
  }

  function onPreview(event: React.FormEvent<HTMLFormElement>) {
    setOutcome(null);
    setPreview(null);
    return submit(event);
  }

  const send = () => bulkSend.run(slug, { rows: ready.map(({ email, role, groups }) => ({ email, role, groups })) });

  return (
    <div className="grid gap-6">
      <form onSubmit={onPreview} noValidate className="grid gap-4 rounded-lg border bg-background p-4 sm:p-6">
        <FormAlert message={formError} />
        <FormField
          id="bulk-csv"
          label="Invitations as CSV"
          error={errors.csv?.message}
          description={`One invitation per line: email,role (admin, write, read or billing), and optionally groups by name, separated by | or ; (the groups must exist). A header line is fine. Up to ${BULK_INVITE_MAX_ROWS} rows.`}
        >
          <Textarea rows={8} className="font-mono text-sm" placeholder={"email,role,groups\nada@example.com,write,Support team|Billing desk\ngrace@example.com,read"} {...fieldA11y("bulk-csv", errors.csv?.message, true)} {...form.register("csv", { onChange: () => setPreview(null) })} />
        </FormField>
        <div className="grid gap-2">
          <Label htmlFor="bulk-file">Or choose a CSV file</Label>
          <Input id="bulk-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => readFile(e.target.files?.[0])} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="outline" disabled={isSubmitting}>
            {isSubmitting ? "Checking…" : "Preview invitations"}
          </Button>
          <p className="text-sm text-muted-foreground">{seatsNote}</p>
        </div>
      </form>

      <div role="status" aria-live="polite">
        {outcome ? (
          <p className="rounded-md border bg-background px-4 py-3 text-sm">
            {outcome}{" "}
            <Link href={`/w/${slug}/invitations`} className="font-medium text-primary underline-offset-4 hover:underline">
              See pending invitations
            </Link>
          </p>
        ) : null}
        {preview ? (
          <p className="text-sm">
            {plural(ready.length, "row")} ready to send, {plural(preview.length - ready.length, "row")} will be skipped. Nothing has been sent yet.
          </p>
        ) : null}
      </div>

      {preview ? <BulkPreview preview={preview} ready={ready} sending={bulkSend.pending} send={send} /> : null}
    </div>
  );
}
