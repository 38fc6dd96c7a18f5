"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
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
import { useAction } from "@/components/forms/use-action";
import { focusPageHeading } from "@/components/page-header";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/actions";
import { reportMailResult } from "./mail-toast";

type Row = { id: string; email: string; expired: boolean };

export function InvitationRowActions({ slug, invitation }: { slug: string; invitation: Row }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoked = useRef(false);
  const resendCall = useAction(resendInvitation, {
    onSuccess(result) {
      reportMailResult(result, `New invitation link sent to ${invitation.email}. The previous link no longer works.`);
      router.refresh();
    },
  });
  const revokeCall = useAction(revokeInvitation, {
    onSuccess() {
      toast.success(`Invitation to ${invitation.email} revoked`);
      revoked.current = true;
      setConfirming(false);
      router.refresh();
    },
  });
  const busy = resendCall.pending ? "resend" : revokeCall.pending ? "revoke" : null;
  const resend = () => resendCall.run(slug, { invitationId: invitation.id });
  const revoke = () => revokeCall.run(slug, { invitationId: invitation.id });

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
