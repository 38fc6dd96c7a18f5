import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { auditActionGroups } from "@/lib/audit/actions";
import { AUDIT_RANGE_LABELS, AUDIT_SEARCH_MAX, filterParams, type AuditFilters as Filters } from "@/lib/audit/filter-values";
import { actionLabel } from "@/lib/audit/actions";

const field = "h-9 rounded-md border border-input bg-background px-3 text-sm shadow-xs focus-visible:outline-2 focus-visible:outline-ring";

/**
 * The filters as a plain GET form: submitting it puts the view in the URL, so a link
 * reproduces it, and it works before (or without) JavaScript. The markup is in the order
 * the controls are seen and read (action, actor, member, time and dates, then the
 * buttons), with no CSS reordering, so the tab order follows the screen. A member's
 * activity (`?member=`, linked from their page) is kept as a hidden field and said in words,
 * with a link that drops it: a list of every member to choose from would not scale to a
 * workspace of thousands, and the "Target member" search finds anyone by name or email.
 */
export function AuditFilters({ slug, filters, memberLabel }: { slug: string; filters: Filters; memberLabel: string | null }) {
  const chosen = new Set<string>(filters.actions);
  const dateError = (field: "from" | "to") => (filters.rangeError?.field === field ? filters.rangeError.message : undefined);
  return (
    <form method="get" action={`/w/${slug}/audit`} className="mb-4 grid gap-4 rounded-lg border bg-card p-4" aria-label="Filter the audit log">
      <details>
        <summary className={`${buttonVariants({ variant: "outline" })} cursor-pointer list-none`}>Actions ({chosen.size ? `${chosen.size} selected` : "all"})</summary>
        <div className="mt-3 grid items-start gap-4 rounded-lg border bg-muted/30 p-4 sm:grid-cols-2 lg:grid-cols-3">
          {auditActionGroups().map((group) => (
            <fieldset key={group.key} className="grid gap-1">
              <legend className="mb-1 text-sm font-semibold">{group.label}</legend>
              {group.actions.map((action) => (
                <label key={action} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="action" value={action} defaultChecked={chosen.has(action)} className="size-4 accent-primary" />
                  {actionLabel(action)}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </details>
      {filters.member ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <input type="hidden" name="member" value={filters.member} />
          <span>
            Showing the activity of <span className="font-medium">{memberLabel ?? "someone who is not a member of this workspace now"}</span>: what they did, and what was done to their membership.
          </span>
          <Link href={`/w/${slug}/audit?${filterParams({ ...filters, member: null })}`} className="font-medium text-primary underline-offset-4 hover:underline">
            Show everyone&apos;s activity
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-4">
        <div className="grid gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">
            Actor (name or email)
          </label>
          <input id="audit-actor" name="actor" type="search" maxLength={AUDIT_SEARCH_MAX} defaultValue={filters.actor} className={`${field} w-56`} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="audit-target" className="text-sm font-medium">
            Target member (name or email)
          </label>
          <input id="audit-target" name="target" type="search" maxLength={AUDIT_SEARCH_MAX} defaultValue={filters.target} className={`${field} w-56`} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="audit-range" className="text-sm font-medium">
            Time
          </label>
          <select id="audit-range" name="range" defaultValue={filters.range} className={field}>
            {Object.entries(AUDIT_RANGE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="grid gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">
            From (custom range)
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className={field} aria-invalid={dateError("from") ? true : undefined} aria-describedby={dateError("from") ? "audit-range-error" : undefined} />
        </div>
        <div className="grid gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">
            To (custom range)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className={field} aria-invalid={dateError("to") ? true : undefined} aria-describedby={dateError("to") ? "audit-range-error" : undefined} />
        </div>
      </div>
      {filters.rangeError ? (
        <p id="audit-range-error" role="alert" className="text-sm font-medium text-destructive">
          {filters.rangeError.message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit">Apply filters</Button>
        <Link href={`/w/${slug}/audit`} className={buttonVariants({ variant: "ghost" })}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
