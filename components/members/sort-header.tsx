"use client";

/** A column header that sorts: first click ascending, then toggles. */
export function SortHeader({ label, active, desc, onSort }: { label: string; active: boolean; desc: boolean; onSort: (desc: boolean) => void }) {
  // Drawn by CSS (app/globals.css), as the row actions' icon: one on every column.
  const icon = !active ? "icon-sort" : desc ? "icon-sort-desc" : "icon-sort-asc";
  return (
    <button
      type="button"
      onClick={() => onSort(active ? !desc : false)}
      className="sort-header"
    >
      {label}
      <span className={`css-icon ${icon} size-3.5 text-muted-foreground`} aria-hidden />
      <span className="sr-only">{active ? (desc ? ", sorted descending" : ", sorted ascending") : ", sort"}</span>
    </button>
  );
}
