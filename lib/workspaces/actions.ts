"use server";

import { userAction, workspaceAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "./create";
import { createWorkspaceSchema, renameWorkspaceSchema } from "./schemas";

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

// POST settings — rename the workspace (its slug, and so every link, stays).
export const renameWorkspace = workspaceAction("settings:manage", renameWorkspaceSchema, async (input, { tx, workspace, audit }) => {
  if (input.name === workspace.name) return { name: workspace.name };
  await tx.workspace.update({ where: { id: workspace.id }, data: { name: input.name } });
  await audit({
    action: "workspace.settings_changed",
    target: { type: "workspace", id: workspace.id, label: input.name },
    before: { name: workspace.name },
    after: { name: input.name },
  });
  return { name: input.name };
});
