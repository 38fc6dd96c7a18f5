"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { PAGE_SIZES } from "@/lib/members/list-view";
import { plural } from "@/lib/format";

type Update = (changes: Record<string, string | number | null>) => void;

/**
 * `capped`: the server counted a search only up to `total` and found more
 * (lib/members/queries.ts), so the summary says "more than" and a next page always exists.
 */
export function MembersPagination({ total, capped, page, size, onChange }: { total: number; capped: boolean; page: number; size: number; onChange: Update }) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  const of = capped ? `more than ${plural(total, "member")}` : plural(total, "member");
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p id="members-summary" className="text-muted-foreground" aria-live="polite">
        {total === 0 ? "No members" : `Showing ${from}–${to} of ${of}`}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <Label htmlFor="members-page-size" className="font-normal text-muted-foreground">
            Rows per page
          </Label>
          <Select value={String(size)} onValueChange={(s) => onChange({ size: s === "25" ? null : s, page: null })}>
            <SelectTrigger id="members-page-size" size="sm" className="w-20">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {PAGE_SIZES.map((s) => (
                <SelectItem key={s} value={String(s)}>
                  {s}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <span className="text-muted-foreground">
          {`Page ${Math.min(page, pages)} of ${capped ? `more than ${pages}` : pages}`}
        </span>
        <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onChange({ page: page - 1 <= 1 ? null : page - 1 })}>
          <ChevronLeft className="size-4" aria-hidden />
          Previous page
        </Button>
        <Button variant="outline" size="sm" disabled={page >= pages && !capped} onClick={() => onChange({ page: page + 1 })}>
          Next page
          <ChevronRight className="size-4" aria-hidden />
        </Button>
      </div>
    </nav>
  );
}
