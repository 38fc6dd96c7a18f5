import Link from "next/link";
import { Download } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { buttonVariants } from "@/components/ui/button";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { auditRowViews } from "@/components/audit/audit-rows";
import { VerifyIntegrity } from "@/components/audit/verify-integrity";
import { requireWorkspaceViewer } from "@/lib/authz/page-access";
import { filterParams, isFiltered, parseAuditFilters } from "@/lib/audit/filters";
import { auditMemberNamed, auditRowContext, listAuditEvents } from "@/lib/audit/queries";
import { fullName } from "@/lib/format";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceViewer(slug, "audit:view", "audit");
  const filters = parseAuditFilters(await searchParams);
  // Dates that cannot be used list nothing: a wrong range is never silently widened.
  const [page, member] = await Promise.all([
    filters.rangeError ? { rows: [], newer: null, older: null } : listAuditEvents(workspace.id, filters),
    filters.member ? auditMemberNamed(workspace.id, filters.member) : null,
  ]);
  const context = await auditRowContext(workspace.id, page.rows);
  // A server component renders once per request: the rows' "3 minutes ago" are counted from
  // this instant on the server and again when the browser hydrates the table.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const link = (extra: [string, string][]) => `?${new URLSearchParams([...filterParams(filters), ...extra])}`;
  const exportHref = (format: "csv" | "ndjson") => `/w/${slug}/audit/export${link([["format", format]])}`;
  const filtered = isFiltered(filters);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in this workspace: who did it, when, from where, and what changed. Events are chained, so edits and deletions outside Roster show up when you verify."
        actions={
          <>
            <a href={exportHref("csv")} className={buttonVariants({ variant: "outline" })} download>
              <Download className="size-4" aria-hidden />
              Export CSV
            </a>
            <a href={exportHref("ndjson")} className={buttonVariants({ variant: "outline" })} download>
              <Download className="size-4" aria-hidden />
              Export NDJSON
            </a>
          </>
        }
      />
      <div className="mb-4">
        <VerifyIntegrity slug={slug} />
      </div>
      <AuditFilters slug={slug} filters={filters} memberLabel={member ? `${fullName(member.user)} (${member.user.email})` : null} />
      {page.rows.length === 0 ? (
        <p className="rounded-lg border bg-card p-8 text-center text-sm text-muted-foreground">{filters.rangeError ? "Fix the dates to see events." : filtered ? "No events match these filters." : "No events yet."}</p>
      ) : (
        <div className="rounded-lg border bg-card">
          <AuditTable rows={auditRowViews(slug, page.rows, context)} now={now} caption={filtered ? "Audit events matching the filters, newest first" : "Audit events, newest first"} />
        </div>
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex justify-between">
        {page.newer ? (
          <Link href={`/w/${slug}/audit${link([["after", page.newer]])}`} className={buttonVariants({ variant: "outline" })} rel="prev">
            Newer
          </Link>
        ) : (
          <span />
        )}
        {page.older ? (
          <Link href={`/w/${slug}/audit${link([["before", page.older]])}`} className={buttonVariants({ variant: "outline" })} rel="next">
            Older
          </Link>
        ) : null}
      </nav>
    </>
  );
}
