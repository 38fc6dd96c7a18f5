"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { GRANTABLE_ROLES, ROLE_DESCRIPTIONS, ROLE_LABELS, mayGrantRole, type Role } from "@/lib/authz/permissions";
import { changeMemberRole } from "@/lib/members/actions";
import { changeRoleSchema } from "@/lib/members/schemas";
import { cn } from "@/lib/utils";
import type { MemberDialog } from "./member-row-actions";

export function ChangeRoleDialog({ slug, viewerRole, dialog, onClose }: { slug: string; viewerRole: Role; dialog: MemberDialog | null; onClose: () => void }) {
  const router = useRouter();
  const member = dialog?.kind === "role" ? dialog.member : null;
  const { form, formError, setFormError, applyResult } = useActionForm(changeRoleSchema, { memberId: "", role: "read" });
  const selected = form.watch("role");

  useEffect(() => {
    if (member) {
      form.reset({ memberId: member.id, role: member.role === "owner" ? "admin" : member.role });
      setFormError(null);
    }
  }, [member, form, setFormError]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await changeMemberRole(slug, values);
    if (applyResult(result)) {
      toast.success(`${member?.firstName} ${member?.lastName} is now ${ROLE_LABELS[result.data.role]}`);
      onClose();
      router.refresh();
    } else {
      toast.error(result.message);
    }
  });

  const roles = GRANTABLE_ROLES.filter((r) => mayGrantRole(viewerRole, r));
  return (
    <Dialog open={!!member} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form onSubmit={onSubmit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Change role</DialogTitle>
            <DialogDescription>
              {member ? `Choose what ${member.firstName} ${member.lastName} (${member.email}) may do in this workspace. It applies on their next click.` : null}
            </DialogDescription>
          </DialogHeader>
          <FormAlert message={formError} />
          <fieldset className="grid gap-2">
            <legend className="mb-2 text-sm font-medium">Role</legend>
            {roles.map((role) => (
              <label
                key={role}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                  selected === role && "border-primary bg-primary/5",
                )}
              >
                <input type="radio" value={role} className="mt-1 accent-(--primary)" {...form.register("role")} />
                <span className="grid gap-0.5">
                  <span className="font-medium">{ROLE_LABELS[role]}</span>
                  <span className="text-muted-foreground">{ROLE_DESCRIPTIONS[role]}</span>
                </span>
              </label>
            ))}
          </fieldset>
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
