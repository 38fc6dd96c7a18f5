import { prisma, type Db, type Tx } from "@/lib/db";
import { Refusal } from "@/lib/authz/result";
import { PLAN_LABELS, PLAN_SEATS, type Plan } from "./plans";

export type SeatUsage = { members: number; pending: number; used: number; limit: number | null };

/**
 * Seats in use: members plus pending invitations that can still be accepted. An expired
 * invitation holds no seat (SPEC §4: it never blocks a new one); resending it takes one again.
 */
export async function seatUsage(db: Db | Tx, workspace: { id: string; plan: Plan }, now = new Date()): Promise<SeatUsage> {
  const [members, pending] = await Promise.all([
    db.membership.count({ where: { workspaceId: workspace.id } }),
    db.invitation.count({ where: { workspaceId: workspace.id, status: "pending", expiresAt: { gt: now } } }),
  ]);
  return { members, pending, used: members + pending, limit: PLAN_SEATS[workspace.plan] };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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
      `The ${PLAN_LABELS[workspace.plan]} plan has ${plural(usage.limit, "seat")} and ${plural(usage.used, "is", "are")} in use ` +
        `(${plural(usage.members, "member")}, ${plural(usage.pending, "pending invitation")}). ` +
        "Revoke an invitation, remove a member or change the plan on the billing page.",
    );
  }
  return usage;
}

/** For pages: the workspace's seats right now. */
export const currentSeatUsage = (workspace: { id: string; plan: Plan }) => seatUsage(prisma, workspace);

/** "4 of 10 seats in use (Business plan)." — shown where people invite. */
export function seatsSummary(plan: Plan, usage: SeatUsage): string {
  if (usage.limit === null) return `${plural(usage.used, "seat")} in use (${PLAN_LABELS[plan]} plan, unlimited).`;
  return `${usage.used} of ${plural(usage.limit, "seat")} in use (${PLAN_LABELS[plan]} plan).`;
}
