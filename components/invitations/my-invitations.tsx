"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { acceptMyInvitation, emailMyInvitationLink } from "@/lib/invitations/my-actions";

export type MyInvitation = { id: string; role: Role; expiresAt: string; workspaceName: string; inviterName: string | null };

/** Invitations to the signed-in person's address: join at once if the address is verified, else have a fresh link mailed. */
export function MyInvitations({ invitations, email, verified }: { invitations: MyInvitation[]; email: string; verified: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);

  async function accept(invitation: MyInvitation) {
    setBusy(invitation.id);
    const result = await acceptMyInvitation({ invitationId: invitation.id });
    setBusy(null);
    if (!result.ok) return toast.error(result.message);
    toast.success(`Welcome to ${invitation.workspaceName}`);
    router.push(result.data.redirectTo);
    router.refresh();
  }

  async function emailLink(invitation: MyInvitation) {
    setBusy(invitation.id);
    const result = await emailMyInvitationLink({ invitationId: invitation.id });
    setBusy(null);
    if (!result.ok) return toast.error(result.message);
    if (result.data.mailFailed.length) toast.error(`The email to ${email} could not be sent. Try again later.`);
    else toast.success(`A new link to join ${invitation.workspaceName} was sent to ${email}`);
  }

  return (
    <ul className="divide-y" aria-label="Invitations for you">
      {invitations.map((inv) => (
        <li key={inv.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
          <div className="grid gap-0.5">
            <span className="font-medium">
              {inv.workspaceName} <Badge variant="secondary">{ROLE_LABELS[inv.role]}</Badge>
            </span>
            <span className="text-sm text-muted-foreground">
              {inv.inviterName ? `Invited by ${inv.inviterName}. ` : ""}Expires {formatDateTime(inv.expiresAt)}.
            </span>
          </div>
          {verified ? (
            <Button size="sm" onClick={() => accept(inv)} disabled={busy !== null} aria-label={`Join ${inv.workspaceName}`}>
              {busy === inv.id ? "Joining…" : "Join"}
            </Button>
          ) : (
            <Button size="sm" variant="outline" onClick={() => emailLink(inv)} disabled={busy !== null} aria-label={`Email me the link to join ${inv.workspaceName}`}>
              {busy === inv.id ? "Sending…" : "Email me the link"}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}
