import "server-only";
import type { WorkspaceContext } from "@/lib/authz/guard";

/** The workspace's own settings, each saved by one of the settings page's forms. */
type Settings = Pick<WorkspaceContext["workspace"], "name" | "invitationLifetimeDays" | "auditRetentionDays" | "requireTwoFactor">;

/**
 * Saves the settings in `next` that differ from the workspace's, recording one
 * `workspace.settings_changed` with only those, before and after; nothing changed records
 * nothing. Every settings form saves through here, so the audit trail reads the same.
 */
export async function saveSettings<K extends keyof Settings>(ctx: Pick<WorkspaceContext, "tx" | "workspace" | "audit" | "unchanged">, next: Pick<Settings, K>) {
  const { tx, workspace, audit, unchanged } = ctx;
  const changed = (Object.keys(next) as K[]).filter((key) => next[key] !== workspace[key]);
  if (changed.length === 0) return unchanged();
  await tx.workspace.update({ where: { id: workspace.id }, data: next });
  await audit({
    action: "workspace.settings_changed",
    // The name the workspace has from now on.
    target: { type: "workspace", id: workspace.id, label: (next as Partial<Settings>).name ?? workspace.name },
    before: Object.fromEntries(changed.map((key) => [key, workspace[key]])),
    after: Object.fromEntries(changed.map((key) => [key, next[key]])),
  });
}
