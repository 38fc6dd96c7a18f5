"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";

/** A column header that sorts: first click ascending, then toggles. */
export function SortHeader({ label, active, desc, onSort }: { label: string; active: boolean; desc: boolean; onSort: (desc: boolean) => void }) {
  const Icon = !active ? ArrowUpDown : desc ? ArrowDown : ArrowUp;
  return (
    <button
      type="button"
      onClick={() => onSort(active ? !desc : false)}
      className="-ml-2 inline-flex items-center gap-1 rounded px-2 py-1 font-medium outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
    >
      {label}
      <Icon className="size-3.5 text-muted-foreground" aria-hidden />
      <span className="sr-only">{active ? (desc ? ", sorted descending" : ", sorted ascending") : ", sort"}</span>
    </button>
  );
}
