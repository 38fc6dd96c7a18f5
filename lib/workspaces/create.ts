import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { slugify } from "./schemas";

/** A slug no other workspace has: the name's slug, or it with a short random suffix. */
async function uniqueSlug(tx: Tx, name: string): Promise<string> {
  const base = slugify(name);
  if (!(await tx.workspace.findUnique({ where: { slug: base }, select: { id: true } }))) return base;
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await tx.workspace.findUnique({ where: { slug: candidate }, select: { id: true } }))) return candidate;
  }
}

/** Creates a workspace with `ownerId` as its one owner. New workspaces on a self-hosted instance are on the enterprise plan (no seat cap). */
export async function createWorkspaceWithOwner(tx: Tx, input: { name: string; ownerId: string }) {
  const workspace = await tx.workspace.create({ data: { name: input.name, slug: await uniqueSlug(tx, input.name) } });
  await tx.membership.create({ data: { workspaceId: workspace.id, userId: input.ownerId, role: "owner" } });
  return workspace;
}
