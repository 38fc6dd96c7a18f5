"use server";

import { userAction, workspaceAction } from "@/lib/authz/guard";
import { createWorkspaceWithOwner } from "./create";
import { auditRetentionSchema, createWorkspaceSchema, workspaceSettingsSchema } from "./schemas";

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

// POST settings/audit-retention — how long the audit log keeps events. Shortening it takes
// effect at the next purge (on the server's schedule or `npm run audit:purge`), not at once.
export const updateAuditRetention = workspaceAction("settings:manage", auditRetentionSchema, async (input, { tx, workspace, audit, unchanged }) => {
  if (input.auditRetentionDays === workspace.auditRetentionDays) {
    unchanged();
    return input;
  }
  await tx.workspace.update({ where: { id: workspace.id }, data: { auditRetentionDays: input.auditRetentionDays } });
  await audit({
    action: "workspace.settings_changed",
    target: { type: "workspace", id: workspace.id, label: workspace.name },
    before: { auditRetentionDays: workspace.auditRetentionDays },
    after: { auditRetentionDays: input.auditRetentionDays },
  });
  return input;
});
