"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/forms/form-alert";
import { useAction } from "@/components/forms/use-action";
import { verifyEmail } from "@/lib/account/verification-actions";

/** The button of /verify-email/<token>: the POST that uses the link (the GET only shows this). */
export function VerifyEmailButton({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [verified, setVerified] = useState(false);
  const { run, pending } = useAction(verifyEmail, { onSuccess: () => setVerified(true), onRefusal: (refusal) => setError(refusal.message) });

  if (verified) {
    return (
      <div className="grid gap-3">
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {email} is verified. Thank you.
        </p>
        <Link href="/w" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          Go to your workspaces
        </Link>
      </div>
    );
  }
  return (
    <div className="grid gap-3">
      <FormAlert message={error} />
      <Button onClick={() => run({ token })} disabled={pending} className="w-full">
        {pending ? "Verifying…" : "Verify email"}
      </Button>
    </div>
  );
}
