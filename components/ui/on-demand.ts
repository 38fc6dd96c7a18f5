"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
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

type Activation = { kind: "pointer" } | { kind: "key"; key: string };

/**
 * A menu (or another popup with a button) whose code loads on demand. Until it has
 * loaded, the page shows a stand-in for its button: the same look, with the closed
 * state Radix's trigger has (`aria-haspopup`, `aria-expanded="false"`, `data-state`).
 * Pointer or focus on the stand-in starts loading; pressing it (pointer down, or one of
 * `keys`) also remembers the press. Once loaded, `Loaded` is rendered with `triggerRef`
 * on its real trigger, which takes focus if the stand-in had it, and the remembered press
 * is replayed on it, so the popup opens as it would have (first item focused after a key,
 * as Radix does for keyboard users).
 */
export function useOnDemandPopup<C>(load: () => Promise<C>, { haspopup = "menu", keys = ["Enter", " ", "ArrowDown"] }: { haspopup?: "menu" | "listbox" | "dialog"; keys?: string[] } = {}) {
  const [Loaded, setLoaded] = useState<C | null>(null);
  const started = useRef(false);
  const hadFocus = useRef(false);
  const pressed = useRef<Activation | null>(null);
  const standInRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);

  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void load().then((loaded) => {
      hadFocus.current = document.activeElement !== null && document.activeElement === standInRef.current;
      setLoaded(() => loaded);
    });
  }, [load]);

  // Focus moves in a layout effect: the stand-in leaves the DOM in the same commit, and
  // the real trigger must hold focus before the browser handles another key (a Tab in
  // between would start from the removed button).
  useLayoutEffect(() => {
    if (Loaded && hadFocus.current) triggerRef.current?.focus();
  }, [Loaded]);

  // The press that asked for the popup is replayed in a passive effect, after the loaded
  // menu's own effects: Radix listens for keys on the document from one of those, and
  // only a key it heard opens the menu with its first item focused.
  useEffect(() => {
    if (!Loaded) return;
    const trigger = triggerRef.current;
    const press = pressed.current;
    pressed.current = null;
    if (!trigger) return;
    if (press?.kind === "key") trigger.dispatchEvent(new KeyboardEvent("keydown", { key: press.key, bubbles: true, cancelable: true }));
    if (press?.kind === "pointer") trigger.dispatchEvent(new PointerEvent("pointerdown", { button: 0, bubbles: true, cancelable: true, pointerType: "mouse", isPrimary: true }));
  }, [Loaded]);

  const standIn = {
    ref: standInRef,
    type: "button" as const,
    "aria-haspopup": haspopup,
    "aria-expanded": false,
    "data-state": "closed",
    onPointerEnter: start,
    onFocus: start,
    onPointerDown: (event: React.PointerEvent) => {
      if (event.button !== 0 || event.ctrlKey) return;
      // As Radix's trigger does: the popup, not the button, takes focus when it opens.
      event.preventDefault();
      pressed.current = { kind: "pointer" };
      start();
    },
    onKeyDown: (event: React.KeyboardEvent) => {
      if (!keys.includes(event.key)) return;
      event.preventDefault();
      pressed.current = { kind: "key", key: event.key };
      start();
    },
  };
  return { Loaded, standIn, triggerRef };
}

/**
 * A confirm dialog (LazyConfirmDialog, loaded on first use) whose trigger is gone once the
 * action succeeds (a revoked row, the last other browser): after `finish()`, closing it
 * sends focus to `focusAfter()` (where the person was) instead of the vanished trigger.
 * Spread `dialog` on the LazyConfirmDialog, `trigger` on its button.
 */
export function useVanishingTriggerDialog(focusAfter: () => void) {
  const [open, setOpen] = useState(false);
  const done = useRef(false);
  const mounted = useOpenedOnce(open);
  const { trigger, content } = useDialogTrigger(open, setOpen, loadConfirmDialog);
  const dialog = {
    open,
    onOpenChange: setOpen,
    id: content.id,
    onCloseAutoFocus(event: Event) {
      if (!done.current) return content.onCloseAutoFocus(event);
      event.preventDefault();
      focusAfter();
    },
  };
  const finish = () => {
    done.current = true;
    setOpen(false);
  };
  return { trigger, mounted, dialog, finish };
}
