"use server";

import { workspaceAction } from "@/lib/authz/guard";
import { Refusal } from "@/lib/core/result";
import { changePlanSchema } from "./schemas";
import { downgradeRefusal, seatUsage } from "./seats";

// POST billing — change the workspace's plan. No payment provider is connected: the plan
// is a setting of this instance. Seats are counted under the guard's workspace lock, so an
// invitation sent at the same moment cannot slip past a downgrade.
export const changePlan = workspaceAction("billing:manage", changePlanSchema, async (input, { tx, workspace, audit, unchanged }) => {
  if (input.plan === workspace.plan) {
    unchanged();
    return { plan: workspace.plan };
  }
  const refusal = downgradeRefusal(input.plan, await seatUsage(tx, workspace));
  if (refusal) throw new Refusal("seat_limit", refusal);
  await tx.workspace.update({ where: { id: workspace.id }, data: { plan: input.plan } });
  await audit({
    action: "workspace.plan_changed",
    target: { type: "workspace", id: workspace.id, label: workspace.name },
    before: { plan: workspace.plan },
    after: { plan: input.plan },
  });
  return { plan: input.plan };
});
