import type { ReactNode } from "react";
import { Brand } from "@/components/brand";
import { UserMenu } from "@/components/shell/user-menu";
import { UnverifiedBanner } from "@/components/auth/unverified-banner";

type ShellUser = { firstName: string; lastName: string; email: string; emailVerifiedAt: Date | null };

/**
 * The frame of the signed-in pages outside a workspace (/w, /account, /support): the brand,
 * the user menu (with the support page's link for support staff), and the unverified-address banner.
 */
export function OutsideWorkspaceShell({ user, supportStaff = false, children }: { user: ShellUser; supportStaff?: boolean; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-muted/30">
      <header className="flex items-center justify-between border-b bg-background px-6 py-3">
        <Brand />
        <div className={supportStaff ? "w-80" : "w-72"}>
          <UserMenu user={user} supportStaff={supportStaff} />
        </div>
      </header>
      {user.emailVerifiedAt ? null : <UnverifiedBanner email={user.email} />}
      {children}
    </div>
  );
}
