import Link from "next/link";
import { Brand } from "@/components/brand";
import { countInvitationsForUser } from "@/lib/invitations/queries";
import { WorkspaceNav } from "@/components/shell/nav";
import { navItemsFor } from "@/components/shell/nav-items";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { AccountLink, SupportLink, UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { SupportBanner } from "@/components/support/support-banner";
import { requireWorkspaceFrame } from "@/lib/authz/page-access";
import { listUserWorkspaces } from "@/lib/workspaces/queries";
import { UnverifiedBanner } from "@/components/auth/unverified-banner";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  // Members, and support staff (read-only); each page then checks what it shows.
  const { user, viewer, workspace } = await requireWorkspaceFrame(slug);
  const verified = user.emailVerifiedAt !== null;
  const supportStaff = user.supportStaff;
  const [memberships, invitationCount] = await Promise.all([listUserWorkspaces(user.id), countInvitationsForUser(user)]);
  const workspaces = memberships.map((m) => ({ ...m.workspace, role: m.role }));
  // Support staff are shown as what they are, never as a member with some role.
  const current = { slug, name: workspace.name, role: viewer.kind === "member" ? viewer.role : null };
  const nav = navItemsFor(slug, viewer);
  return (
    <div className="flex min-h-screen bg-muted/30">
      <aside className="sticky top-0 hidden h-screen w-64 shrink-0 flex-col gap-4 border-r bg-sidebar p-3 md:flex" aria-label="Sidebar">
        <Brand className="px-2 pt-1" />
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
        <WorkspaceNav items={nav} />
        <div className="mt-auto border-t pt-3">
          <UserMenu user={user} supportStaff={supportStaff} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-3 border-b bg-sidebar p-3 md:hidden">
          <Brand />
          <div className="min-w-0 flex-1">
            <WorkspaceSwitcher current={current} workspaces={workspaces} />
          </div>
          {supportStaff ? <SupportLink /> : null}
          <AccountLink />
          <SignOutButton />
        </header>
        <div className="border-b bg-sidebar p-2 md:hidden">
          <WorkspaceNav items={nav} />
        </div>
        {viewer.kind === "support" ? <SupportBanner workspaceName={workspace.name} /> : null}
        {verified ? null : <UnverifiedBanner email={user.email} />}
        {invitationCount > 0 ? (
          <p className="border-b bg-primary/5 px-4 py-2 text-center text-sm">
            {invitationCount === 1 ? "You have 1 invitation to another workspace." : `You have ${invitationCount} invitations to other workspaces.`}{" "}
            <Link href="/w#invitations" className="font-medium text-primary underline-offset-4 hover:underline">
              See invitations
            </Link>
          </p>
        ) : null}
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
