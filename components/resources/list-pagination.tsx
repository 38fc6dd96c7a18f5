"use client";

import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { plural } from "@/lib/format";

type Update = (changes: Record<string, string | number | null>) => void;

/** "Showing 1–25 of 40 agents", and Previous/Next; page 1 is the URL without `?page=`. */
export function ListPagination({ summaryId, noun, total, page, size, onChange }: { summaryId: string; noun: string; total: number; page: number; size: number; onChange: Update }) {
  const pages = Math.max(1, Math.ceil(total / size));
  const from = (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  // Past the end (an old link), Previous goes to the last page that has rows.
  const previous = Math.min(page - 1, pages);
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p id={summaryId} className="text-muted-foreground" aria-live="polite">
        {total === 0 ? `No ${noun}s` : from > total ? `${plural(total, noun)} in all` : `Showing ${from}–${to} of ${plural(total, noun)}`}
      </p>
      {pages > 1 || page > 1 ? (
        <div className="flex flex-wrap items-center gap-3">
          <span className="text-muted-foreground">
            Page {page} of {pages}
          </span>
          <Button variant="outline" size="sm" disabled={page <= 1} onClick={() => onChange({ page: previous <= 1 ? null : previous })}>
            <ChevronLeft className="size-4" aria-hidden />
            Previous page
          </Button>
          <Button variant="outline" size="sm" disabled={page >= pages} onClick={() => onChange({ page: page + 1 })}>
            Next page
            <ChevronRight className="size-4" aria-hidden />
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
