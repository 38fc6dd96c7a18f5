"use server";

import { userAction, workspaceAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "./create";
import { createWorkspaceSchema, workspaceSettingsSchema } from "./schemas";

// POST create workspace — the creator becomes its one owner.
export const createWorkspace = userAction(createWorkspaceSchema, async (input, { tx, user, audit }) => {
  const workspace = await createWorkspaceWithOwner(tx, { name: input.name, owner: user }, audit);
  return { slug: workspace.slug };
});

// POST settings — the general settings: the name (its slug, and so every link, stays) and
// the invitation lifetime (new and resent invitations; existing links keep their expiry).
export const updateWorkspaceSettings = workspaceAction("settings:manage", workspaceSettingsSchema, async (input, { tx, workspace, audit, unchanged }) => {
  const current = { name: workspace.name, invitationLifetimeDays: workspace.invitationLifetimeDays };
  const changed = (Object.keys(current) as (keyof typeof current)[]).filter((key) => input[key] !== current[key]);
  if (changed.length === 0) {
    unchanged();
    return current;
  }
  await tx.workspace.update({ where: { id: workspace.id }, data: input });
  await audit({
    action: "workspace.settings_changed",
    target: { type: "workspace", id: workspace.id, label: input.name },
    before: Object.fromEntries(changed.map((key) => [key, current[key]])),
    after: Object.fromEntries(changed.map((key) => [key, input[key]])),
  });
  return { name: input.name, invitationLifetimeDays: input.invitationLifetimeDays };
});
