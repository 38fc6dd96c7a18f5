import Link from "next/link";
import { Upload } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Button } from "@/components/ui/button";
import { InviteButton } from "@/components/invitations/invite-button";
import { InvitationsTable } from "@/components/invitations/invitations-table";
import { workspaceSeatUsage } from "@/lib/billing/queries";
import { seatsSummary } from "@/lib/billing/seats";
import { listPendingInvitations } from "@/lib/invitations/queries";
import { requireWorkspaceMember } from "@/lib/authz/page-access";
import { listGroupOptions } from "@/lib/groups/queries";

export const metadata = { title: "Pending invitations" };

export default async function InvitationsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, membership } = await requireWorkspaceMember(slug, "members:manage");
  const [invitations, usage, groups] = await Promise.all([listPendingInvitations(workspace.id), workspaceSeatUsage(workspace), listGroupOptions(workspace.id)]);
  const seats = seatsSummary(workspace.plan, usage);
  return (
    <>
      <PageHeader
        title="Pending invitations"
        description={`Invitations not yet accepted. Resend gives a fresh link and lifetime (the old link stops working); revoke ends a link at once. ${seats}`}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href={`/w/${slug}/invitations/bulk`}>
                <Upload aria-hidden />
                Bulk invite
              </Link>
            </Button>
            <InviteButton slug={slug} viewerRole={membership.role} seatsNote={seats} groups={groups} />
          </>
        }
      />
      <InvitationsTable slug={slug} invitations={invitations} />
    </>
  );
}
