"use client";

import { useRouter } from "next/navigation";
import { toastJoined } from "./joined-toast";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/forms/use-action";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { formatDateTime } from "@/lib/format";
import { acceptMyInvitation } from "@/lib/invitations/my-actions";

export type MyInvitation = { id: string; role: Role; expiresAt: string; workspaceName: string; inviterName: string | null };

/** A verified person's invitations, each with a Join button. */
export function MyInvitations({ invitations }: { invitations: MyInvitation[] }) {
  return (
    <ul className="divide-y" aria-label="Invitations for you">
      {invitations.map((inv) => (
        <MyInvitationItem key={inv.id} invitation={inv} />
      ))}
    </ul>
  );
}

function MyInvitationItem({ invitation: inv }: { invitation: MyInvitation }) {
  const router = useRouter();
  const { run, pending } = useAction(acceptMyInvitation, {
    onSuccess({ redirectTo, twoFactorSetupFirst }) {
      toastJoined(inv.workspaceName, { twoFactorSetupFirst });
      router.push(redirectTo);
      router.refresh();
    },
  });
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div className="grid gap-0.5">
        <span className="font-medium">
          {inv.workspaceName} <Badge variant="secondary">{ROLE_LABELS[inv.role]}</Badge>
        </span>
        <span className="text-sm text-muted-foreground">
          {inv.inviterName ? `Invited by ${inv.inviterName}. ` : ""}Expires {formatDateTime(inv.expiresAt)}.
        </span>
      </div>
      <Button size="sm" onClick={() => run({ invitationId: inv.id })} disabled={pending} aria-busy={pending}>
        {pending ? "Joining…" : "Join"}
        <span className="sr-only"> {inv.workspaceName}</span>
      </Button>
    </li>
  );
}
