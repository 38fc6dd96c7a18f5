import Link from "next/link";
import { Brand } from "@/components/brand";
import { countInvitationsForUser } from "@/lib/invitations/queries";
import { WorkspaceNav } from "@/components/shell/nav";
import { navItemsFor } from "@/components/shell/nav-items";
import { UserMenu } from "@/components/shell/user-menu";
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
  // Only what the switcher shows: its props are serialised into every page.
  const workspaces = memberships.map((m) => ({ slug: m.workspace.slug, name: m.workspace.name, role: m.role }));
  // Support staff are shown as what they are, never as a member with some role.
  const current = { slug, name: workspace.name, role: viewer.kind === "member" ? viewer.role : null };
  const nav = navItemsFor(slug, viewer);
  // One frame for every width, rendered once: a sidebar from md up, and below it a header
  // row (brand, switcher, account buttons) over the nav. It used to be rendered twice, a
  // copy for each width with one hidden, which doubled its share of every page's HTML
  // and server rendering (docs/decisions/015-what-a-page-costs.md).
  return (
    <div className="flex min-h-screen flex-col bg-muted/30 md:flex-row">
      {/* The first stop of the Tab key: past the switcher and the ten links of the nav. */}
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside
        className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-3 border-b bg-sidebar p-3 md:sticky md:top-0 md:flex md:h-screen md:w-64 md:shrink-0 md:flex-col md:items-stretch md:gap-4 md:border-r md:border-b-0"
        aria-label="Sidebar"
      >
        <Brand className="md:px-2 md:pt-1" />
        <WorkspaceSwitcher current={current} workspaces={workspaces} />
        <div className="col-span-3 row-start-2 md:contents">
          <WorkspaceNav items={nav} />
        </div>
        <div className="col-start-3 row-start-1 md:mt-auto md:border-t md:pt-3">
          <UserMenu user={user} supportStaff={supportStaff} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
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
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 p-4 outline-none md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
