"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/authz/permissions";
import { formatDateTime } from "@/lib/format";
import { acceptMyInvitation, emailMyInvitationLinks } from "@/lib/invitations/my-actions";

export type MyInvitation = { id: string; role: Role; expiresAt: string; workspaceName: string; inviterName: string | null };

/** A verified person's invitations, each with a Join button. */
export function MyInvitations({ invitations }: { invitations: MyInvitation[] }) {
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
          <Button size="sm" onClick={() => accept(inv)} disabled={busy !== null} aria-busy={busy === inv.id}>
            {busy === inv.id ? "Joining…" : "Join"}
            <span className="sr-only"> {inv.workspaceName}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** For an address not yet proven: fresh links go to the inbox, which only its owner reads. */
export function EmailMyInvitationLinks({ email, count }: { email: string; count: number }) {
  const [busy, setBusy] = useState(false);
  async function send() {
    setBusy(true);
    const result = await emailMyInvitationLinks({});
    setBusy(false);
    if (!result.ok) return toast.error(result.message);
    if (result.data.mailFailed.length) toast.error(`The email to ${email} could not be sent. Try again later.`);
    else toast.success(`New ${count === 1 ? "link" : "links"} sent to ${email}`);
  }
  return (
    <Button variant="outline" onClick={send} disabled={busy} aria-busy={busy}>
      {busy ? "Sending…" : count === 1 ? "Email me the link" : "Email me the links"}
    </Button>
  );
}
