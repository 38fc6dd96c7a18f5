import { PageHeader } from "@/components/page-header";
import { BulkInviteForm } from "@/components/invitations/bulk-invite-form";
import { workspaceSeatUsage } from "@/lib/billing/queries";
import { seatsSummary } from "@/lib/billing/seats";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "Bulk invite" };

export default async function BulkInvitePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace } = await requireWorkspaceMember(slug, "members:manage");
  const usage = await workspaceSeatUsage(workspace);
  return (
    <>
      <PageHeader title="Bulk invite" description="Paste or upload a CSV of email,role and optionally groups. Every row is checked and shown before anything is sent." />
      <BulkInviteForm slug={slug} seatsNote={seatsSummary(workspace.plan, usage)} />
    </>
  );
}
