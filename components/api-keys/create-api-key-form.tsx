"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { createApiKey } from "@/lib/api-keys/actions";
import { API_KEY_EXPIRIES, API_KEY_EXPIRY_LABELS, createApiKeySchema } from "@/lib/api-keys/schemas";
import { NewApiKeySecret } from "./new-api-key-secret";

type Created = { name: string; secret: string; expiresAt: string | null };

/** Name and expiry; on success the form gives way to the secret, shown this once. */
export function CreateApiKeyForm({ slug }: { slug: string }) {
  const router = useRouter();
  const [created, setCreated] = useState<Created | null>(null);
  const { form, formError, submit, pending } = useActionForm(createApiKeySchema, { name: "", expiresIn: "90" }, (values) => createApiKey(slug, values), {
    onSuccess(key) {
      setCreated(key);
      form.reset({ name: "", expiresIn: "90" });
      router.refresh();
    },
  });
  const nameError = form.formState.errors.name?.message;
  const expiryError = form.formState.errors.expiresIn?.message;

  if (created) return <NewApiKeySecret name={created.name} secret={created.secret} expiresAt={created.expiresAt} onDone={() => setCreated(null)} />;
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="api-key-name" label="Key name" error={nameError} description="What uses it, so you know which key to revoke: “offboarding runbook”, “HR sync”.">
        <Input {...fieldA11y("api-key-name", nameError, true)} autoComplete="off" {...form.register("name")} />
      </FormField>
      <FormField id="api-key-expiry" label="Expires after" error={expiryError}>
        <select
          {...fieldA11y("api-key-expiry", expiryError)}
          className="h-9 w-48 rounded-md border border-input bg-transparent px-3 text-sm shadow-xs focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none"
          {...form.register("expiresIn")}
        >
          {API_KEY_EXPIRIES.map((value) => (
            <option key={value} value={value}>
              {API_KEY_EXPIRY_LABELS[value]}
            </option>
          ))}
        </select>
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API key"}
        </Button>
      </div>
    </form>
  );
}
