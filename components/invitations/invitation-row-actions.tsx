"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { focusPageHeading } from "@/components/page-header";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/actions";
import { reportMailResult } from "./mail-toast";

type Row = { id: string; email: string; expired: boolean };

export function InvitationRowActions({ slug, invitation }: { slug: string; invitation: Row }) {
  const router = useRouter();
  const [busy, setBusy] = useState<"resend" | "revoke" | null>(null);
  const [confirming, setConfirming] = useState(false);
  const revoked = useRef(false);

  async function resend() {
    setBusy("resend");
    const result = await resendInvitation(slug, { invitationId: invitation.id });
    setBusy(null);
    if (result.ok) {
      reportMailResult(result.data, `New invitation link sent to ${invitation.email}. The previous link no longer works.`);
      router.refresh();
    } else toast.error(result.message);
  }

  async function revoke() {
    setBusy("revoke");
    const result = await revokeInvitation(slug, { invitationId: invitation.id });
    setBusy(null);
    if (result.ok) {
      toast.success(`Invitation to ${invitation.email} revoked`);
      revoked.current = true;
      setConfirming(false);
      router.refresh();
    } else toast.error(result.message);
  }

  return (
    <div className="flex justify-end gap-2">
      <Button variant="outline" size="sm" onClick={resend} disabled={busy !== null} aria-busy={busy === "resend"} aria-label={`Resend invitation to ${invitation.email}`}>
        {busy === "resend" ? "Sending…" : "Resend"}
      </Button>
      <AlertDialog open={confirming} onOpenChange={setConfirming}>
        <AlertDialogTrigger asChild>
          <Button variant="ghost" size="sm" className="text-destructive hover:text-destructive" disabled={busy !== null} aria-label={`Revoke invitation to ${invitation.email}`}>
            Revoke
          </Button>
        </AlertDialogTrigger>
        <AlertDialogContent
          onCloseAutoFocus={(event) => {
            // The row, and the button that opened this dialog, are about to disappear.
            if (!revoked.current) return;
            event.preventDefault();
            focusPageHeading();
          }}
        >
          <AlertDialogHeader>
            <AlertDialogTitle>Revoke the invitation to {invitation.email}?</AlertDialogTitle>
            <AlertDialogDescription>The link in their email stops working at once. You can invite them again later; the audit log keeps this invitation.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy !== null}>Cancel</AlertDialogCancel>
            <Button variant="destructive" onClick={revoke} disabled={busy !== null}>
              {busy === "revoke" ? "Revoking…" : "Revoke invitation"}
            </Button>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </div>
  );
}
