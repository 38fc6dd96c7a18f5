import { Brand } from "@/components/brand";
import { WorkspaceNav } from "@/components/shell/nav";
import { navItemsFor } from "@/components/shell/nav-items";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { UserMenu } from "@/components/shell/user-menu";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { listUserWorkspaces, requireWorkspaceMember } from "@/lib/workspaces/queries";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, membership, workspace } = await requireWorkspaceMember(slug);
  const workspaces = (await listUserWorkspaces(user.id)).map((m) => ({ ...m.workspace, role: m.role }));
  return (
    <div className="flex min-h-screen bg-muted/30">
      <aside className="sticky top-0 hidden h-screen w-64 shrink-0 flex-col gap-4 border-r bg-sidebar p-3 md:flex" aria-label="Sidebar">
        <Brand className="px-2 pt-1" />
        <WorkspaceSwitcher current={{ slug, name: workspace.name, role: membership.role }} workspaces={workspaces} />
        <WorkspaceNav items={navItemsFor(slug, membership.role)} />
        <div className="mt-auto border-t pt-3">
          <UserMenu user={user} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center gap-3 border-b bg-sidebar p-3 md:hidden">
          <Brand />
          <div className="min-w-0 flex-1">
            <WorkspaceSwitcher current={{ slug, name: workspace.name, role: membership.role }} workspaces={workspaces} />
          </div>
          <SignOutButton />
        </header>
        <div className="border-b bg-sidebar p-2 md:hidden">
          <WorkspaceNav items={navItemsFor(slug, membership.role)} />
        </div>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
