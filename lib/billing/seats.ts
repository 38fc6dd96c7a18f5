import "server-only";
import type { Db, Tx } from "@/lib/db";
import { Refusal } from "@/lib/core/result";
import { PLANS, PLAN_LABELS, PLAN_SEATS, seatLimitLabel, type Plan } from "./plans";
import { plural } from "@/lib/format";

export type SeatUsage = { members: number; pending: number; used: number; limit: number | null };

/**
 * Seats in use: members plus pending invitations that can still be accepted. An expired
 * invitation holds no seat, so it never blocks a new one; resending it takes one again.
 */
export async function seatUsage(db: Db | Tx, workspace: { id: string; plan: Plan }, now = new Date()): Promise<SeatUsage> {
  const [members, pending] = await Promise.all([
    db.membership.count({ where: { workspaceId: workspace.id } }),
    db.invitation.count({ where: { workspaceId: workspace.id, status: "pending", expiresAt: { gt: now } } }),
  ]);
  return { members, pending, used: members + pending, limit: PLAN_SEATS[workspace.plan] };
}

/** "The Growth plan has 3 seats; 5 are in use (4 members, 1 pending invitation)" — `plan`'s seats against today's usage. */
function usageSentence(plan: Plan, limit: number, usage: SeatUsage): string {
  return `The ${PLAN_LABELS[plan]} plan has ${plural(limit, "seat")}; ${plural(usage.used, "is", "are")} in use (${seatBreakdown(usage)}).`;
}

/**
 * Why `plan` cannot hold today's usage, saying how many seats to free; null when it fits.
 * A downgrade never removes anyone: the owner or a billing member frees the seats first.
 */
export function downgradeRefusal(plan: Plan, usage: SeatUsage): string | null {
  const limit = PLAN_SEATS[plan];
  if (limit === null || usage.used <= limit) return null;
  const remove = `Remove ${plural(usage.used - limit, "member")}`;
  return `${usageSentence(plan, limit, usage)} ${usage.pending > 0 ? `${remove} or revoke invitations first.` : `${remove} first.`}`;
}

/**
 * Refuses when `needed` more seats would go over the plan. Call inside the guard's
 * transaction: it holds the workspace lock, so two invitations for the last seat
 * cannot both pass.
 */
export async function assertSeatsAvailable(tx: Tx, workspace: { id: string; plan: Plan }, needed = 1): Promise<SeatUsage> {
  const usage = await seatUsage(tx, workspace);
  if (usage.limit !== null && usage.used + needed > usage.limit) {
    throw new Refusal(
      "seat_limit",
      `${usageSentence(workspace.plan, usage.limit, usage)} Revoke an invitation, remove a member or change the plan on the billing page.`,
    );
  }
  return usage;
}

export type PlanChoice = { plan: Plan; label: string; seats: string; current: boolean; refusal: string | null };

/** The five plans as the billing page lists them: which is current, and which cannot hold today's usage (and why). */
export function planChoices(current: Plan, usage: SeatUsage): PlanChoice[] {
  return PLANS.map((plan) => ({
    plan,
    label: PLAN_LABELS[plan],
    seats: seatLimitLabel(plan),
    current: plan === current,
    refusal: plan === current ? null : downgradeRefusal(plan, usage),
  }));
}

/** "5 of 10 seats used", or "5 seats used" on an unlimited plan. */
export function seatsUsedLabel(usage: SeatUsage): string {
  return usage.limit === null ? `${plural(usage.used, "seat")} used (no limit)` : `${usage.used} of ${plural(usage.limit, "seat")} used`;
}

/** "4 members, 1 pending invitation". */
export function seatBreakdown(usage: SeatUsage): string {
  return `${plural(usage.members, "member")}, ${plural(usage.pending, "pending invitation")}`;
}

/** "4 of 10 seats used (Business plan)." or "63 seats used (Enterprise plan, no limit)." — shown where people invite. */
export function seatsSummary(plan: Plan, usage: SeatUsage): string {
  if (usage.limit === null) return `${plural(usage.used, "seat")} used (${PLAN_LABELS[plan]} plan, no limit).`;
  return `${seatsUsedLabel(usage)} (${PLAN_LABELS[plan]} plan).`;
}
