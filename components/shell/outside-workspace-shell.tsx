import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { UserMenu } from "@/components/shell/user-menu";
import { UnverifiedBanner } from "@/components/auth/unverified-banner";

type ShellUser = { firstName: string; lastName: string; email: string; emailVerifiedAt: Date | null };

/** The frame of the signed-in pages outside a workspace (/w, /account): the brand, the user menu, and the unverified-address banner. */
export function OutsideWorkspaceShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-muted/30">
      <header className="flex items-center justify-between border-b bg-background px-6 py-3">
        <Brand />
        <div className="w-72">
          <UserMenu user={user} />
        </div>
      </header>
      {user.emailVerifiedAt ? null : <UnverifiedBanner email={user.email} />}
      {children}
    </div>
  );
}
