"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { RoleChoice } from "@/components/forms/role-choice";
import { GRANTABLE_ROLES, ROLE_LABELS, mayGrantRole, type Role } from "@/lib/authz/permissions";
import { fullName } from "@/lib/format";
import { changeMemberRole } from "@/lib/members/actions";
import { changeRoleSchema } from "@/lib/members/schemas";
import type { MemberDialog } from "./member-row-actions";

type Props = { slug: string; viewerRole: Role; dialog: MemberDialog | null; onClose: () => void; onCloseAutoFocus?: (event: Event) => void };

export function ChangeRoleDialog({ slug, viewerRole, dialog, onClose, onCloseAutoFocus }: Props) {
  const router = useRouter();
  const member = dialog?.kind === "role" ? dialog.member : null;
  const name = member ? fullName(member) : "";
  const initialRole = member?.role === "owner" ? "admin" : member?.role;
  const { form, formError, setFormError, submit } = useActionForm(changeRoleSchema, { memberId: "", role: "read" }, (values) => changeMemberRole(slug, values), {
    onSuccess({ role }) {
      toast.success(`${name} is now ${ROLE_LABELS[role]}`);
      onClose();
      router.refresh();
    },
  });
  const selected = form.watch("role");

  useEffect(() => {
    if (member && initialRole) {
      form.reset({ memberId: member.id, role: initialRole });
      setFormError(null);
    }
  }, [member, initialRole, form, setFormError]);

  const roles = GRANTABLE_ROLES.filter((r) => mayGrantRole(viewerRole, r));
  return (
    <Dialog open={!!member} onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        onOpenAutoFocus={(event) => {
          // Start on the member's current role, as Tab into a radio group does; Radix would pick the first radio.
          const current = (event.currentTarget as HTMLElement).querySelector<HTMLInputElement>(`input[type="radio"][value="${initialRole}"]`);
          if (!current) return;
          event.preventDefault();
          current.focus();
        }}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Change role</DialogTitle>
            <DialogDescription>
              {member ? `Choose what ${name} (${member.email}) may do in this workspace. It applies on their next click.` : null}
            </DialogDescription>
          </DialogHeader>
          <FormAlert message={formError} />
          <RoleChoice roles={roles} selected={selected} field={form.register("role")} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={form.formState.isSubmitting || selected === member?.role}>
              {form.formState.isSubmitting ? "Saving…" : "Save role"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
