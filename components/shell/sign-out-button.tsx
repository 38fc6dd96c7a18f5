"use client";

import { useRouter } from "next/navigation";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOutCurrentSession } from "@/lib/account/actions";

export function SignOutButton() {
  const router = useRouter();
  async function signOut() {
    // Even if the session had already ended, the person ends up on the sign-in page.
    await signOutCurrentSession({});
    router.replace("/login");
    router.refresh();
  }
  return (
    <Button variant="ghost" size="icon" onClick={signOut} aria-label="Sign out" title="Sign out">
      <LogOut className="size-4" aria-hidden />
    </Button>
  );
}
