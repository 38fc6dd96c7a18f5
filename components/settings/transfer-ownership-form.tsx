"use client";

import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { transferOwnership } from "@/lib/members/actions";
import { transferOwnershipSchema } from "@/lib/members/schemas";

type Candidate = { id: string; role: Role; user: { firstName: string; lastName: string; email: string } };

export function TransferOwnershipForm({ slug, workspaceName, candidates }: { slug: string; workspaceName: string; candidates: Candidate[] }) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(
    transferOwnershipSchema,
    { memberId: "", password: "", confirmName: "" },
    (values) => transferOwnership(slug, values),
    {
      onSuccess(_data, values) {
        const to = candidates.find((c) => c.id === values.memberId);
        toast.success(`${to?.user.firstName ?? "They"} now own${to ? "s" : ""} ${workspaceName}. You are an admin.`);
        form.reset();
        router.refresh();
      },
    },
  );
  const { errors, isSubmitting } = form.formState;

  if (candidates.length === 0) {
    return <p className="text-sm text-muted-foreground">Invite someone first: ownership can only go to a current member.</p>;
  }
  return (
    <form onSubmit={submit} noValidate className="grid max-w-md gap-4">
      <FormAlert message={formError} />
      <FormField id="transfer-member" label="New owner" error={errors.memberId?.message}>
        <Controller
          control={form.control}
          name="memberId"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger {...fieldA11y("transfer-member", errors.memberId?.message)} className="w-full">
                <SelectValue placeholder="Choose a member" />
              </SelectTrigger>
              <SelectContent>
                {candidates.map((c) => (
                  <SelectItem key={c.id} value={c.id}>
                    {c.user.firstName} {c.user.lastName} · {c.user.email} ({ROLE_LABELS[c.role]})
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField id="transfer-password" label="Your password" error={errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...fieldA11y("transfer-password", errors.password?.message)} {...form.register("password")} />
      </FormField>
      <FormField id="transfer-confirm" label={`Type “${workspaceName}” to confirm`} error={errors.confirmName?.message}>
        <Input autoComplete="off" {...fieldA11y("transfer-confirm", errors.confirmName?.message)} {...form.register("confirmName")} />
      </FormField>
      <div>
        <Button type="submit" variant="destructive" disabled={isSubmitting}>
          {isSubmitting ? "Transferring…" : "Transfer ownership"}
        </Button>
      </div>
    </form>
  );
}
