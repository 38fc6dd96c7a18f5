"use client";

import { useCallback, useEffect, useOptimistic, useRef, useTransition } from "react";
import { useUrlState } from "@/components/members/use-url-state";

/**
 * Which row is expanded: `?open=<groupId>`, so a reload or a shared link shows the same
 * contents. The server renders them, which takes a round trip; the optimistic value
 * flips aria-expanded (and shows "Loading…") on the click, not when the answer arrives.
 */
export function useOpenGroup(open: string | undefined) {
  const { update } = useUrlState();
  const [openId, setOpenId] = useOptimistic(open ?? null);
  const [pending, startTransition] = useTransition();
  const toggled = useRef<string | null>(null);
  // The table re-renders its rows when one opens, and the button that was pressed is
  // replaced: give the focus back to it, so keyboard and screen-reader users keep their place.
  useEffect(() => {
    const id = toggled.current;
    if (!id || (document.activeElement && document.activeElement !== document.body)) return;
    document.querySelector<HTMLElement>(`[data-group-toggle="${id}"]`)?.focus();
  }, [openId, open]);
  const toggle = useCallback(
    (groupId: string) => {
      toggled.current = groupId;
      const next = openId === groupId ? null : groupId;
      startTransition(() => {
        setOpenId(next);
        // Replace, not push: opening rows is looking around, not somewhere Back should step through.
        update({ open: next }, { replace: true });
      });
    },
    [openId, setOpenId, update],
  );
  return { openId, toggle, pending };
}
