"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import type { GroupItemKind } from "@/lib/groups/schemas";
import { AddToGroupPopover } from "./add-to-group-popover";
import { RemoveFromGroupButton } from "./remove-from-group-button";

/** One member, agent or persona as a section lists it. */
export type SectionItem = { id: string; name: string; href?: string; detail?: string; initials?: string; badges?: ReactNode };

type Props = {
  slug: string;
  group: { id: string; name: string };
  kind: GroupItemKind;
  title: string;
  items: SectionItem[];
  /** How many the group has in all; the page shows at most `sectionLimit`. */
  total: number;
  sectionLimit: number;
  manager: boolean;
};

export const sectionHeadingId = (groupId: string, kind: GroupItemKind) => `group-${groupId}-${kind}s`;

export function GroupSection({ slug, group, kind, title, items, total, sectionLimit, manager }: Props) {
  const headingId = sectionHeadingId(group.id, kind);
  const more = items.length >= sectionLimit ? total - items.length : 0;
  return (
    <section aria-labelledby={headingId} className="grid content-start gap-2">
      <div className="flex items-center justify-between gap-2">
        {/* Focusable from script: after a removal the item's button is gone, and focus continues here. */}
        <h3 id={headingId} tabIndex={-1} className="text-sm font-semibold outline-none">
          {title} <span className="font-normal text-muted-foreground">({total})</span>
        </h3>
        {manager ? <AddToGroupPopover slug={slug} group={group} kind={kind} /> : null}
      </div>
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">{manager || kind === "member" ? `No ${title.toLowerCase()} in this group yet.` : `No ${title.toLowerCase()} here that you can open.`}</p>
      ) : (
        <ul className="grid gap-1">
          {items.map((item) => (
            <li key={item.id} className="flex min-h-9 items-center gap-2 rounded-md px-1 text-sm hover:bg-muted/50">
              {item.initials ? (
                <span className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary" aria-hidden>
                  {item.initials}
                </span>
              ) : null}
              <span className="grid min-w-0 flex-1">
                <span className="flex flex-wrap items-center gap-1.5">
                  {item.href ? (
                    <Link href={item.href} className="truncate font-medium underline-offset-4 hover:underline">
                      {item.name}
                    </Link>
                  ) : (
                    <span className="truncate font-medium">{item.name}</span>
                  )}
                  {item.badges}
                </span>
                {item.detail ? <span className="truncate text-muted-foreground">{item.detail}</span> : null}
              </span>
              {manager ? <RemoveFromGroupButton slug={slug} group={group} kind={kind} item={item} headingId={headingId} /> : null}
            </li>
          ))}
        </ul>
      )}
      {more > 0 ? <p className="text-sm text-muted-foreground">and {more} more</p> : null}
    </section>
  );
}
