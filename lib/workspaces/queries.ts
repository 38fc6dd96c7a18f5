import "server-only";
import { prisma } from "@/lib/db";

/** Every workspace the user belongs to, with their role in each (the switcher). */
export function listUserWorkspaces(userId: string) {
  return prisma.membership.findMany({
    where: { userId },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
    orderBy: { workspace: { name: "asc" } },
  });
}
