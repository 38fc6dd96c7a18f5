import { prisma } from "@/lib/db";
import type { Plan } from "./plans";
import { seatUsage } from "./seats";

/** Seats in use for the billing page; the caller has already checked `billing:view`. */
export function workspaceSeatUsage(workspace: { id: string; plan: Plan }) {
  return seatUsage(prisma, workspace);
}
