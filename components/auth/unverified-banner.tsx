"use client";

import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import { resendVerificationEmail } from "@/lib/account/verification-actions";

/** Shown on every signed-in page while the address is unverified: what that means, and "Resend". */
export function UnverifiedBanner({ email }: { email: string }) {
  const { run, pending } = useAction(resendVerificationEmail, {
    onSuccess({ alreadyVerified, mailFailed }) {
      if (alreadyVerified) toast.success("Your email address is already verified.");
      else if (mailFailed) toast.error(`The email to ${email} could not be sent. Try again later.`);
      else toast.success(`Verification email sent to ${email}`);
    },
  });
  return (
    <section aria-label="Email verification" className="flex flex-wrap items-center justify-center gap-x-3 gap-y-1 border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
      <p>
        Your email address <strong className="break-all">{email}</strong> is not verified yet. Open the link we sent to it; until then, invitations to it are not
        listed here.
      </p>
      <Button size="sm" variant="outline" onClick={() => run({})} disabled={pending} aria-busy={pending}>
        {pending ? "Sending…" : "Resend verification email"}
      </Button>
    </section>
  );
}
