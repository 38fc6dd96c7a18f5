import Link from "next/link";
import { Search } from "lucide-react";
import { OutsideWorkspaceShell } from "@/components/shell/outside-workspace-shell";
import { SupportWorkspaceTable } from "@/components/support/support-workspace-table";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireSupportStaff } from "@/lib/authz/page-access";
import { plural } from "@/lib/format";
import { listWorkspacesForSupport } from "@/lib/support/queries";
import { supportWorkspaceListSchema } from "@/lib/support/schemas";

export const metadata = { title: "Support" };

/** `/support?q=&after=` with the search kept and the cursor replaced. */
function pageHref(q: string, cursor: { after?: string; before?: string }) {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (cursor.after) params.set("after", cursor.after);
  if (cursor.before) params.set("before", cursor.before);
  const query = params.toString();
  return query ? `/support?${query}` : "/support";
}

export default async function SupportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Support staff only; anyone else gets 404, as for a page that does not exist.
  const { user } = await requireSupportStaff();
  const view = supportWorkspaceListSchema.parse(await searchParams);
  const { rows, total, previousCursor, nextCursor } = await listWorkspacesForSupport(view);
  const paged = Boolean(view.after || view.before);
  return (
    <OutsideWorkspaceShell user={user} supportStaff>
      <main id="main" className="mx-auto grid max-w-5xl gap-6 p-6">
        <div className="grid gap-1">
          <h1 className="text-2xl font-semibold tracking-tight">Support</h1>
          <p className="text-sm text-muted-foreground">
            Every workspace on this instance. As support staff you may read a workspace&apos;s team members and audit log, never change them; each visit is
            recorded in that workspace&apos;s audit log, where its owners and admins see it.
          </p>
        </div>
        {/* A plain GET form: the search lives in the URL, so reload and a shared link show the same list. */}
        <form method="get" action="/support" role="search" aria-label="Workspaces" className="flex max-w-lg gap-2">
          <label htmlFor="support-q" className="sr-only">
            Search by name or slug
          </label>
          <Input id="support-q" name="q" type="search" defaultValue={view.q} placeholder="Search by name or slug" maxLength={100} />
          <Button type="submit" variant="outline">
            <Search aria-hidden />
            Search
          </Button>
        </form>
        <p id="support-summary" className="text-sm text-muted-foreground" aria-live="polite">
          {view.q ? `${plural(total, "workspace")} match “${view.q}”.` : `${plural(total, "workspace")} in all.`}
        </p>
        <SupportWorkspaceTable rows={rows} searched={Boolean(view.q)} />
        <nav aria-label="Pages" className="flex flex-wrap items-center justify-end gap-2">
          {paged ? (
            <Link href={pageHref(view.q, {})} className={buttonVariants({ variant: "ghost", size: "sm" })}>
              First page
            </Link>
          ) : null}
          {previousCursor ? (
            <Link href={pageHref(view.q, { before: previousCursor })} className={buttonVariants({ variant: "outline", size: "sm" })} rel="prev">
              Previous page
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={pageHref(view.q, { after: nextCursor })} className={buttonVariants({ variant: "outline", size: "sm" })} rel="next">
              Next page
            </Link>
          ) : null}
        </nav>
      </main>
    </OutsideWorkspaceShell>
  );
}
