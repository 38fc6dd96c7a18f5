"use server";

import { userAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "./create";
import { createWorkspaceSchema } from "./schemas";

// POST create workspace — the creator becomes its one owner.
export const createWorkspace = userAction(createWorkspaceSchema, async (input, { tx, user, audit }) => {
  const workspace = await createWorkspaceWithOwner(tx, { name: input.name, ownerId: user.id });
  await audit({
    workspaceId: workspace.id,
    action: "workspace.created",
    target: { type: "workspace", id: workspace.id, label: workspace.name },
    after: { name: workspace.name, slug: workspace.slug, plan: workspace.plan },
  });
  return { slug: workspace.slug };
});
