import { Info } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ChangePlanForm } from "@/components/billing/change-plan-form";
import { PlansTable } from "@/components/billing/plans-table";
import { SeatMeter } from "@/components/billing/seat-meter";
import { can, refusalFor } from "@/lib/authz/permissions";
import { PLAN_LABELS } from "@/lib/billing/plans";
import { workspaceSeatUsage } from "@/lib/billing/queries";
import { planChoices } from "@/lib/billing/seats";
import { requireWorkspaceMember } from "@/lib/authz/page-access";

export const metadata = { title: "Billing" };

// Plans and seats (docs/product.md#seats-and-plans). Owners, admins and billing members
// see it (others get 404); only the owner
// and billing members may change the plan, which the server enforces in changePlan.
export default async function BillingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { workspace, membership } = await requireWorkspaceMember(slug, "billing:view");
  const usage = await workspaceSeatUsage(workspace);
  const choices = planChoices(workspace.plan, usage);
  const mayChange = can(membership.role, "billing:manage");
  return (
    <>
      <PageHeader title="Billing" description="The workspace's plan and the seats it allows. Seats are members plus pending invitations." />
      <p className="mb-6 flex items-center gap-2 rounded-md border bg-background px-3 py-2 text-sm text-muted-foreground">
        <Info className="size-4 shrink-0" aria-hidden />
        No payment provider is connected: the plan is a setting on this self-hosted instance.
      </p>
      <div className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Current plan: {PLAN_LABELS[workspace.plan]}</h2>
            </CardTitle>
            <CardDescription>Expired invitations hold no seat; revoking an invitation or removing a member frees one.</CardDescription>
          </CardHeader>
          <CardContent>
            <SeatMeter usage={usage} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Plans</h2>
            </CardTitle>
            <CardDescription>
              {mayChange
                ? "Choose a plan. A plan with fewer seats than are in use cannot be chosen until seats are freed."
                : refusalFor("billing:manage")}
            </CardDescription>
          </CardHeader>
          <CardContent>
            {mayChange ? <ChangePlanForm slug={slug} current={workspace.plan} choices={choices} /> : <PlansTable choices={choices} />}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
