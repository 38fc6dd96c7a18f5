import "server-only";
import { prisma } from "@/lib/db";
import type { Plan } from "./plans";
import { seatUsage } from "./seats";

/** Seats in use right now, for the pages that show them (billing, invitations); the caller has checked the permission. */
export function workspaceSeatUsage(workspace: { id: string; plan: Plan }) {
  return seatUsage(prisma, workspace);
}
