import type { Plan } from "@/lib/generated/prisma/enums";
import { plural } from "@/lib/format";

export type { Plan };
export const PLANS = ["free", "starter", "growth", "business", "enterprise"] as const satisfies readonly Plan[];

/** Seats (members + pending invitations) per plan; `null` is unlimited. See docs/product.md#seats-and-plans. */
export const PLAN_SEATS: Record<Plan, number | null> = {
  free: 1,
  starter: 1,
  growth: 3,
  business: 10,
  enterprise: null,
};

export const PLAN_LABELS: Record<Plan, string> = {
  free: "Free",
  starter: "Starter",
  growth: "Growth",
  business: "Business",
  enterprise: "Enterprise",
};

export function seatLimitLabel(plan: Plan): string {
  const seats = PLAN_SEATS[plan];
  return seats === null ? "Unlimited seats" : plural(seats, "seat");
}
