"use server";

import { userAction, workspaceAction } from "@/lib/authz/guard";
import { twoFactorRequirementSchema } from "@/lib/auth/two-factor/schemas";
import { Refusal } from "@/lib/core/result";
import { createWorkspaceWithOwner } from "./create";
import { saveSettings } from "./settings";
import { findTwoFactorBlocker } from "./queries";
import { auditRetentionSchema, createWorkspaceSchema, twoFactorBlockerMessage, workspaceSettingsSchema } from "./schemas";

// POST create workspace — the creator becomes its one owner.
export const createWorkspace = userAction(createWorkspaceSchema, async (input, { tx, user, audit }) => {
  const workspace = await createWorkspaceWithOwner(tx, { name: input.name, owner: user }, audit);
  return { slug: workspace.slug };
});

// POST settings — the general settings: the name (its slug, and so every link, stays) and
// the invitation lifetime (new and resent invitations; existing links keep their expiry).
export const updateWorkspaceSettings = workspaceAction("settings:manage", workspaceSettingsSchema, async (input, ctx) => {
  await saveSettings(ctx, { name: input.name, invitationLifetimeDays: input.invitationLifetimeDays });
  return { name: input.name, invitationLifetimeDays: input.invitationLifetimeDays };
});

// POST settings/audit-retention — how long the audit log keeps events. Shortening it takes
// effect at the next purge (on the server's schedule or `npm run audit:purge`), not at once.
export const updateAuditRetention = workspaceAction("settings:manage", auditRetentionSchema, async (input, ctx) => {
  await saveSettings(ctx, { auditRetentionDays: input.auditRetentionDays });
  return input;
});

// POST settings/two-factor — whether members must have two-factor authentication to open
// this workspace (docs/decisions/013-two-factor.md). Switching it on is refused unless the
// actor and the owner have it on themselves, read under the workspace lock; switching it
// off needs nothing.
export const updateTwoFactorRequirement = workspaceAction("settings:manage", twoFactorRequirementSchema, async (input, ctx) => {
  if (input.required && !ctx.workspace.requireTwoFactor) {
    const blocker = await findTwoFactorBlocker(ctx.workspace.id, ctx.user.id, ctx.tx);
    if (blocker) throw new Refusal("conflict", twoFactorBlockerMessage(blocker));
  }
  await saveSettings(ctx, { requireTwoFactor: input.required });
  return input;
});
