// Toasts without shipping sonner on every page's first load. `toast.success(…)` and its
// siblings load sonner (and the toaster, components/ui/sonner.tsx) on their first call and
// then pass the toast on; the toaster itself is mounted by <Toasts /> (toasts.tsx) on the
// person's first click or key press, so its live region is in the page well before the
// first toast that interaction leads to, and screen readers announce it. sonner replays a
// toast created before its toaster subscribed, so none is lost either way.
import type { ExternalToast } from "sonner";

type Kind = "success" | "error" | "warning" | "info";

let sonner: Promise<typeof import("sonner")> | null = null;
let wanted = false;
const listeners = new Set<() => void>();

/** Loads sonner once; tells <Toasts /> to mount the toaster. */
export function loadToaster() {
  sonner ??= import("sonner");
  if (!wanted) {
    wanted = true;
    for (const listener of listeners) listener();
  }
  return sonner;
}

/** For <Toasts />: whether the toaster is wanted yet, and a call when it becomes so. */
export function onToasterWanted(listener: () => void): () => void {
  if (wanted) listener();
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function show(kind: Kind, message: string, data?: ExternalToast) {
  void loadToaster().then(({ toast }) => toast[kind](message, data));
}

/** sonner's `toast.success/error/warning/info`, loaded on first use. */
export const toast = {
  success: (message: string, data?: ExternalToast) => show("success", message, data),
  error: (message: string, data?: ExternalToast) => show("error", message, data),
  warning: (message: string, data?: ExternalToast) => show("warning", message, data),
  info: (message: string, data?: ExternalToast) => show("info", message, data),
};
