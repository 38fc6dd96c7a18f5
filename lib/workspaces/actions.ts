"use server";

import { userAction, workspaceAction } from "@/lib/authz/guard";
import { twoFactorRequirementSchema } from "@/lib/auth/two-factor/schemas";
import { Refusal } from "@/lib/core/result";
import { createWorkspaceWithOwner } from "./create";
import { findTwoFactorBlocker } from "./queries";
import { auditRetentionSchema, createWorkspaceSchema, twoFactorBlockerMessage, workspaceSettingsSchema } from "./schemas";

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

// POST settings/two-factor — whether members must have two-factor authentication to open
// this workspace (docs/decisions/013-two-factor.md). Switching it on is refused unless the
// actor and the owner have it on themselves, read under the workspace lock; switching it
// off needs nothing.
export const updateTwoFactorRequirement = workspaceAction("settings:manage", twoFactorRequirementSchema, async (input, { tx, workspace, user, audit, unchanged }) => {
  if (input.required === workspace.requireTwoFactor) {
    unchanged();
    return input;
  }
  if (input.required) {
    const blocker = await findTwoFactorBlocker(workspace.id, user.id, tx);
    if (blocker) throw new Refusal("conflict", twoFactorBlockerMessage(blocker));
  }
  await tx.workspace.update({ where: { id: workspace.id }, data: { requireTwoFactor: input.required } });
  await audit({
    action: "workspace.settings_changed",
    target: { type: "workspace", id: workspace.id, label: workspace.name },
    before: { requireTwoFactor: workspace.requireTwoFactor },
    after: { requireTwoFactor: input.required },
  });
  return input;
});
