"use client";

import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { LazyConfirmDialog, useVanishingTriggerDialog } from "@/components/ui/on-demand";
import { useAction } from "@/components/forms/use-action";
import { focusPageHeading } from "@/components/page-header";
import { resendInvitation, revokeInvitation } from "@/lib/invitations/actions";
import { reportMailResult } from "./mail-toast";

type Row = { id: string; email: string; expired: boolean };

export function InvitationRowActions({ slug, invitation }: { slug: string; invitation: Row }) {
  const router = useRouter();
  // The revoked invitation's row disappears: focus goes to the page's heading.
  const { trigger, mounted, dialog, finish } = useVanishingTriggerDialog(focusPageHeading);
  const resendCall = useAction(resendInvitation, {
    onSuccess(result) {
      reportMailResult(result, `New invitation link sent to ${invitation.email}. The previous link no longer works.`);
      router.refresh();
    },
  });
  const revokeCall = useAction(revokeInvitation, {
    onSuccess() {
      toast.success(`Invitation to ${invitation.email} revoked`);
      finish();
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
      <Button {...trigger} variant="ghost" size="sm" className="text-destructive hover:text-destructive" disabled={busy !== null} aria-label={`Revoke invitation to ${invitation.email}`}>
        Revoke
      </Button>
      {mounted ? (
        <LazyConfirmDialog
          {...dialog}
          title={`Revoke the invitation to ${invitation.email}?`}
          description="The link in their email stops working at once. You can invite them again later; the audit log keeps this invitation."
          confirmLabel="Revoke invitation"
          busy={busy !== null}
          busyLabel={busy === "revoke" ? "Revoking…" : "Revoke invitation"}
          onConfirm={revoke}
        />
      ) : null}
    </div>
  );
}
