"use client";

import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

export type ConfirmDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** From `useDialogTrigger` (./on-demand.ts): the dialog's id, and where focus goes when it closes. */
  id?: string;
  onCloseAutoFocus?: (event: Event) => void;
  title: React.ReactNode;
  description: React.ReactNode;
  cancelLabel?: string;
  confirmLabel: string;
  /** Disables both buttons; `busyLabel` replaces the confirm label meanwhile. */
  busy: boolean;
  busyLabel: string;
  onConfirm: () => void;
};

/**
 * "Are you sure?" before a destructive action: a title, what will happen, Cancel and the
 * destructive button. Its openers load it on demand (next/dynamic and ./on-demand.ts), so
 * Radix's dialog code reaches a page only when someone opens one.
 */
export function ConfirmDialog({ open, onOpenChange, id, onCloseAutoFocus, title, description, cancelLabel = "Cancel", confirmLabel, busy, busyLabel, onConfirm }: ConfirmDialogProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent id={id} onCloseAutoFocus={onCloseAutoFocus}>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>{cancelLabel}</AlertDialogCancel>
          <Button variant="destructive" onClick={onConfirm} disabled={busy}>
            {busy ? busyLabel : confirmLabel}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
