"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import { signOutCurrentSession } from "@/lib/account/actions";

export function SignOutButton() {
  const router = useRouter();
  // Even if the session had already ended, the person ends up on the sign-in page.
  const toLogin = () => {
    router.replace("/login");
    router.refresh();
  };
  const { run, pending } = useAction(signOutCurrentSession, { onSuccess: toLogin, onRefusal: toLogin });
  return (
    <Button variant="ghost" size="icon" onClick={() => run({})} disabled={pending} aria-label="Sign out" title="Sign out">
      <span className="css-icon icon-sign-out" aria-hidden />
    </Button>
  );
}
