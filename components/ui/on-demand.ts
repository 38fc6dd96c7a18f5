"use client";

import { useCallback, useId, useRef, useState } from "react";
import dynamic from "next/dynamic";

// Dialogs load when they are first opened, not with the page (README, Performance): a
// dialog's module is imported with next/dynamic by the component that opens it, and
// rendered from its first opening on. It then stays mounted, so it closes, animates and
// returns focus exactly as a dialog mounted with the page does.

/** False until `open` is first true, then true for good: whether to render a dialog loaded on demand. */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

/**
 * For a button that opens a dialog loaded on demand, what Radix's DialogTrigger would
 * give it: the button's ARIA state (`aria-haspopup`, `aria-expanded`, `aria-controls`
 * naming the dialog while open, `data-state`), opening on click, and focus back on the
 * button when the dialog closes (`content` goes on the DialogContent / AlertDialogContent).
 * `preload` starts loading the dialog when the pointer or focus reaches the button.
 */
export function useDialogTrigger(open: boolean, setOpen: (open: boolean) => void, preload?: () => unknown) {
  const ref = useRef<HTMLButtonElement>(null);
  const id = useId();
  const warm = useCallback(() => void preload?.(), [preload]);
  const trigger = {
    ref,
    type: "button" as const,
    "aria-haspopup": "dialog" as const,
    "aria-expanded": open,
    "aria-controls": open ? id : undefined,
    "data-state": open ? "open" : "closed",
    onClick: () => setOpen(true),
    onPointerEnter: warm,
    onFocus: warm,
  };
  const returnFocus = useCallback((event: Event) => {
    event.preventDefault();
    ref.current?.focus();
  }, []);
  return { trigger, content: { id, onCloseAutoFocus: returnFocus } };
}

/** What a dialog loaded on demand takes from `useDialogTrigger`. */
export type DialogContentProps = { id: string; onCloseAutoFocus: (event: Event) => void };

/** Loads ./confirm-dialog.tsx: for `useDialogTrigger`'s `preload`. */
export const loadConfirmDialog = () => import("./confirm-dialog");

/** ./confirm-dialog.tsx's ConfirmDialog, loaded on demand: render it from its first opening (`useOpenedOnce`). */
export const LazyConfirmDialog = dynamic(() => loadConfirmDialog().then((m) => m.ConfirmDialog));
