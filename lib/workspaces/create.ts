import "server-only";
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { userActor, type Audit } from "@/lib/audit/record";
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

type Owner = { id: string; firstName: string; lastName: string; email: string };

/**
 * Creates a workspace with `owner` as its one owner, and records it in the new
 * workspace's log with the owner as actor. New workspaces on a self-hosted instance are
 * on the enterprise plan (no seat cap).
 */
export async function createWorkspaceWithOwner(tx: Tx, input: { name: string; owner: Owner }, audit: Audit) {
  const workspace = await tx.workspace.create({ data: { name: input.name, slug: await uniqueSlug(tx, input.name) } });
  await tx.membership.create({ data: { workspaceId: workspace.id, userId: input.owner.id, role: "owner" } });
  await audit({
    workspaceId: workspace.id,
    action: "workspace.created",
    actor: userActor(input.owner),
    target: { type: "workspace", id: workspace.id, label: workspace.name },
    after: { name: workspace.name, slug: workspace.slug, plan: workspace.plan },
  });
  return workspace;
}
