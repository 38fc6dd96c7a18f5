"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toastJoined } from "@/components/invitations/joined-toast";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { useActionForm } from "@/components/forms/use-action-form";
import { NewAccountFields } from "@/components/auth/new-account-fields";
import { signOutCurrentSession } from "@/lib/account/actions";
import { acceptInvitation, joinWithNewAccount } from "@/lib/invitations/join-actions";
import { joinWithNewAccountSchema } from "@/lib/invitations/schemas";

function useLanding() {
  const router = useRouter();
  return ({ redirectTo, twoFactorSetupFirst }: { redirectTo: string; twoFactorSetupFirst: boolean }, workspaceName: string) => {
    toastJoined(workspaceName, { twoFactorSetupFirst });
    router.replace(redirectTo);
    router.refresh();
  };
}

/** Signed in as the invited address: one button. */
export function JoinButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const land = useLanding();
  const [error, setError] = useState<string | null>(null);
  const { run, pending } = useAction(acceptInvitation, {
    onSuccess: (landing) => land(landing, workspaceName),
    onRefusal: (refusal) => setError(refusal.message),
  });

  return (
    <div className="grid gap-3">
      <FormAlert message={error} />
      <Button onClick={() => run({ token })} disabled={pending} className="w-full">
        {pending ? "Joining…" : "Join workspace"}
      </Button>
    </div>
  );
}

/** Signed out, no account for the address yet: create it and join in one step. */
export function JoinWithNewAccountForm({ token, email, workspaceName }: { token: string; email: string; workspaceName: string }) {
  const land = useLanding();
  const { form, formError, submit } = useActionForm(joinWithNewAccountSchema, { token, firstName: "", lastName: "", password: "" }, joinWithNewAccount, {
    onSuccess: (landing) => land(landing, workspaceName),
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormAlert message={formError} />
      <NewAccountFields register={form.register} errors={errors} password={form.watch("password") ?? ""}>
        <div className="grid gap-2">
          <Label htmlFor="invited-email">Email</Label>
          <Input id="invited-email" type="email" value={email} readOnly aria-describedby="invited-email-note" />
          <p id="invited-email-note" className="text-sm text-muted-foreground">
            The address this invitation was sent to. It counts as verified.
          </p>
        </div>
      </NewAccountFields>
      <Button type="submit" disabled={isSubmitting} className="w-full">
        {isSubmitting ? "Creating your account…" : "Create account and join"}
      </Button>
    </form>
  );
}

/** Signed in as someone else: sign out here and see the invitation as a visitor. */
export function SignOutAndContinue() {
  const router = useRouter();
  // Signed out either way (a session that had already ended included): show the invitation as a visitor.
  const { run, pending } = useAction(signOutCurrentSession, { onSuccess: () => router.refresh(), onRefusal: () => router.refresh() });
  return (
    <Button onClick={() => run({})} disabled={pending} variant="outline" className="w-full">
      {pending ? "Signing out…" : "Sign out and continue"}
    </Button>
  );
}
