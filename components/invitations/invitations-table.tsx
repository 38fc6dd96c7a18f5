import { Mail } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { formatDate, formatDateTime, formatRelative, fullName } from "@/lib/format";
import type { PendingInvitationRow } from "@/lib/invitations/queries";
import { InvitationRowActions } from "./invitation-row-actions";

function When({ date, relative = false }: { date: Date; relative?: boolean }) {
  const iso = date.toISOString();
  return (
    <time dateTime={iso} title={formatDateTime(date)} suppressHydrationWarning>
      {relative ? formatRelative(date) : formatDate(date)}
    </time>
  );
}

export function InvitationsTable({ slug, invitations }: { slug: string; invitations: PendingInvitationRow[] }) {
  if (invitations.length === 0) {
    return (
      <div className="grid place-items-center gap-2 rounded-lg border border-dashed bg-background px-6 py-16 text-center">
        <Mail className="size-8 text-muted-foreground" aria-hidden />
        <p className="font-medium">No pending invitations</p>
        <p className="max-w-sm text-sm text-muted-foreground">Invite colleagues by email. Their invitations wait here until they join, expire or are revoked.</p>
      </div>
    );
  }
  return (
    <div className="rounded-lg border bg-background">
      <Table aria-label="Pending invitations">
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Email</TableHead>
            <TableHead scope="col">Role</TableHead>
            <TableHead scope="col">Groups</TableHead>
            <TableHead scope="col">Invited by</TableHead>
            <TableHead scope="col">Sent</TableHead>
            <TableHead scope="col">Expires</TableHead>
            <TableHead scope="col">Status</TableHead>
            <TableHead scope="col">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {invitations.map((inv) => (
            <TableRow key={inv.id}>
              <TableHead scope="row" className="font-medium">
                {inv.email}
              </TableHead>
              <TableCell>
                <Badge variant="secondary">{ROLE_LABELS[inv.role]}</Badge>
              </TableCell>
              <TableCell className="whitespace-normal">{inv.groups.length ? inv.groups.map((g) => g.name).join(", ") : <span className="text-muted-foreground">None</span>}</TableCell>
              <TableCell>{inv.invitedBy ? fullName(inv.invitedBy) : <span className="text-muted-foreground">Former member</span>}</TableCell>
              <TableCell>
                <When date={inv.sentAt} relative />
              </TableCell>
              <TableCell>
                <span className="grid">
                  <When date={inv.expiresAt} relative />
                  <span className="text-xs text-muted-foreground">{formatDateTime(inv.expiresAt)}</span>
                </span>
              </TableCell>
              <TableCell>{inv.expired ? <Badge variant="destructive">Expired</Badge> : <Badge variant="outline">Pending</Badge>}</TableCell>
              <TableCell className="text-right">
                <InvitationRowActions slug={slug} invitation={{ id: inv.id, email: inv.email, expired: inv.expired }} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
