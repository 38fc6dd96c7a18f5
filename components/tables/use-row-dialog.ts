"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A dialog opened from a row's menu. The menu is gone by the time the dialog closes, so
 * `returnFocus` (for the dialog's `onCloseAutoFocus`) puts focus back on that row's
 * Actions button, found by `[data-<attribute>="<row id>"]`; when the row itself is gone
 * (deleted), it leaves focus to the dialog's own handling.
 */
export function useRowDialog<D>(attribute: string, rowIdOf: (dialog: D) => string) {
  const [dialog, setDialog] = useState<D | null>(null);
  const openedFor = useRef<string | null>(null);
  const open = useCallback(
    (next: D) => {
      openedFor.current = rowIdOf(next);
      setDialog(next);
    },
    [rowIdOf],
  );
  const close = useCallback(() => setDialog(null), []);
  const returnFocus = useCallback(
    (event: Event) => {
      const trigger = document.querySelector<HTMLElement>(`[data-${attribute}="${openedFor.current}"]`);
      if (!trigger) return;
      event.preventDefault();
      trigger.focus();
    },
    [attribute],
  );
  return { dialog, open, close, returnFocus };
}
