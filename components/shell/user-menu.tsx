"use client";

import { useRouter } from "next/navigation";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import { signOutCurrentSession } from "@/lib/auth/actions";
import { initials } from "@/lib/utils";

export function UserMenu({ user }: { user: { firstName: string; lastName: string; email: string } }) {
  const router = useRouter();
  async function signOut() {
    // Even if the session had already ended, the person ends up on the sign-in page.
    await signOutCurrentSession({});
    router.replace("/login");
    router.refresh();
  }
  return (
    <div className="flex items-center gap-2">
      <span className="flex size-8 shrink-0 items-center justify-center rounded-full bg-muted text-xs font-medium" aria-hidden>
        {initials(user.firstName, user.lastName)}
      </span>
      <span className="grid min-w-0 flex-1 text-sm">
        <span className="truncate font-medium">
          {user.firstName} {user.lastName}
        </span>
        <span className="truncate text-xs text-muted-foreground">{user.email}</span>
      </span>
      <Button variant="ghost" size="icon" onClick={signOut} aria-label="Sign out" title="Sign out">
        <LogOut className="size-4" aria-hidden />
      </Button>
    </div>
  );
}
