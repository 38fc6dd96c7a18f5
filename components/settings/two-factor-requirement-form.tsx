"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";
import { useActionForm } from "@/components/forms/use-action-form";
import { twoFactorRequirementSchema } from "@/lib/auth/two-factor/schemas";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { updateTwoFactorRequirement } from "@/lib/workspaces/actions";
import { twoFactorBlockerMessage, type TwoFactorBlocker } from "@/lib/workspaces/schemas";

type MemberWithoutTwoFactor = { id: string; name: string; email: string; role: Role };

const LINK = "font-medium text-primary underline-offset-4 hover:underline";

/**
 * "3 members do not have two-factor authentication yet:" (the e2e test reads this sentence);
 * once it is required, what that means for them.
 */
function withoutSentence(total: number, required: boolean) {
  const who = total === 1 ? "1 member does not" : `${total.toLocaleString("en-US")} members do not`;
  return required
    ? `${who} have two-factor authentication yet, and cannot open this workspace until they set it up:`
    : `${who} have two-factor authentication yet:`;
}

/**
 * The workspace's 2FA requirement (docs/decisions/013-two-factor.md): a checkbox on the
 * server's own schema, the members who would be asked to set it up, and, while switching
 * it on would be refused (the viewer or the owner has no 2FA), why.
 */
export function TwoFactorRequirementForm({
  slug,
  required,
  blocker,
  withoutTwoFactor,
}: {
  slug: string;
  required: boolean;
  blocker: TwoFactorBlocker | null;
  withoutTwoFactor: { total: number; members: MemberWithoutTwoFactor[] };
}) {
  const router = useRouter();
  const { form, formError, submit } = useActionForm(twoFactorRequirementSchema, { required }, (values) => updateTwoFactorRequirement(slug, values), {
    onSuccess(saved) {
      toast.success(saved.required ? "Two-factor authentication is now required" : "Two-factor authentication is no longer required");
      form.reset(saved);
      router.refresh();
    },
  });
  const { isSubmitting, isDirty } = form.formState;
  // Switching on would be refused; switching off never is, so a checked box stays usable.
  const cannotSwitchOn = blocker !== null && !required;
  const { total, members } = withoutTwoFactor;
  const more = total - members.length;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <p className="text-sm">
        While required, members without it are asked to set it up before they can open this workspace, and the server refuses everything they try in it
        until they have.
      </p>
      {!required && total > 0 ? (
        <p className="text-sm font-medium">Switching it on locks the members below out of this workspace until each sets it up. Tell them first.</p>
      ) : null}
      {blocker ? (
        <p id="two-factor-blocker" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {blocker.who === "you" ? (
            <>
              You do not have two-factor authentication on. Turn it on for your own account first, in{" "}
              <Link href="/account#two-factor" className={LINK}>
                Your account
              </Link>
              ; then you can require it here.
            </>
          ) : (
            twoFactorBlockerMessage(blocker)
          )}
        </p>
      ) : null}
      {total === 0 ? (
        <p className="text-sm text-muted-foreground">Every member has two-factor authentication on.</p>
      ) : (
        <div className="grid gap-2 text-sm">
          <p id="two-factor-missing">{withoutSentence(total, required)}</p>
          <ul className="grid gap-1" aria-labelledby="two-factor-missing">
            {members.map((m) => (
              <li key={m.id}>
                <Link href={`/w/${slug}/members/${m.id}`} className={LINK}>
                  {m.name}
                </Link>{" "}
                <span className="text-muted-foreground">
                  · {m.email} ({ROLE_LABELS[m.role]})
                </span>
              </li>
            ))}
          </ul>
          {more > 0 ? <p className="text-muted-foreground">…and {more.toLocaleString("en-US")} more.</p> : null}
        </div>
      )}
      <div className="flex items-center gap-3">
        <Controller
          control={form.control}
          name="required"
          render={({ field }) => (
            <Checkbox
              id="require-two-factor"
              ref={field.ref}
              name={field.name}
              checked={field.value}
              onCheckedChange={(checked) => field.onChange(checked === true)}
              onBlur={field.onBlur}
              disabled={cannotSwitchOn}
              aria-describedby={cannotSwitchOn ? "two-factor-blocker" : undefined}
            />
          )}
        />
        <Label htmlFor="require-two-factor">Require two-factor authentication</Label>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? "Saving…" : "Save two-factor setting"}
        </Button>
      </div>
    </form>
  );
}
