"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { DialogContentProps } from "@/components/ui/on-demand";
import { Input } from "@/components/ui/input";
import { FormField, fieldA11y } from "@/components/ui/form-field";
import { FormAlert } from "@/components/forms/form-alert";
import { RoleChoice } from "@/components/forms/role-choice";
import { useActionForm } from "@/components/forms/use-action-form";
import { GRANTABLE_ROLES, ROLE_LABELS, mayGrantRole, type Role } from "@/lib/authz/permissions";
import { sendInvitation } from "@/lib/invitations/actions";
import { sendInvitationSchema } from "@/lib/invitations/schemas";
import { reportMailResult } from "./mail-toast";
import { GroupChoice, type GroupOption } from "./group-choice";

export type InviteProps = { slug: string; viewerRole: Role; seatsNote?: string; groups?: GroupOption[] };

/** The invite dialog, opened by <InviteButton /> (./invite-button.tsx), which loads it on first use. */
export function InviteDialog({ slug, viewerRole, seatsNote, groups = [], open, setOpen, content }: InviteProps & { open: boolean; setOpen: (open: boolean) => void; content: DialogContentProps }) {
  const router = useRouter();
  const { form, formError, setFormError, submit } = useActionForm(sendInvitationSchema, { email: "", role: "write", groupIds: [] }, (values) => sendInvitation(slug, values), {
    onSuccess(sent, values) {
      reportMailResult(sent, `Invitation sent to ${sent.sent[0]} as ${ROLE_LABELS[values.role]}`);
      onOpenChange(false);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;
  const roles = GRANTABLE_ROLES.filter((r) => mayGrantRole(viewerRole, r));

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      form.reset();
      setFormError(null);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent {...content}>
        <form onSubmit={submit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Invite a colleague</DialogTitle>
            <DialogDescription>
              They get an email with a one-time link. {seatsNote}
            </DialogDescription>
          </DialogHeader>
          <FormAlert message={formError} />
          <FormField id="invite-email" label="Email address" error={errors.email?.message}>
            <Input type="email" autoComplete="off" placeholder="name@company.com" {...fieldA11y("invite-email", errors.email?.message)} {...form.register("email")} />
          </FormField>
          <RoleChoice roles={roles} selected={form.watch("role")} field={form.register("role")} error={errors.role?.message} />
          <GroupChoice
            groups={groups}
            role={form.watch("role")}
            selected={form.watch("groupIds") ?? []}
            onChange={(ids) => form.setValue("groupIds", ids, { shouldDirty: true })}
            error={errors.groupIds?.message ?? errors.groupIds?.root?.message}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isSubmitting}>
              {isSubmitting ? "Sending…" : "Send invitation"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
